#!/usr/bin/python3
"""Browser tests of tracuu-web in a real headless Chromium (Selenium).

Usage: /usr/bin/python3 tests/web/browser.py URL SHOTS_DIR

URL is a running tracuu-web over corpus/ plus the test's report with
markup in it. Each step leaves a screenshot in SHOTS_DIR. Exit status 0
when every check passed, 1 when one failed, 77 when Chromium cannot
start (the caller skips with a message).
"""
import csv
import io
import os
import shutil
import sys
import tempfile
import time
import urllib.parse

try:
    from selenium import webdriver
    from selenium.common.exceptions import (NoAlertPresentException,
                                            StaleElementReferenceException,
                                            WebDriverException)
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as e:                       # pragma: no cover
    print("browser: selenium is missing (%s)" % e)
    sys.exit(77)

URL, SHOTS = sys.argv[1].rstrip("/"), sys.argv[2]
os.makedirs(SHOTS, exist_ok=True)
passed = failed = 0


def check(name, want, got):
    global passed, failed
    if want == got:
        passed += 1
    else:
        failed += 1
        print("FAIL: %s\n  expected: %r\n  got:      %r" % (name, want, got))


def start_browser(profile, downloads):
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1000",
                 "--user-data-dir=" + profile, "--lang=vi"):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(30)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior",
                               {"behavior": "allow", "downloadPath": downloads})
    except WebDriverException:
        pass
    return driver


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def no_alert(driver):
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


def main():
    tmp = tempfile.mkdtemp(prefix="tracuu-browser.")
    profile, downloads = os.path.join(tmp, "profile"), os.path.join(tmp, "downloads")
    os.makedirs(downloads)
    try:
        driver = start_browser(profile, downloads)
    except WebDriverException as e:
        print("browser: Chromium cannot start: %s" % str(e).splitlines()[0])
        shutil.rmtree(tmp, ignore_errors=True)
        return 77
    wait = WebDriverWait(driver, 20,
                         ignored_exceptions=(StaleElementReferenceException,))
    try:
        run(driver, wait, downloads)
    finally:
        driver.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    print("browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def visible(wait, css):
    return wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def run(driver, wait, downloads):
    # 1. The headline question typed without diacritics.
    driver.get(URL + "/")
    check("page title", "Tra cứu báo cáo", driver.title)
    check("Vietnamese by default", "vi", driver.find_element(By.TAG_NAME, "html").get_attribute("lang"))
    box = driver.find_element(By.ID, "q")
    question = "tat ca cac khoan phat ve thong tin sai su that nam 2024"
    box.send_keys(question)
    box.send_keys(Keys.ENTER)
    total = visible(wait, "#total-amount")
    check("the total", "Tổng cộng: 39.500.000 đồng", total.text)
    rows = driver.find_elements(By.CSS_SELECTOR, "#cases tbody tr")
    check("cases listed (2 aggregates, 2 members)", 4, len(rows))
    members = driver.find_elements(By.CSS_SELECTOR, "#cases tbody tr.member")
    check("members under their aggregate", 2, len(members))
    sources = driver.find_elements(By.CSS_SELECTOR, "#cases a.source")
    check("every case has a source", True, len(sources) >= 4)
    names = sorted(set(s.text.rsplit("/", 1)[-1] for s in sources))
    check("the sources", ["an-giang-2024-h1-thanh-tra-kiem-tra.txt:16",
                          "bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9",
                          "bac-giang-2024-h1-phong-chong-toi-pham.txt:57",
                          "bac-giang-2024-h1-phong-chong-toi-pham.txt:63"], names)
    words = [w.get_attribute("data-role") for w in
             driver.find_elements(By.CSS_SELECTOR, "#reading .word")]
    check("the reading shows every word with its role",
          ["filler", "filler", "filter", "filler", "filter", "filter"], words)
    check("the URL holds the query", question,
          urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query).get("q", [""])[0])
    bars = driver.find_elements(By.CSS_SELECTOR, "#chart svg rect.bar")
    check("the trend chart has a bar for 2024", ["2024"], [b.get_attribute("data-value") for b in bars])
    shot(driver, "1-answer")

    # 1b. A word no case mentions is shown as ignored, and the answer
    # stays that of the question.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(question + " zzlutloi" + Keys.ENTER)
    ignored = visible(wait, "#reading .word.role-ignored")
    check("the ignored word", True, ignored.text.startswith("zzlutloi"))
    wait.until(lambda d: d.find_element(By.ID, "total-amount").text == "Tổng cộng: 39.500.000 đồng")
    check("a note says it is ignored", True, "zzlutloi" in driver.find_element(By.CSS_SELECTOR, "#reading .notes").text)
    shot(driver, "1b-ignored")
    driver.back()
    visible(wait, "#total-amount")
    sources = driver.find_elements(By.CSS_SELECTOR, "#cases a.source")

    # 2. A source opens its report, the cited line highlighted and in view.
    link = [s for s in sources if s.text.endswith("phong-chong-toi-pham.txt:57")][0]
    link.click()
    cited = visible(wait, "#report-text .ln.cited")
    check("the cited line", "57", cited.get_attribute("data-line"))
    check("the cited line's text", True, "19,5 triệu đồng" in cited.text)
    in_view = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(), b = document.getElementById('report-text')"
        ".getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom"
        " && r.top >= 0 && r.bottom <= window.innerHeight;", cited)
    check("the cited line is scrolled into view", True, in_view)
    meta = {d.get_attribute("data-meta"): d.text for d in
            driver.find_elements(By.CSS_SELECTOR, "#report-meta dd")}
    check("the report's number", "180/BC-STTTT", meta.get("number"))
    check("the report's date", "2024-06-11", meta.get("date"))
    check("the report's signer", "Ngô Đình Tiến (PHÓ GIÁM ĐỐC)", meta.get("signer"))
    check("the report's agency", "Sở Thông tin và Truyền thông", meta.get("agency"))
    check("the report's cases listed", True,
          len(driver.find_elements(By.CSS_SELECTOR, "#report-cases tbody tr")) >= 2)
    check("the report is addressed by id", True, "id=" in driver.current_url
          and "corpus" not in driver.current_url)
    shot(driver, "2-report")

    # 3. Back restores the answer; forward the report.
    driver.back()
    visible(wait, "#total-amount")
    check("back: the box holds the query", question, driver.find_element(By.ID, "q").get_attribute("value"))
    check("back: the total again", "Tổng cộng: 39.500.000 đồng", driver.find_element(By.ID, "total-amount").text)
    driver.forward()
    cited = visible(wait, "#report-text .ln.cited")
    check("forward: the report again", "57", cited.get_attribute("data-line"))
    driver.back()
    visible(wait, "#total-amount")

    # 4. A facet becomes a filter, and is removed again.
    facet = wait.until(EC.element_to_be_clickable(
        (By.CSS_SELECTOR, '#facet-list ul[data-field="province"] button[data-filter="province:\\"Bắc Giang\\""]')))
    facet.click()
    chip = visible(wait, '#chips .chip[data-filter="province:\\"Bắc Giang\\""]')
    wait.until(lambda d: d.find_element(By.ID, "total-amount").text == "Tổng cộng: 19.500.000 đồng"
               or d.find_element(By.ID, "total-amount").text.endswith("đồng") and
               "39.500.000" not in d.find_element(By.ID, "total-amount").text)
    filtered = driver.find_element(By.ID, "total-amount").text
    check("the filter changes the total", True, "39.500.000" not in filtered)
    provinces = set(td.text for td in driver.find_elements(By.CSS_SELECTOR, "#cases tbody tr td:nth-child(2)"))
    check("only Bắc Giang's cases", {"Bắc Giang"}, provinces)
    check("the URL holds the filter", ['province:"Bắc Giang"'],
          urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query).get("f"))
    shot(driver, "3-facet")
    chip.find_element(By.TAG_NAME, "button").click()
    wait.until(lambda d: "39.500.000" in d.find_element(By.ID, "total-amount").text)
    check("the filter removed", 0, len(driver.find_elements(By.CSS_SELECTOR, "#chips .chip")))
    shot(driver, "4-facet-removed")

    # 5. The CSV download, parsed.
    driver.find_element(By.ID, "csv").click()
    path = None
    for _ in range(100):
        # Chromium may name the file before it writes it: done when no
        # partial download is left and the file has bytes.
        names = os.listdir(downloads)
        done = [f for f in names if f.endswith(".csv")
                and os.path.getsize(os.path.join(downloads, f)) > 0]
        if done and not any(f.endswith(".crdownload") for f in names):
            path = os.path.join(downloads, done[0])
            break
        time.sleep(0.1)
    check("a CSV was downloaded", True, path is not None)
    if path:
        raw = open(path, "rb").read()
        check("CSV starts with a byte order mark", b"\xef\xbb\xbf", raw[:3])
        rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
        check("CSV rows: one per case", 4, len(rows))
        amounts = sorted(r.get("amount_vnd", "") for r in rows)
        check("CSV amounts", True, "19500000" in amounts and "20000000" in amounts)
        check("CSV provinces", {"An Giang", "Bắc Giang"}, set(r.get("province") for r in rows))

    # 5b. The print view: the answer alone, the question at its head.
    driver.find_element(By.ID, "print").click()
    wait.until(lambda d: "print-view" in d.find_element(By.TAG_NAME, "body").get_attribute("class"))
    check("print view: no facets", False, driver.find_element(By.ID, "facets").is_displayed())
    check("print view: no search box", False, driver.find_element(By.ID, "q").is_displayed())
    check("print view: the question heads it", "Câu hỏi: " + question,
          driver.find_element(By.CSS_SELECTOR, "#print-head h1").text)
    check("print view: the total", "Tổng cộng: 39.500.000 đồng", driver.find_element(By.ID, "total-amount").text)
    shot(driver, "5b-print")
    driver.back()
    wait.until(lambda d: "print-view" not in d.find_element(By.TAG_NAME, "body").get_attribute("class"))

    # 6. The English switch.
    driver.find_element(By.ID, "lang").click()
    wait.until(lambda d: d.find_element(By.ID, "total-amount").text.startswith("Total"))
    check("English", "Total: 39,500,000 đồng", driver.find_element(By.ID, "total-amount").text)
    shot(driver, "5-english")
    driver.find_element(By.ID, "lang").click()
    wait.until(lambda d: d.find_element(By.ID, "total-amount").text.startswith("Tổng"))

    # 7. A plain search: results with highlighted passages, sorted by date.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys('"thong tin sai su that"' + Keys.ENTER)
    visible(wait, "#hits li.hit")
    hits = driver.find_elements(By.CSS_SELECTOR, "#hits li.hit")
    check("results listed", True, len(hits) >= 3)
    marks = hits[0].find_elements(By.CSS_SELECTOR, ".snippet mark")
    check("the passage is highlighted", "thông tin sai sự thật", " ".join(m.text for m in marks[:5]))
    check("date and province shown", True, "Bắc Giang" in driver.find_element(By.ID, "hits").text)
    driver.find_element(By.CSS_SELECTOR, '#sort option[value="newest"]').click()
    wait.until(lambda d: "sort=newest" in d.current_url)
    visible(wait, "#hits li.hit")
    shot(driver, "6-search")

    # 8. The report with markup shows it as text and runs nothing.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("onerror" + Keys.ENTER)
    link = visible(wait, "#hits li.hit a.source")
    check("no script ran on the results", True, no_alert(driver))
    check("the markup of the passage is text", True,
          "<img" in driver.find_element(By.CSS_SELECTOR, "#hits .snippet").text)
    check("no image made from the passage", 0,
          len(driver.find_elements(By.CSS_SELECTOR, "#hits img")))
    link.click()
    text = visible(wait, "#report-text")
    wait.until(lambda d: "<script>" in d.find_element(By.ID, "report-text").text)
    check("the <script> line shows as text", True, "<script>alert(" in text.text)
    check("the onerror line shows as text", True, '"><img src=x onerror=' in text.text)
    check("no element made from the report", 0,
          len(driver.find_elements(By.CSS_SELECTOR, "#report img, #report-text script")))
    check("no script ran on the report", True, no_alert(driver))
    check("its title is text too", True, "<" in driver.find_element(By.ID, "report-title").text
          or driver.find_element(By.ID, "report-title").text != "")
    shot(driver, "7-markup-as-text")

    # 9. A link opened afresh restores the same page (the URL is the state).
    driver.get(driver.current_url)
    visible(wait, "#report-text .ln")
    check("a fresh load of a report link", True,
          "<script>alert(" in driver.find_element(By.ID, "report-text").text)


if __name__ == "__main__":
    sys.exit(main())
