#!/bin/sh
# End-to-end tests of office documents through the real programs: a
# spreadsheet annex, an .odt report and an RTF saved as .doc, made here
# with python3's zipfile, indexed, searched and extracted.
# Usage: sh tests/office.sh BUILD_DIR   (from the repository root)
set -u

BUILD=${1:-build}
INDEX="$PWD/$BUILD/tracuu-index"
QUERY="$PWD/$BUILD/tracuu-query"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-office.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export TRACUU_DB="$TMP/unused-default.db"

passed=0
failed=0
ok () { passed=$((passed + 1)); }
fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    [ -n "${2:-}" ] && printf '  expected: %s\n  got:      %s\n' "$2" "${3:-}"
}
check () { if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi; }

mkdir -p "$TMP/docs"
python3 - "$TMP/docs" <<'PY'
import sys, zipfile
d = sys.argv[1]
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
with zipfile.ZipFile(d + '/phu-luc-xu-phat.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', '<workbook %s xmlns:r="r"><sheets>'
               '<sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>' % ns)
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" '
               'Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr('xl/sharedStrings.xml', '<sst %s><si><t>Tài khoản</t></si>'
               '<si><t>Hành vi</t></si><si><t>Số tiền (đồng)</t></si>'
               '<si><t>tiktok @quanbanhang</t></si><si><t>Đăng tải thông tin sai sự thật</t></si></sst>' % ns)
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet %s><sheetData>'
               '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
               '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>7500000</v></c></row>'
               '</sheetData></worksheet>' % ns)
with zipfile.ZipFile(d + '/bao-cao.odt', 'w') as z:
    z.writestr('mimetype', 'application/vnd.oasis.opendocument.text')
    z.writestr('content.xml', '<office:document-content xmlns:office="o" xmlns:text="t">'
               '<office:body><office:text><text:h>BÁO CÁO</text:h>'
               '<text:p>Thanh tra Sở đã ban hành quyết định xử phạt vi phạm hành chính '
               'đối với bà Trần Thị Lan số tiền 12,5 triệu đồng vì cung cấp thông tin '
               'sai sự thật trên mạng xã hội.</text:p></office:text></office:body>'
               '</office:document-content>')
open(d + '/ke-hoach.doc', 'w').write(
    '{\\rtf1\\ansi\\ansicpg1258{\\fonttbl{\\f0\\fcharset163 Times New Roman;}}'
    '\\pard K\\u7871? ho\\u7841?ch tuy\\u234?n truy\\u7873?n ph\\u242?ng ch\\u7889?ng tin gi\\u7843?\\par}')
with zipfile.ZipFile(d + '/hong.xlsx', 'w') as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets>')
PY

out=$("$INDEX" --db "$TMP/db" "$TMP/docs" 2>"$TMP/err")
check 'office exit status' 1 $?
check 'office summary' "indexed 3, unchanged 0, removed 0, failed 1, skipped 0" \
    "$(printf '%s' "$out" | sed 's/ in [0-9.]* s$//')"
check 'broken xlsx message' "tracuu-index: $TMP/docs/hong.xlsx: xl/workbook.xml: malformed XML" \
    "$(cat "$TMP/err")"
check 'spreadsheet cell found' "1. $TMP/docs/phu-luc-xu-phat.xlsx:3
   tiktok [@quanbanhang]	Đăng tải thông tin sai sự thật	7500000" \
    "$("$QUERY" --db "$TMP/db" quanbanhang)"
check 'odt found' "bao-cao.odt" "$("$QUERY" --db "$TMP/db" -l '"Trần Thị Lan"' | sed 's|.*/||')"
check 'RTF saved as .doc found' "ke-hoach.doc" "$("$QUERY" --db "$TMP/db" -l '"tin giả"' | sed 's|.*/||')"
check 'fine of the odt' "fine 12500000" "$("$INDEX" --extract "$TMP/docs/bao-cao.odt" | python3 -c '
import json, sys
print(" ".join("%s %s" % (c["action"], c["amount_vnd"]) for c in json.load(sys.stdin)["cases"]))')"

echo
echo "office: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
