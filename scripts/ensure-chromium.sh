#!/usr/bin/env bash
# The journeys drive Debian's Chromium: Playwright cannot download its own browser on this network.
# Installs it when missing (as root, or through sudo), so `npm test` works on a fresh machine.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
echo "Chromium is not at $chromium_path; installing Debian's chromium package…"
if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); elif command -v sudo >/dev/null; then sudo_cmd=(sudo); else
  echo "Install Chromium first: apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)." >&2
  exit 1
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium >/dev/null
echo "Installed $("$chromium_path" --version 2>/dev/null || echo chromium)."
