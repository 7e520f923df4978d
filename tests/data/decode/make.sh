#!/bin/sh
# Regenerate the test files of tests/data/decode/ from a paragraph of
# corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt. Needs python3
# (its gzip and zipfile modules). Run from anywhere:
#     sh tests/data/decode/make.sh
# The legacy encodings are written with the tables of data/encodings/,
# Windows-1258 with Python's cp1258 codec.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
cd "$HERE"

# The seed: line 9, which holds "thông tin sai sự thật".
sed -n 9p "$ROOT/corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt" > para.utf8.txt

python3 - "$ROOT/data/encodings" <<'PY'
import sys, unicodedata, zipfile, gzip, os
sys.path.insert(0, sys.argv[1])
from legacy import table, encode

text = open("para.utf8.txt", encoding="utf-8").read()

def cp1258(s):
    out = b""
    for ch in s:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        base = "".join(c for c in d if c not in tone)
        out += unicodedata.normalize("NFC", base).encode("cp1258") + tone.encode("cp1258")
    return out

open("para.tcvn3.txt", "wb").write(encode(text, table("tcvn3.txt")))
open("para.vni.txt", "wb").write(encode(text, table("vni.txt")))
open("para.viscii.txt", "wb").write(encode(text, table("viscii.txt")))
open("para.cp1258.txt", "wb").write(cp1258(text))
open("para.utf16le.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open("para.utf16be.txt", "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
open("para.utf16le-nobom.txt", "wb").write(text.encode("utf-16-le"))
open("para.bom.txt", "wb").write(b"\xef\xbb\xbf" + text.encode("utf-8"))
open("para.nfd.txt", "wb").write(unicodedata.normalize("NFD", text).encode("utf-8"))
open("upper.vni.txt", "wb").write(encode("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", table("vni.txt")))

# HTML in Windows-1258, named by <meta http-equiv>.
html = ("<!DOCTYPE html>\n<html><head>"
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
        "<title>Tiêu đề</title><style>p { color: red }</style>"
        "<script>var x = '<p>không</p>';</script></head>\n<body>"
        "<nav><a href=\"/\">Trang chủ</a></nav><header>Cổng thông tin</header>"
        "<!-- ghi chú -->\n<h1>BÁO CÁO</h1>\n"
        "<p>Đăng tải   thông tin\n sai sự thật;&nbsp;xử phạt 7,5&nbsp;triệu đồng.</p>"
        "<p>Mã &#7921; &#x1EF1; &agrave; &amp; &lt;b&gt;<br>dòng hai</p>"
        "<table><tr><th>STT</th><th>Nội dung</th></tr>"
        "<tr><td>1</td><td>Kiểm tra</td></tr></table>"
        "<ul><li>một</li><li>hai</li></ul>"
        "<aside>Liên kết</aside><footer>Bản quyền</footer></body></html>\n")
open("page.html", "wb").write(cp1258(html))

# Word documents: a paragraph, a table and a footnote; a zip bomb; XML
# nested too deeply.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def run(t):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % t
def para(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"
def cell(t):
    return "<w:tc>" + para(run(t)) + "</w:tc>"
body = (para(run("BÁO CÁO")) +
        para(run("Đăng tải thông tin sai sự thật"),
             '<w:r><w:footnoteReference w:id="1"/></w:r>', run(" bị xử phạt.")) +
        "<w:tbl><w:tr>" + cell("STT") + cell("Nội dung") + "</w:tr>"
        "<w:tr>" + cell("1") + cell("Kiểm tra") + "</w:tr></w:tbl>" +
        para(run("Hết"), '<w:r><w:tab/></w:r>', run("trang"),
             '<w:r><w:footnoteReference w:id="2"/></w:r>'))
document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document %s><w:body>%s</w:body></w:document>' % (W, body))
footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<w:footnotes %s>'
             '<w:footnote w:type="separator" w:id="-1">' + para(run("---")) + '</w:footnote>'
             '<w:footnote w:id="1">' + para(run("Theo Nghị định số 15/2020/NĐ-CP.")) + '</w:footnote>'
             '<w:footnote w:id="2">' + para(run("Ghi chú hai.")) + '</w:footnote>'
             '</w:footnotes>') % W
content_types = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
def docx(name, doc, notes=None):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in (("[Content_Types].xml", content_types),
                        ("word/document.xml", doc),
                        ("word/footnotes.xml", notes)):
            if data is not None:
                zi = zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
docx("report.docx", document, footnotes)
docx("bomb.docx", '<w:document %s><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>'
     % (W, " " * (4 << 20)))
docx("deep.docx", '<w:document %s><w:body>%s%s</w:body></w:document>'
     % (W, "<w:p>" * 300, "</w:p>" * 300))
with open("report.docx", "rb") as f:
    open("report.docx.gz", "wb").write(gzip.compress(f.read(), mtime=0))

# A one-page PDF with Helvetica text, offsets computed here.
def pdf(lines):
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join("(%s) '" % l for l in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, o)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offsets:
        out += ("%010d 00000 n \n" % off).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref)).encode()
    return out
open("report.pdf", "wb").write(pdf(["BAO CAO", "Thong tin sai su that"]))

# Binary files.
open("image.png", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
open("program.bin", "wb").write(b"\x7fELF\x02\x01\x01" + bytes(64))
open("nul.txt", "wb").write(b"abc\x00def\n")
open("empty.txt", "wb").write(b"")

# gzip of the paragraph; a gzip bomb (1 MiB of zeros, ~1 KB packed).
with open("para.txt.gz", "wb") as f:
    f.write(gzip.compress(text.encode("utf-8"), mtime=0))
with open("bomb.txt.gz", "wb") as f:
    f.write(gzip.compress(b"a" * (1 << 20), mtime=0))
open("truncated.txt.gz", "wb").write(gzip.compress(text.encode("utf-8"), mtime=0)[:200])

# A plain zip that is not a Word document; a broken zip.
with zipfile.ZipFile("archive.zip", "w") as z:
    z.writestr("a.txt", "hello")
open("broken.docx", "wb").write(b"PK\x03\x04" + b"\x14\x00" + b"garbage" * 20)
PY
