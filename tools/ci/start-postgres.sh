#!/usr/bin/env bash
# Starts a local PostgreSQL for the store's tests (crates/store) and prints the URL to put in
# CARELENS_TEST_POSTGRES. Idempotent; run as root on Debian (CI) — it installs the server with
# apt-get if needed, creates the cluster if needed, starts it if it is down, and creates the
# test role and database if they are missing. Listens on 127.0.0.1 only.
#
#   eval "$(tools/ci/start-postgres.sh)"     # sets CARELENS_TEST_POSTGRES
set -euo pipefail

ROLE=carelens
PASSWORD=carelens
DB=carelens_test
PORT=${CARELENS_PG_PORT:-5432}

log() { echo "start-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
    log "installing postgresql with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
    log "creating cluster $VERSION/main"
    pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
CONF=/etc/postgresql/$VERSION/main/postgresql.conf
# Only the loopback interface; the tests never need more.
if ! grep -q "^listen_addresses = '127.0.0.1'" "$CONF"; then
    echo "listen_addresses = '127.0.0.1'" >> "$CONF"
fi
CLUSTER_PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting cluster $VERSION/main on port $CLUSTER_PORT"
    pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
    if su postgres -c "psql -p $CLUSTER_PORT -Atqc 'SELECT 1'" >/dev/null 2>&1; then break; fi
    sleep 1
done

psql_admin() { su postgres -c "psql -p $CLUSTER_PORT -v ON_ERROR_STOP=1 -Atq $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != 1 ]; then
    log "creating role $ROLE"
    psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\"" >&2
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"")" != 1 ]; then
    log "creating database $DB"
    psql_admin "-c \"CREATE DATABASE $DB OWNER $ROLE\"" >&2
fi

echo "export CARELENS_TEST_POSTGRES=postgres://$ROLE:$PASSWORD@127.0.0.1:$CLUSTER_PORT/$DB"
