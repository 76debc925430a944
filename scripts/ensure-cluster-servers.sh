#!/usr/bin/env bash
# The cluster tests (e2e/cluster) run Debian's HAProxy and PgBouncer as their own children, with their own
# config files on their own ports. Installs the packages when missing (as root, or through sudo), and
# keeps the packages' own system-wide services from starting: nothing here should listen for the machine.
set -euo pipefail
if [ -x /usr/sbin/haproxy ] && [ -x /usr/sbin/pgbouncer ]; then exit 0; fi
echo "HAProxy or PgBouncer is missing; installing Debian's haproxy and pgbouncer packages…"
if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); elif command -v sudo >/dev/null; then sudo_cmd=(sudo); else
  echo "Install them first: apt-get install -y haproxy pgbouncer (the cluster tests need both)." >&2
  exit 1
fi
# policy-rc.d answering 101 tells Debian's maintainer scripts not to start services; put back what was there.
policy=/usr/sbin/policy-rc.d
restore=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
  "${sudo_cmd[@]}" chmod +x "$policy"
  restore="$policy"
fi
trap '[ -n "$restore" ] && "${sudo_cmd[@]}" rm -f "$restore"' EXIT
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends haproxy pgbouncer >/dev/null
echo "Installed $(/usr/sbin/haproxy -v | sed -n 1p) and $(/usr/sbin/pgbouncer --version | sed -n 1p)."
