/*
 * Tests of the office decoders: .xlsx, .ods, .csv, .odt and .rtf, and
 * hostile files (zip bombs, entity expansion, truncation, nesting). The
 * documents are written here, with libzip, into a temporary folder.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "tracuu/decode.h"
#include "support.h"

/* An entry of a zip written by make_zip(). */
typedef struct entry {
    const char *name;
    const char *data;
    size_t len;                 /* 0: strlen (data). */
} entry_t;

static char dir[64];

static void
setup (void)
{
    snprintf (dir, sizeof dir, "/tmp/tracuu-office-XXXXXX");
    cr_assert_not_null (mkdtemp (dir));
}

static void
teardown (void)
{
    char cmd[128];

    snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq (system (cmd), 0);
}

TestSuite (office, .init = setup, .fini = teardown);

/* Write a zip named 'name' in the test folder; returns its path. */
static char *
make_zip (const char *name, const entry_t *entries, size_t n)
{
    char *path = NULL;
    zip_t *zip;
    int err = 0;

    cr_assert (asprintf (&path, "%s/%s", dir, name) > 0);
    zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    cr_assert_not_null (zip, "zip_open %s: %d", path, err);
    for (size_t i = 0; i < n; i++) {
        size_t len = entries[i].len ? entries[i].len : strlen (entries[i].data);
        zip_source_t *src = zip_source_buffer (zip, entries[i].data, len, 0);

        cr_assert_not_null (src);
        cr_assert (zip_file_add (zip, entries[i].name, src, 0) >= 0);
    }
    cr_assert_eq (zip_close (zip), 0, "zip_close: %s", zip_strerror (zip));
    return path;
}

static char *
make_file (const char *name, const char *data, size_t len)
{
    char *path = NULL;
    FILE *f;

    cr_assert (asprintf (&path, "%s/%s", dir, name) > 0);
    f = fopen (path, "wb");
    cr_assert_not_null (f);
    cr_assert_eq (fwrite (data, 1, len, f), len);
    fclose (f);
    return path;
}

/* Decode 'path' and expect 'format' and exactly 'text'. */
static void
expect_text (const char *path, const char *format, const char *text)
{
    tracuu_decoded_t d;
    tracuu_status_t st = tracuu_decode_file (path, NULL, &d);

    cr_assert_eq (st, TRACUU_STATUS_OK, "%s: %s", path, d.error);
    cr_expect_str_eq (d.format, format);
    cr_expect_str_eq (d.text, text);
    tracuu_decoded_dispose (&d);
}

/* Decode 'path' and expect 'status' and a reason starting with 'error'. */
static void
expect_error (const char *path, tracuu_status_t status, const char *error)
{
    tracuu_decoded_t d;
    tracuu_status_t st = tracuu_decode_file (path, NULL, &d);

    cr_expect_eq (st, status, "%s: %s (%s)", path,
                  tracuu_status_to_string (st), d.error);
    cr_expect (strncmp (d.error, error, strlen (error)) == 0,
               "%s: reason \"%s\", expected \"%s...\"", path, d.error, error);
    cr_expect_null (d.text);
    tracuu_decoded_dispose (&d);
}

static const char XLSX_BOOK[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Phụ lục 1\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Tổng hợp\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
static const char XLSX_RELS[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId2\" Type=\"worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
    "</Relationships>";
static const char XLSX_STRINGS[] =
    "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>Đối tượng</t></si>"
    "<si><r><t>Số tiền </t></r><r><t>(triệu đồng)</t></r><rPh><t>x</t></rPh></si>"
    "<si><t>Ngày quyết định</t></si>"
    "<si><t xml:space=\"preserve\">Cửa hàng   điện thoại</t></si></sst>";
static const char XLSX_STYLES[] =
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts>"
    "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"4\"/></cellXfs>"
    "</styleSheet>";
static const char XLSX_SHEET1[] =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"D1\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Ông Nguyễn Văn Hùng</t></is></c>"
    "<c r=\"B2\"><v>7.5</v></c><c r=\"D2\" s=\"1\"><v>45458</v></c><c r=\"E2\"/></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c><c r=\"B4\" s=\"2\"><v>12500000</v></c>"
    "<c r=\"C4\" t=\"str\"><f>A1</f><v>có</v></c><c r=\"D4\" t=\"b\"><v>1</v></c></row>"
    "</sheetData></worksheet>";
static const char XLSX_SHEET2[] =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Tổng</t></is></c>"
    "<c r=\"B1\"><v>4.7500000000000001E-2</v></c></row></sheetData></worksheet>";

Test (office, xlsx)
{
    entry_t e[] = {
        { "[Content_Types].xml", "<Types/>", 0 },
        { "xl/workbook.xml", XLSX_BOOK, 0 },
        { "xl/_rels/workbook.xml.rels", XLSX_RELS, 0 },
        { "xl/sharedStrings.xml", XLSX_STRINGS, 0 },
        { "xl/styles.xml", XLSX_STYLES, 0 },
        { "xl/worksheets/sheet1.xml", XLSX_SHEET1, 0 },
        { "xl/worksheets/sheet2.xml", XLSX_SHEET2, 0 },
    };
    const char *expected =
        "Phụ lục 1\n"
        "Đối tượng\tSố tiền (triệu đồng)\t\tNgày quyết định\n"
        "Ông Nguyễn Văn Hùng\t7,5\t\t15/06/2024\n"
        "\n"
        "Cửa hàng   điện thoại\t12500000\tcó\tTRUE\n"
        "\n"
        "Tổng hợp\n"
        "Tổng\t0,0475\n"
        "\n";
    char *path = make_zip ("phu-luc.xlsx", e, sizeof e / sizeof e[0]);
    char *renamed = NULL;

    expect_text (path, "xlsx", expected);
    /* Recognised by content under any name. */
    cr_assert (asprintf (&renamed, "%s/phu-luc.dat", dir) > 0);
    cr_assert_eq (rename (path, renamed), 0);
    expect_text (renamed, "xlsx", expected);
    free (path);
    free (renamed);
}

static const char ODS_CONTENT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
    "<office:body><office:spreadsheet>"
    "<table:table table:name=\"Danh sách\">"
    "<table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Tài khoản</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell><text:p>Mức phạt</text:p><text:p>(đồng)</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>"
    "<table:table-row><table:table-cell><text:p>tiktok<text:s text:c=\"2\"/>@banhang</text:p>"
    "<office:annotation><text:p>ghi chú</text:p></office:annotation></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"2\"><text:p>x</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"float\" office:value=\"5000000\"><text:p>5.000.000</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
    "<table:table-row><table:table-cell><text:p>Cuối</text:p></table:table-cell></table:table-row>"
    "</table:table>"
    "<table:table table:name=\"Trống\"/>"
    "</office:spreadsheet></office:body></office:document-content>";

Test (office, ods)
{
    entry_t e[] = {
        { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0 },
        { "content.xml", ODS_CONTENT, 0 },
    };
    char *path = make_zip ("bang.ods", e, 2);

    expect_text (path, "ods",
                 "Danh sách\n"
                 "Tài khoản\t\t\tMức phạt (đồng)\n"
                 "tiktok  @banhang\tx\tx\t5.000.000\n"
                 "\n"
                 "Cuối\n"
                 "\n"
                 "Trống\n"
                 "\n");
    free (path);
}

static const char ODT_CONTENT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
    "<office:body><office:text><text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>"
    "<text:h text:outline-level=\"1\">BÁO CÁO</text:h>"
    "<text:p>Xử phạt 02 cơ sở<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
    "<text:note-body><text:p>Cơ sở A;</text:p><text:p>cơ sở B.</text:p></text:note-body></text:note>"
    " với số tiền<text:tab/>15 triệu đồng.<text:line-break/>Dòng sau.</text:p>"
    "<text:list><text:list-item><text:p>- Gỡ bỏ <text:span>bài viết</text:span>.</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Tháng</text:p></table:table-cell>"
    "<table:table-cell><text:p>Số vụ</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>3</text:p></table:table-cell>"
    "<table:table-cell><text:p>12</text:p><text:p>(ước)</text:p></table:table-cell></table:table-row></table:table>"
    "</office:text></office:body></office:document-content>";

Test (office, odt)
{
    entry_t e[] = {
        { "mimetype", "application/vnd.oasis.opendocument.text", 0 },
        { "content.xml", ODT_CONTENT, 0 },
    };
    char *path = make_zip ("bao-cao.odt", e, 2);
    char *renamed = NULL;
    const char *expected =
        "BÁO CÁO\n"
        "Xử phạt 02 cơ sở¹ với số tiền\t15 triệu đồng.\nDòng sau.\n"
        "- Gỡ bỏ bài viết.\n"
        "Tháng\tSố vụ\n"
        "3\t12 (ước)\n"
        "¹ Cơ sở A; cơ sở B.\n";

    expect_text (path, "odt", expected);
    cr_assert (asprintf (&renamed, "%s/bao-cao", dir) > 0);
    cr_assert_eq (rename (path, renamed), 0);
    expect_text (renamed, "odt", expected);
    free (path);
    free (renamed);
}

Test (office, rtf_code_pages_unicode_notes_tables)
{
    /* Windows-1258 bytes (\'f0 is đ, \'cc the grave accent, \'f2 the dot
     * below), \u with one fallback byte and, in a group, two; a .VnTime
     * font (TCVN3: \'ae is đ, \'e5 ồ); a footnote; a table. */
    static const char rtf[] =
        "{\\rtf1\\ansi\\ansicpg1258\\deff0"
        "{\\fonttbl{\\f0\\froman\\fcharset163 Times New Roman;}{\\f1\\fnil .VnTime;}}"
        "{\\colortbl;\\red0\\green0\\blue0;}"
        "{\\*\\generator Riched20;}{\\info{\\title Ti\\'eau \\'f0\\'ea\\'d2}}"
        "\\pard\\plain B\\'c1O C\\'c1O\\par\n"
        "X\\u7917? {\\uc2 ph\\u7841??t} {\\f1 \\'ae\\'e5ng}"
        "{\\super\\chftn}{\\footnote\\pard {\\super\\chftn} M\\'f4\\'f2t c\\u417?  s\\u417?\\'d2.}"
        " 5 tri\\u7879?u \\'f0\\'f4\\'ccng\\par\n"
        "\\trowd\\cellx1000\\cellx2000\\pard\\intbl Th\\'e1ng\\cell S\\u7889?\\par v\\u7909?\\cell\\row\n"
        "\\pard "
        "{\\pict\\pngblip 89504e47}\\tab x\\~y\\par}";
    char *path = make_file ("bao-cao.rtf", rtf, sizeof rtf - 1);
    char *as_doc = make_file ("bao-cao.doc", rtf, sizeof rtf - 1);
    tracuu_decoded_t d;
    char *text;

    cr_assert_eq (tracuu_decode_file (path, NULL, &d), TRACUU_STATUS_OK,
                  "%s", d.error);
    text = test_nfc (d.text);
    cr_expect_str_eq (text,
                      "BÁO CÁO\n"
                      "Xử phạt đồng¹ 5 triệu đồng\n"
                      "Tháng\tSố vụ\n"
                      "\tx y\n"
                      "¹ Một cơ sở.\n");
    free (text);
    tracuu_decoded_dispose (&d);
    /* An RTF saved as .doc is RTF. */
    cr_assert_eq (tracuu_decode_file (as_doc, NULL, &d), TRACUU_STATUS_OK);
    cr_expect_str_eq (d.format, "rtf");
    tracuu_decoded_dispose (&d);
    free (path);
    free (as_doc);
}

Test (office, rtf_hostile)
{
    char deep[4096];
    size_t n = 0;
    char *cut, *nested;

    cut = make_file ("cut.rtf", "{\\rtf1\\ansi {\\b B\\'e1o c", 24);
    expect_error (cut, TRACUU_STATUS_BAD_INPUT, "truncated RTF: 2 groups not closed");
    n += (size_t) snprintf (deep, sizeof deep, "{\\rtf1 ");
    while (n < 1500)
        deep[n++] = '{';
    nested = make_file ("nested.rtf", deep, n);
    expect_error (nested, TRACUU_STATUS_LIMIT_EXCEEDED, "RTF groups nested more than 512 deep");
    free (cut);
    free (nested);
}

Test (office, csv)
{
    static const char csv[] =
        "STT;Tên tài khoản;Số tiền (triệu đồng)\r\n"
        "1;\"Cửa hàng \"\"A\"\"; chi nhánh\";7,5\r\n"
        "2;\"Dòng\nhai\";\r\n";
    char *path = make_file ("phu-luc.csv", csv, sizeof csv - 1);

    expect_text (path, "csv",
                 "STT\tTên tài khoản\tSố tiền (triệu đồng)\n"
                 "1\tCửa hàng \"A\"; chi nhánh\t7,5\n"
                 "2\tDòng hai\n");
    free (path);
}

Test (office, zip_bomb)
{
    size_t len = (size_t) 20 << 20;
    char *zeros = calloc (1, len + 64);
    char *path;

    cr_assert_not_null (zeros);
    memcpy (zeros, "<?xml version=\"1.0\"?><a>", 24);
    memset (zeros + 24, ' ', len - 32);
    memcpy (zeros + len - 8, "</a>", 4);
    {
        entry_t e[] = {
            { "mimetype", "application/vnd.oasis.opendocument.text", 0 },
            { "content.xml", zeros, len - 4 },
        };

        path = make_zip ("bomb.odt", e, 2);
    }
    expect_error (path, TRACUU_STATUS_LIMIT_EXCEEDED, "content.xml expands to");
    free (path);
    free (zeros);
}

Test (office, xml_entity_expansion)
{
    static const char laughs[] =
        "<?xml version=\"1.0\"?>"
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
        "<text:p>&lol5;&ext;</text:p></office:text></office:body></office:document-content>";
    entry_t e[] = {
        { "mimetype", "application/vnd.oasis.opendocument.text", 0 },
        { "content.xml", laughs, 0 },
    };
    entry_t x[] = {
        { "xl/workbook.xml", laughs, 0 },
        { "xl/_rels/workbook.xml.rels", XLSX_RELS, 0 },
    };
    char *path = make_zip ("laughs.odt", e, 2);
    char *sheet = make_zip ("laughs.xlsx", x, 2);

    expect_error (path, TRACUU_STATUS_BAD_INPUT,
                  "content.xml declares a DTD, which office documents never do");
    expect_error (sheet, TRACUU_STATUS_BAD_INPUT, "xl/workbook.xml declares a DTD");
    free (path);
    free (sheet);
}

Test (office, truncated_and_broken)
{
    entry_t e[] = {
        { "mimetype", "application/vnd.oasis.opendocument.text", 0 },
        { "content.xml", ODT_CONTENT, 0 },
    };
    entry_t missing[] = { { "xl/workbook.xml", XLSX_BOOK, 0 } };
    char *path = make_zip ("whole.odt", e, 2);
    char *nosheet = make_zip ("nosheet.xlsx", missing, 1);
    size_t len = 0;
    char *bytes = test_slurp (path, &len);
    char *cut = make_file ("cut.odt", bytes, len / 2);
    char *notxml = NULL;
    entry_t bad[] = {
        { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0 },
        { "content.xml", "<office:document-content><table:table>", 0 },
    };

    expect_error (cut, TRACUU_STATUS_BAD_INPUT, "broken zip archive");
    expect_error (nosheet, TRACUU_STATUS_BAD_INPUT,
                  "broken document: no xl/_rels/workbook.xml.rels");
    notxml = make_zip ("bad.ods", bad, 2);
    expect_error (notxml, TRACUU_STATUS_BAD_INPUT, "content.xml: malformed XML");
    free (path);
    free (nosheet);
    free (bytes);
    free (cut);
    free (notxml);
}

Test (office, page_of_line)
{
    const char *text = "một\nhai\n\f\nba\n\fbốn\nnăm";

    cr_expect_eq (tracuu_page_of_line (text, strlen (text), 1), 1);
    cr_expect_eq (tracuu_page_of_line (text, strlen (text), 2), 1);
    cr_expect_eq (tracuu_page_of_line (text, strlen (text), 4), 2);
    cr_expect_eq (tracuu_page_of_line (text, strlen (text), 5), 3);
    cr_expect_eq (tracuu_page_of_line (text, strlen (text), 6), 3);
    cr_expect_eq (tracuu_page_of_line ("không trang", 11, 1), 1);
}
