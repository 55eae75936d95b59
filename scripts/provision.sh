#!/usr/bin/env bash
# Installs the system packages the test host needs, when they are missing:
#   - a Chromium (Debian `chromium`) for the headless workbench,
#   - libkrb5-dev (gssapi/gssapi.h), which code-server's `kerberos` native module builds against,
#   - a C/C++ toolchain and python3 for node-gyp (usually present already).
# Idempotent and fast when everything is there. As root with apt-get it installs; otherwise it prints
# exactly what to install and exits non-zero.
set -euo pipefail

have_chromium() {
  if [ -n "${CHROME_PATH:-}" ]; then [ -x "$CHROME_PATH" ]; return; fi
  [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
    command -v google-chrome >/dev/null 2>&1 || command -v google-chrome-stable >/dev/null 2>&1
}

missing=()
if ! have_chromium; then
  if [ -n "${CHROME_PATH:-}" ]; then
    echo "provision: CHROME_PATH=$CHROME_PATH is not an executable file." >&2
    exit 1
  fi
  missing+=(chromium)
fi
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)

if [ ${#missing[@]} -eq 0 ]; then
  echo "provision: Chromium, libkrb5-dev and the build tools are present."
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "provision: installing ${missing[*]} (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "provision: installed ${missing[*]}."
  exit 0
fi

hint=""
[[ " ${missing[*]} " == *" chromium "* ]] && hint=" (for the browser, setting CHROME_PATH to a Chromium/Chrome binary also works)"
echo "provision: missing ${missing[*]}. Install with: sudo apt-get install ${missing[*]} (Debian/Ubuntu)${hint}." >&2
exit 1
