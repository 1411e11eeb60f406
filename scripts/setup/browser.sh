#!/usr/bin/env bash
# Installs (once) Debian's Chromium and ChromeDriver for the browser tests. Safe to run twice.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
. "$(dirname "$0")/../lib/env.sh"
setup_lock browser
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && exit 0
. "$(dirname "$0")/../lib/host-packages.sh"
host_install chromium chromium-driver
