#!/bin/sh
# Runs a command (the test suite) against a throwaway PostgreSQL cluster: started under a temporary folder on
# 127.0.0.1 (tools/postgres-cluster.sh), its URL in $NOMADCM_TEST_DB_URL, stopped by its pid and removed when
# the command ends, however it ends. The command's exit code is this script's.
#
#   tools/test-postgres.sh .venv/bin/python -m pytest tests/services
set -eu
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
folder=$(mktemp -d "${TMPDIR:-/tmp}/nomadcm-pg.XXXXXX")
cleanup() {
  sh "$here/postgres-cluster.sh" stop "$folder" || true
  rm -rf "$folder"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
url=$(sh "$here/postgres-cluster.sh" start "$folder")
echo "PostgreSQL test cluster: $url (pid $(cat "$folder/server.pid"))"
status=0
NOMADCM_TEST_DB_URL=$url "$@" || status=$?
exit $status
