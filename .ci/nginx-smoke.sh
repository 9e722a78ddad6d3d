#!/usr/bin/env bash
# CI: the nginx site of infra/nginx/zones.conf — the production file, with only its ports, host name,
# certificate and log paths replaced — on loopback ports, over TLS with a throwaway self-signed certificate,
# in front of the production server started as zones-web.service starts it, with the environment of
# infra/zones.env.example, on a new PostgreSQL database (migrated and seeded, dropped at the end).
# .ci/http-checks.mjs then signs in, opens the overview, streams an export and checks the forwarded client
# address, x-request-id, the redirect to https and the upload limit through it.
#
# Reuses the production build in apps/web/$ZONES_SMOKE_DIST_DIR (default .next, which `npm test` makes);
# builds it when missing. Ports: ZONES_SMOKE_PORT (the server; default 3800) and the next two (https, http).
# Needs nginx, openssl, curl and psql; TEST_DATABASE_URL (an admin connection) names the PostgreSQL server.
set -euo pipefail
# shellcheck source=.ci/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

web_port=${ZONES_SMOKE_PORT:-3800}
https_port=$((web_port + 1))
http_port=$((web_port + 2))
dist_dir=${ZONES_SMOKE_DIST_DIR:-.next}
database=zones_ci_nginx
for tool in nginx openssl curl psql; do
  command -v "$tool" >/dev/null || fail "$tool is missing (.ci/run installs it)"
done
for port in "$web_port" "$https_port" "$http_port"; do require_free_port "$port"; done

tmp=$(mktemp -d /tmp/zones-nginx-smoke.XXXXXX)
cleanup "rm -rf '$tmp'"
# nginx's workers (an unprivileged user) write their temporary files under it.
chmod 0711 "$tmp"
mkdir -p "$tmp/tls" "$tmp/log" "$tmp/nginx" "$tmp/exports"

if [ -f "apps/web/$dist_dir/BUILD_ID" ]; then
  step "reusing the production build in apps/web/$dist_dir"
else
  step "building apps/web/$dist_dir"
  # `next build` rewrites these for another output folder: put them back.
  cp apps/web/tsconfig.json "$tmp/tsconfig.json"
  cleanup "cp '$tmp/tsconfig.json' '$ROOT/apps/web/tsconfig.json'"
  NEXT_DIST_DIR=$dist_dir npm run build -w @zones/web >"$tmp/log/build.log" 2>&1 || {
    tail -n 40 "$tmp/log/build.log" >&2
    fail "the production build failed"
  }
fi

step "database $database: migrate and seed (demo data as of 2026-11-28)"
create_database "$database"
export DATABASE_URL
DATABASE_URL=$(database_url "$database")
npm run --silent db:migrate
npm run --silent db:seed -- --as-of 2026-11-28

step "throwaway TLS certificate for localhost"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$tmp/tls/privkey.pem" -out "$tmp/tls/fullchain.pem" 2>"$tmp/log/openssl.log"

step "production server on 127.0.0.1:$web_port (zones-web.service's command and infra/zones.env.example)"
mapfile -t web_command < <(node .ci/infra-command.mjs systemd zones-web.service)
web_directory=${web_command[0]}
web_command=("${web_command[@]:1}")
[ "${web_command[0]}" = /usr/bin/node ] || fail "zones-web.service does not start /usr/bin/node"
web_command[0]=$(command -v node)
database_url=$DATABASE_URL
(
  cd "$web_directory"
  set -a
  # shellcheck disable=SC1091 # the service's environment file, as systemd reads it
  source "$ROOT/infra/zones.env.example"
  set +a
  [ "$TRUSTED_PROXIES" = 127.0.0.1 ] || fail "infra/zones.env.example no longer trusts nginx on 127.0.0.1"
  extra=()
  if [ "$dist_dir" != .next ]; then extra+=("NEXT_DIST_DIR=$dist_dir"); fi
  exec env NODE_ENV=production DATABASE_URL="$database_url" BETTER_AUTH_SECRET="$(openssl rand -base64 48)" \
    BETTER_AUTH_URL="https://localhost:$https_port" PORT="$web_port" EXPORT_DIR="$tmp/exports" "${extra[@]}" \
    "${web_command[@]}"
) >"$tmp/log/web.log" 2>&1 &
web_pid=$!
cleanup "stop_process web $web_pid"

step "nginx with infra/nginx/zones.conf on 127.0.0.1:$https_port (https) and :$http_port (http)"
# Each replaced string must occur as often as said: a change to the site that moves one fails here, never
# silently leaves a production value (port 443, /etc/ssl, /var/log) in the tested copy.
site=$(cat infra/nginx/zones.conf)
substitute() {
  local from=$1 to=$2 times=$3 found
  found=$(grep -cF -- "$from" <<<"$site" || true)
  [ "$found" = "$times" ] || fail "infra/nginx/zones.conf: \"$from\" occurs $found times, expected $times"
  site=${site//"$from"/"$to"}
}
substitute "listen 80;" "listen 127.0.0.1:$http_port;" 1
substitute "listen 443 ssl http2;" "listen 127.0.0.1:$https_port ssl http2;" 1
substitute "server 127.0.0.1:3000;" "server 127.0.0.1:$web_port;" 1
substitute "server_name zones.example.gov.cn;" "server_name localhost;" 2
substitute "/etc/ssl/zones/" "$tmp/tls/" 2
substitute "/var/log/nginx/" "$tmp/log/" 2
printf '%s\n' "$site" >"$tmp/nginx/zones.conf"
# The main configuration: Debian's http{} defaults that matter here (gzip is on there), temporary files
# and the pid under $tmp.
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/log/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    gzip on;
    client_body_temp_path $tmp/nginx/client_body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    include $tmp/nginx/zones.conf;
}
EOF
nginx -t -q -e "$tmp/log/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf"
start_process nginx "$tmp/log/nginx.log" \
  nginx -e "$tmp/log/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g "daemon off;"
nginx_pid=$started_pid

step "waiting for the server, then for nginx"
wait_for_http "http://127.0.0.1:$web_port/api/health" "$web_pid" "$tmp/log/web.log"
wait_for_http "https://127.0.0.1:$https_port/api/health" "$nginx_pid" "$tmp/log/error.log" 10

step "checks through nginx"
node --import tsx .ci/http-checks.mjs proxy \
  --direct "http://127.0.0.1:$web_port" \
  --proxy "https://localhost:$https_port" \
  --proxy-http "http://localhost:$http_port" \
  --ca "$tmp/tls/fullchain.pem" \
  --database-url "$DATABASE_URL" \
  --nginx-logs "$tmp/log" || {
  echo "--- server log (tail)" >&2
  tail -n 40 "$tmp/log/web.log" >&2
  echo "--- nginx error log (tail)" >&2
  tail -n 20 "$tmp/log/zones.error.log" "$tmp/log/error.log" >&2
  fail "a check through nginx failed"
}
echo "--- nginx access log (tail)"
tail -n 5 "$tmp/log/zones.access.log"

step "stopping: SIGTERM to the server, which exits 0"
status=0
stop_process web "$web_pid" || status=$?
[ "$status" = 0 ] || fail "the server exited $status on SIGTERM"
step "nginx smoke passed"
