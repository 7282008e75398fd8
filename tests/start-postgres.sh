#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster (installed, stopped) and sets the postgres password the tests use.
set -euo pipefail
if ! pg_lsclusters 2>/dev/null | grep -q online; then
  # A server that is just restarting (another session's test) refuses a second start: the wait below decides.
  if [ "$(id -u)" = 0 ]; then pg_ctlcluster 15 main start || true; else sudo pg_ctlcluster 15 main start || true; fi
fi
for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
if [ "$(id -u)" = 0 ]; then
  su postgres -c "psql -q -c \"alter user postgres password 'postgres'\""
else
  sudo -u postgres psql -q -c "alter user postgres password 'postgres'"
fi
