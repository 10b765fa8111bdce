#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the store tests and print the
# URL to export as LAGEBILD_TEST_PG. Installs the Debian package when it is missing.
# Usage:  export LAGEBILD_TEST_PG=$(bash scripts/test-postgres.sh)
set -euo pipefail
PORT="${LAGEBILD_PG_PORT:-55432}"
# a busy default port (another server, an earlier run) is not an error: take a free one
if [ -z "${LAGEBILD_PG_PORT:-}" ] && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
fi
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PGBIN="$(find_bin)"
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  fi
  PGBIN="$(find_bin)"
fi
DATA="$(mktemp -d /tmp/lagebild-pg.XXXXXX)"
RUN=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DATA"
  RUN=(su postgres -s /bin/bash -c)
else
  RUN=(bash -c)
fi
"${RUN[@]}" "'$PGBIN/initdb' -D '$DATA' -A trust -U postgres >/dev/null"
"${RUN[@]}" "'$PGBIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' start >/dev/null"
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
