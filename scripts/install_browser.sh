#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright: `playwright install`
# downloads a browser from a CDN, which this project's machines cannot reach, while the
# distribution package comes through the ordinary package registry. Idempotent: a machine
# that already has /usr/bin/chromium is left alone, silently. DejaVu fonts come along so
# screenshots show text, not empty boxes, on a minimal image.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  SUDO=(sudo)
fi

echo "install_browser: $CHROMIUM missing, installing Debian's chromium" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [[ ! -x "$CHROMIUM" ]]; then
  echo "install_browser: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
"$CHROMIUM" --version >&2
