#!/bin/sh
# Install the Debian packages tracuu needs to build, test and demo, when
# they are missing. Usage: scripts/setup.sh [bench]
set -eu

PKGS="build-essential pkg-config libxapian-dev libicu-dev zlib1g-dev \
libcriterion-dev xapian-tools libxml2-dev libzip-dev poppler-utils \
antiword groff-base libtesseract-dev libleptonica-dev tesseract-ocr-vie \
imagemagick fonts-dejavu-core python3 python3-jsonschema \
libmicrohttpd-dev libcrypt-dev chromium chromium-driver python3-selenium curl openssl"
if [ "${1:-}" = bench ]; then
    PKGS="$PKGS xapian-omega sqlite3 libsqlite3-dev time wrk unzip"
fi

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "setup: missing Debian packages:$missing" >&2
    echo "setup: run as root: apt-get install$missing" >&2
    exit 1
fi

echo "setup: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
