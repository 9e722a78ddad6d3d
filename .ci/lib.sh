# Helpers for the CI steps that run the production server (sourced by nginx-smoke.sh and node24.sh).
# shellcheck shell=bash

# shellcheck disable=SC2034 # for the scripts that source this
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# An admin connection to the local PostgreSQL; each step creates its own database beside it.
ADMIN_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}

step_started=$SECONDS
step() {
  echo "› [$((SECONDS - step_started))s] $*"
}

fail() {
  echo "✗ $*" >&2
  exit 1
}

# Cleanup actions, run last-registered first when the script exits, whatever the reason.
cleanups=()
on_exit() {
  local status=$? index
  for ((index = ${#cleanups[@]} - 1; index >= 0; index--)); do
    eval "${cleanups[index]}" || true
  done
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cleanup() {
  cleanups+=("$1")
}

# The same server and cluster with another database name.
database_url() {
  echo "${ADMIN_DATABASE_URL%/*}/$1"
}

# A new database, dropped at exit (a leftover from an interrupted run is dropped first).
create_database() {
  local name=$1
  PGOPTIONS=--client-min-messages=warning psql "$ADMIN_DATABASE_URL" -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$name\""
  cleanup "PGOPTIONS=--client-min-messages=warning psql '$ADMIN_DATABASE_URL' -q -c 'DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)'"
}

# Refuses a port something already listens on: a stale server would answer the checks instead of ours.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then fail "port $1 is already in use"; fi
}

# start_process NAME LOG COMMAND…: runs COMMAND in its own process group, stopped (TERM, then KILL after
# 30 s) at exit; sets $started_pid.
start_process() {
  local name=$1 log=$2
  shift 2
  setsid "$@" >"$log" 2>&1 &
  started_pid=$!
  cleanup "stop_process $name $started_pid"
}

# stop_process NAME PID: SIGTERM to the process group, waits up to 30 s, then SIGKILL. Returns the exit status
# (or 137 when it had to be killed).
stop_process() {
  local name=$1 pid=$2 waited=0 status=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 300 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "! $name did not stop within 30 s: killed" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || status=$?
  return "$status"
}

# wait_for_http URL PID LOG [SECONDS]: until URL answers 200 (any certificate), or fails showing LOG's tail
# when PID exits first or time runs out.
wait_for_http() {
  local url=$1 pid=$2 log=$3 limit=${4:-90} started=$SECONDS
  until [ "$(curl -ks -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2
      fail "the process behind $url exited before answering"
    fi
    if [ $((SECONDS - started)) -ge "$limit" ]; then
      tail -n 40 "$log" >&2
      fail "$url did not answer 200 within $limit s"
    fi
    sleep 0.5
  done
}
