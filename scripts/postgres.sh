#!/usr/bin/env bash
# start_postgres: a throwaway PostgreSQL server on 127.0.0.1 for the tests and benchmarks.
# Installs Debian's postgresql package if no server is installed, starts a private cluster on a
# free port, exports DATABASE_URL, and stops and removes the cluster when the shell exits.

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
  local bin dir port run=()
  bin="$(find_pg_bin)"
  if [ -z "$bin" ]; then
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Installing PostgreSQL with apt-get..."
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(find_pg_bin)"
  fi
  dir="$(mktemp -d /tmp/oversight-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
    chown postgres "$dir"
    run=(runuser -u postgres --)
  fi
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  local stop
  printf -v stop '%q ' "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop
  # shellcheck disable=SC2064
  trap "$stop >/dev/null 2>&1; rm -rf '$dir'" EXIT
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}
