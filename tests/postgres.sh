#!/usr/bin/env bash
# Sourced by run.sh: starts a throwaway PostgreSQL on 127.0.0.1 and a free port, exports
# WALLET_TEST_POSTGRES for the tests, and stops it (deleting its data) when the shell exits.
# Installs Debian's postgresql package first when no server binaries are present.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root: as root, run it as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_dir=$(mktemp -d /tmp/wallet-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$(id -u)" = 0 ] && chown postgres: "$pg_dir"
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=400 -c shared_buffers=256MB" start >/dev/null

stop_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

export WALLET_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export WALLET_TEST_PG_BIN="$pg_bin" WALLET_TEST_PG_DATA="$pg_dir/data" WALLET_TEST_PG_SOCKET="$pg_dir"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port"
