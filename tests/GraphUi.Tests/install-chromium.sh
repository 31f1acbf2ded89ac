#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, once. Playwright's own browser download does not work here.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium > /dev/null
/usr/bin/chromium --version
