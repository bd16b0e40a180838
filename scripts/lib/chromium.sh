# ensure_chromium: Debian's Chromium at CHROMIUM_PATH (/usr/bin/chromium by default), which
# the PDF engine (shared/shared/utilities/pdf.py) drives through Playwright and the tests that
# print PDFs use for real. Installed from Debian's packages when it is missing and we are root
# (never Playwright's own browser download); otherwise the error says how to get it.

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $chromium is not installed; install Debian's chromium (apt-get install" \
         "chromium) or point CHROMIUM_PATH at a Chromium" >&2
    exit 1
  fi
  echo "installing chromium for the tests that print PDFs" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } ||
    { echo "error: could not install chromium" >&2; exit 1; }
  [ -x "$chromium" ] || { echo "error: chromium installed, but not at $chromium" >&2; exit 1; }
}
