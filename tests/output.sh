#!/bin/sh
# Text output as people see it: the answer table on a terminal of 80,
# 120 and 200 columns (a pty made by script(1), its width from COLUMNS),
# passages wrapped to the width, whole lines into a pipe, and the
# passage of a search by filters alone.
# Usage: sh tests/output.sh BUILD_DIR   (from the repository root)
set -u

BUILD=${1:-build}
INDEX="$PWD/$BUILD/tracuu-index"
QUERY="$PWD/$BUILD/tracuu-query"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-output.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
DB="$TMP/db"
export LC_ALL=C.UTF-8 TERM=dumb
unset NO_COLOR COLUMNS

passed=0
failed=0
ok () { passed=$((passed + 1)); }
fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    [ $# -ge 3 ] && printf '  expected:\n%s\n  got:\n%s\n' "$2" "${3:-}"
}
check () { if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi; }

# A command line run on a terminal of COLUMNS $1; its output without the
# CRs the terminal adds.
on_tty () {
    COLUMNS=$1 script -qec "$2" /dev/null </dev/null 2>&1 | tr -d '\r'
}
# The table of an answer: from its header to the blank line after it.
table () { sed -n '/^PERIOD/,/^$/p' | sed '$d'; }
# The widest line, in terminal columns (combining marks 0, wide 2).
widest () {
    /usr/bin/python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)
print(max([width(l) for l in sys.stdin.read().splitlines()] + [0]))'
}

"$INDEX" -q --db "$DB" corpus
check 'index corpus' 0 $?
Q="'$QUERY' --db '$DB' 'all fines for false information in 2024'"

# --- The answer table ---------------------------------------------------
out=$(on_tty 80 "$Q")
check "80 columns: two lines per case, no file name cut" "$(cat <<'END'
PERIOD     PROVINCE   ACTION  STATUS   AMOUNT (đồng)  VIOLATORS
  WHO                                       CATEGORIES
2024-H1    An Giang   fine    decided  20.000.000     4
  tiktok,youtube                            false_information,superstition
    corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt:16
    "Qua đó, Thanh tra Sở đã xử phạt vi phạm hành chính đối với 04 đối tượng (0…
2024-H1    Bắc Giang  fine    decided  19.500.000     6 (2 org., 4 ind.)
                                            false_information
    corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:57
    "xử phạt vi phạm hành chính đối với 06 tổ chức, cá nhân (02 tổ chức, 04 cá …
└ 2024-H1  Bắc Giang  fine    decided                 1 (0 org., 1 ind.)
  facebook Nguyenkim Oanh                   false_information
    corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
    "Rà soát thông tin trên mạng xã hội, xử lý vi phạm hành chính 01 cá nhân có…
└ 2024-04  Bắc Giang  fine    decided  7.500.000
  tiktok @nhathaibiettuot (Nguyễn Văn Hải)  false_information,defamation
    corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9
    "Phối hợp với Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát, k…
    corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
    "Phối hợp với Thanh tra Sở Thông tin và Truyền thông thành phố Hồ Chí Minh …
END
)" "$(printf '%s\n' "$out" | table)"
check "80 columns: every line fits" 80 "$(printf '%s\n' "$out" | widest)"
out=$(on_tty 120 "$Q")
check "120 columns: the first source on line 2" "$(cat <<'END'
PERIOD     PROVINCE   ACTION  STATUS   AMOUNT (đồng)  VIOLATORS
  WHO                          CATEGORIES                    SOURCE
2024-H1    An Giang   fine    decided  20.000.000     4
  tiktok,youtube               false_information,superstit…  corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt:16
    "Qua đó, Thanh tra Sở đã xử phạt vi phạm hành chính đối với 04 đối tượng (01 chủ tài khoản Tiktok; 03 chủ tài khoản…
2024-H1    Bắc Giang  fine    decided  19.500.000     6 (2 org., 4 ind.)
                               false_information             corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:57
    "xử phạt vi phạm hành chính đối với 06 tổ chức, cá nhân (02 tổ chức, 04 cá nhân) với tổng số tiền là 19,5 triệu đồn…
└ 2024-H1  Bắc Giang  fine    decided                 1 (0 org., 1 ind.)
  facebook Nguyenkim Oanh      false_information             corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
    "Rà soát thông tin trên mạng xã hội, xử lý vi phạm hành chính 01 cá nhân có tài khoản Facebook "Nguyenkim Oanh" với…
└ 2024-04  Bắc Giang  fine    decided  7.500.000
  tiktok @nhathaibiettuot (N…  false_information,defamation  corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9 (+1)
    "Phối hợp với Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát, kiểm tra và xử lý vi phạm đối với ông Ngu…
    corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
    "Phối hợp với Thanh tra Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát, kiểm tra và xử lý vi phạm đối v…
END
)" "$(printf '%s\n' "$out" | table)"
check "120 columns: every line fits" 120 "$(printf '%s\n' "$out" | widest)"
out=$(on_tty 200 "$Q")
check "200 columns: one line per case, WHO cut with an ellipsis" "$(cat <<'END'
PERIOD     PROVINCE   ACTION  STATUS   CATEGORIES                      AMOUNT (đồng)  VIOLATORS           WHO                                SOURCE
2024-H1    An Giang   fine    decided  false_information,superstition  20.000.000     4                   tiktok,youtube                     corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt:16
    corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt:16: "Qua đó, Thanh tra Sở đã xử phạt vi phạm hành chính đối với 04 đối tượng (01 chủ tài khoản Tiktok; 03 chủ tài khoản Youtube) đã có hành vi vi ph…
2024-H1    Bắc Giang  fine    decided  false_information               19.500.000     6 (2 org., 4 ind.)                                     corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:57
    corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:57: "xử phạt vi phạm hành chính đối với 06 tổ chức, cá nhân (02 tổ chức, 04 cá nhân) với tổng số tiền là 19,5 triệu đồng và buộc gỡ bỏ thông tin …
└ 2024-H1  Bắc Giang  fine    decided  false_information                              1 (0 org., 1 ind.)  facebook Nguyenkim Oanh            corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
      corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63: "Rà soát thông tin trên mạng xã hội, xử lý vi phạm hành chính 01 cá nhân có tài khoản Facebook "Nguyenkim Oanh" với hành vi cung cấp, chia …
└ 2024-04  Bắc Giang  fine    decided  false_information,defamation    7.500.000                          tiktok @nhathaibiettuot (Nguyễn …  corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9 (+1)
      corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9: "Phối hợp với Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát, kiểm tra và xử lý vi phạm đối với ông Nguyễn Văn Hải, chủ tài t…
      corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63: "Phối hợp với Thanh tra Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát, kiểm tra và xử lý vi phạm đối với ông Nguyễn Văn Hải, c…
END
)" "$(printf '%s\n' "$out" | table)"
check "200 columns: every line fits" 200 "$(printf '%s\n' "$out" | widest)"

# Into a pipe without COLUMNS: one line per case and whole sentences.
piped=$("$QUERY" --db "$DB" 'all fines for false information in 2024')
check 'pipe: nothing cut' 0 "$(printf '%s\n' "$piped" | grep -c '…')"
check 'pipe: the whole sentence' \
    '    corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt:16: "Qua đó, Thanh tra Sở đã xử phạt vi phạm hành chính đối với 04 đối tượng (01 chủ tài khoản Tiktok; 03 chủ tài khoản Youtube) đã có hành vi vi phạm các nội dung nêu trên (tổng số tiền xử phạt vi phạm hành chính là 20.000.000 đồng"' \
    "$(printf '%s\n' "$piped" | grep '^    corpus/an-giang')"

# --- Search results -----------------------------------------------------
check 'a passage wrapped between words on 60 columns' \
'1. corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
   Oanh" với hành vi cung cấp, chia sẻ thông tin [bịa]
   [đặt], gây hoang mang trong Nhân dân; Phối hợp với Thanh
   tra Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà
   soát, kiểm tra và xử lý vi phạm
(1 matching report)' "$(on_tty 60 "'$QUERY' --db '$DB' '\"bịa đặt\"'")"
check 'pipe: the passage on one line' \
'1. corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
   Oanh" với hành vi cung cấp, chia sẻ thông tin [bịa] [đặt], gây hoang mang trong Nhân dân; Phối hợp với Thanh tra Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát, kiểm tra và xử lý vi phạm' \
    "$("$QUERY" --db "$DB" '"bịa đặt"')"

# --- A search by filters alone shows the filter's passage ---------------
check 'person: the line with the name' \
'1. corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9
   soát, kiểm tra và xử lý vi phạm đối với ông [Nguyễn] [Văn] [Hải], chủ tài tiktok @nhathaibiettuot đối với hành vi cung cấp, đăng tải thông tin sai sự thật, xuyên tạc, vu khống, xúc phạm uy tín
2. corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63
   soát, kiểm tra và xử lý vi phạm đối với ông [Nguyễn] [Văn] [Hải], chủ tài tiktok @nhathaibiettuot đối với hành vi cung cấp, đăng tải thông tin sai sự thật, xuyên tạc, vu khống, xúc phạm uy tín' \
    "$("$QUERY" --db "$DB" 'person:"Nguyễn Văn Hải"')"
check 'account: the line with the account' \
'1. corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt:9
   đối với ông Nguyễn Văn Hải, chủ tài tiktok [@nhathaibiettuot] đối với hành vi cung cấp, đăng tải thông tin sai sự thật, xuyên tạc, vu khống, xúc phạm uy tín của cơ quan, tổ chức, danh dự, nhân' \
    "$("$QUERY" --db "$DB" --limit 1 'account:@nhathaibiettuot')"
check 'number: the line with the number, across its spaces' \
'1. corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:3
   Số: [180] /[BC] -[STTTT]' "$("$QUERY" --db "$DB" 'number:180/BC-STTTT')"
check 'year: the first line with the year' \
'1. corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt:5
   Hà Tĩnh, ngày tháng 3 năm [2023]' "$("$QUERY" --db "$DB" 'kind:report year:2023')"
check 'json: the passage and its highlight' \
    '5 "Hà Tĩnh, ngày tháng 3 năm 2023" [[31, 35]]' \
    "$("$QUERY" --db "$DB" --format json 'kind:report year:2023' | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)["results"][0]
print(r["line"], json.dumps(r["snippet"], ensure_ascii=False), r["highlights"])')"

echo "output: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
