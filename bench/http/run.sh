#!/usr/bin/env bash
# HTTP benchmark: wrk against Sinergi's /healthz and against nginx serving a static file
# of the same size, on the same machine in the same run. Writes the ratio to
# bench/results/http_healthz_vs_nginx.md. Goal: Sinergi at >= 80 % of nginx's req/s.
#   bench/http/run.sh [SECONDS] [CONNECTIONS]
# Uses the release build (make release). Loopback only; both servers stop at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
seconds=${1:-10}
connections=${2:-64}
binary=build/release/src/app/sinergi
[ -x "$binary" ] || { echo "build the release preset first: make release" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "wrk and nginx needed: scripts/install-deps.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/sinergi-bench.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${sinergi_pid:-}" ] && kill "$sinergi_pid" 2>/dev/null && wait "$sinergi_pid" 2>/dev/null
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  sleep 0.2
  rm -rf "$work"
}
trap cleanup EXIT

sinergi_port=$(./scripts/free-port.sh)
nginx_port=$(./scripts/free-port.sh)

# Sinergi: fresh SQLite database; its JSON access log goes to a file, and so does nginx's,
# so both servers do the same work per request.
"$binary" serve --db "sqlite://$work/bench.db" --listen "127.0.0.1:$sinergi_port" --log-level warn \
  >"$work/sinergi-access.log" 2>"$work/sinergi.err" &
sinergi_pid=$!

# nginx: a file with exactly the bytes /healthz answers, and the same security headers.
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$sinergi_port/healthz" -o "$work/healthz.json" && break; sleep 0.1; done
[ -s "$work/healthz.json" ] || { cat "$work/sinergi.err"; exit 1; }
mkdir -p "$work/www" && cp "$work/healthz.json" "$work/www/healthz"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx.err warn;
daemon on;
events { worker_connections 1024; }
http {
  access_log $work/nginx-access.log;
  default_type application/json;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / {
      add_header Content-Security-Policy "default-src 'self'";
      add_header X-Content-Type-Options nosniff;
    }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/healthz" >/dev/null && break; sleep 0.1; done

measure() {
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency "$1" | tee "$work/wrk.out" >&2
  awk '/Requests\/sec/ {print $2}' "$work/wrk.out"
}

echo "warm-up" >&2
wrk -t 2 -c "$connections" -d 2s "http://127.0.0.1:$sinergi_port/healthz" >/dev/null
wrk -t 2 -c "$connections" -d 2s "http://127.0.0.1:$nginx_port/healthz" >/dev/null
echo "== sinergi /healthz" >&2
sinergi_rps=$(measure "http://127.0.0.1:$sinergi_port/healthz")
sinergi_p99=$(awk '/ 99%/ {print $2}' "$work/wrk.out")
echo "== nginx static file of the same size" >&2
nginx_rps=$(measure "http://127.0.0.1:$nginx_port/healthz")
nginx_p99=$(awk '/ 99%/ {print $2}' "$work/wrk.out")
ratio=$(python3 -c "print(f'{100 * $sinergi_rps / $nginx_rps:.1f}')")

mkdir -p bench/results
cat >bench/results/http_healthz_vs_nginx.md <<RESULT
# HTTP: Sinergi /healthz vs nginx static file

Run: $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -r); wrk -t 2 -c $connections -d ${seconds}s, loopback,
keep-alive; body $(stat -c %s "$work/healthz.json") bytes; both servers write an access log line per request to a file;
wrk shares the cores with the server.
Command: \`bench/http/run.sh $seconds $connections\` (release build).

| server | requests/s | p99 latency |
|---|---|---|
| sinergi $( "$binary" --version ) | $sinergi_rps | $sinergi_p99 |
| nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') (2 workers) | $nginx_rps | $nginx_p99 |

Ratio: **$ratio %** of nginx (goal: at least 80 %).
RESULT
cat bench/results/http_healthz_vs_nginx.md
