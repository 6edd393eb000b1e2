#!/usr/bin/env bash
# A PostgreSQL database for the tests, on Debian's postgresql (scripts/setup.sh installs it):
#   url=$(bash scripts/postgres.sh start [DB])   # the cluster started (pg_ctlcluster), a role for this user,
#                                                # DB (default mockbank_test) made afresh; prints its URL
#   bash scripts/postgres.sh stop [DB]           # DB dropped; the cluster stopped if `start` started it
# A cluster is either left as it was found or, if `start` made or started it, fully up until `stop`.
set -euo pipefail
action=${1:?start or stop}
db=${2:-mockbank_test}
say() { printf '\033[1m[postgres]\033[0m %s\n' "$*" >&2; }
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else
        sudo -u postgres "$@"; fi
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v pg_lsclusters >/dev/null || { say "no PostgreSQL here: run scripts/setup.sh"; exit 1; }

cluster() { pg_lsclusters --no-header | head -n 1; }  # version name port status owner datadir log
if [ -z "$(cluster)" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    say "no cluster: making $version/main"
    as_root pg_createcluster "$version" main >/dev/null || { as_root pg_dropcluster "$version" main 2>/dev/null; exit 1; }
fi
read -r version name port status _ <<<"$(cluster)"
started="${TMPDIR:-/tmp}/mockbank-postgres-started-$version-$name"
socket=/var/run/postgresql
export PGOPTIONS="-c client_min_messages=warning"  # no NOTICE for a database that was not there

case "$action" in
start)
    if [ "$status" != online ]; then
        say "starting cluster $version/$name (pg_ctlcluster)"
        as_root pg_ctlcluster "$version" "$name" start
        touch "$started"
    fi
    role=$(id -un)
    if [ "$(as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
        as_postgres createuser -p "$port" --superuser "$role"
    fi
    dropdb -h "$socket" -p "$port" --if-exists --force "$db"
    createdb -h "$socket" -p "$port" "$db"
    # A test database: a commit need not wait for the disk (a crash loses only tests' rows).
    psql -h "$socket" -p "$port" -d "$db" -qc "ALTER DATABASE \"$db\" SET synchronous_commit = off"
    echo "postgresql+psycopg:///$db?host=$socket&port=$port"
    ;;
stop)
    if [ "$status" = online ]; then dropdb -h "$socket" -p "$port" --if-exists --force "$db"; fi
    if [ -e "$started" ]; then
        say "stopping cluster $version/$name, which start started"
        as_root pg_ctlcluster "$version" "$name" stop
        rm -f "$started"
    fi
    ;;
*) say "unknown action $action: start or stop"; exit 2 ;;
esac
