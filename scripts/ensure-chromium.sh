#!/usr/bin/env bash
# The browser tests drive Debian's chromium through Playwright (no browser download).
set -eu
browser=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "chromium: installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium: $browser not found and cannot be installed (not root or no apt-get)." >&2
echo "          Install it with 'sudo apt-get install chromium', or set CHROMIUM_PATH, then run make test again." >&2
exit 1
