#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server, then stop it and remove it.
#
#   scripts/with_postgres.sh dbt build --target postgres
#
# The server listens on 127.0.0.1 only, on a free port, with a data directory in a
# temporary folder, run by a non-root user (`postgres` when this script runs as root).
# The password is random and lives only in this script's environment. The Debian
# PostgreSQL binaries are installed with apt when absent. Nothing is left running:
# the server is stopped on every exit path.
set -euo pipefail

log() { printf '[with_postgres] %s\n' "$*" >&2; }

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! bindir=$(find_bindir); then
    log "PostgreSQL server binaries not found: installing Debian's postgresql with apt"
    if [ "$(id -u)" -ne 0 ]; then
        log "need root to apt-get install postgresql; install it and retry"; exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    bindir=$(find_bindir)
fi

# A non-root user runs the server (PostgreSQL refuses to run as root).
if [ "$(id -u)" -eq 0 ]; then
    run_user=postgres
    id "$run_user" >/dev/null 2>&1 || useradd --system --no-create-home "$run_user"
    as_server_user() { runuser -u "$run_user" -- "$@"; }
else
    run_user=$(id -un)
    as_server_user() { "$@"; }
fi

workdir=$(mktemp -d /tmp/sales_kpis_pg.XXXXXX)
chmod 755 "$workdir"
datadir="$workdir/data"
mkdir -p "$datadir"
chown "$run_user" "$workdir" "$datadir"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
pwfile="$workdir/pwfile"
printf '%s\n' "$password" > "$pwfile"
chown "$run_user" "$pwfile"
chmod 600 "$pwfile"

stop_server() {
    local status=$?
    if [ -f "$datadir/postmaster.pid" ]; then
        log "stopping the server"
        as_server_user "$bindir/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$workdir"
    exit "$status"
}
trap stop_server EXIT INT TERM

log "initdb in $datadir (user $run_user)"
as_server_user "$bindir/initdb" -D "$datadir" -U sales_kpis --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 >/dev/null
rm -f "$pwfile"

log "starting PostgreSQL on 127.0.0.1:$port"
as_server_user "$bindir/pg_ctl" -D "$datadir" -l "$workdir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null

PGPASSWORD="$password" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U sales_kpis sales_kpis

export SALES_KPIS_PG_HOST=127.0.0.1
export SALES_KPIS_PG_PORT="$port"
export SALES_KPIS_PG_USER=sales_kpis
export SALES_KPIS_PG_PASSWORD="$password"
export SALES_KPIS_PG_DATABASE=sales_kpis
export SALES_KPIS_PG_SCHEMA=analytics

log "running: $*"
"$@"
