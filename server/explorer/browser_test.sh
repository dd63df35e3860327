#!/usr/bin/env bash
# Runs server/explorer/browser_test.py (the explorer in headless Chromium)
# with Debian's Python, which has python3-selenium; fails, not skips, when
# the browser or its driver is missing: tools/setup.sh installs them.
set -uo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' 2>/dev/null || missing+=(python3-selenium)
if ((${#missing[@]} > 0)); then
  echo "FAIL: the explorer's browser test needs the Debian packages: ${missing[*]}" >&2
  echo "      (tools/setup.sh installs them; CI runs it through tools/test.sh)" >&2
  exit 1
fi

exec /usr/bin/python3 "$TEST_SRCDIR/mskg/server/explorer/browser_test.py" \
  --mskg "$TEST_SRCDIR/mskg/cli/mskg" \
  --corpus "$TEST_SRCDIR/mskg/data/sample_corpus"
