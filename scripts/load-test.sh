#!/usr/bin/env bash
# A bounded load test of `newsgraph serve`: starts the server on a free
# loopback port, sends the README's who-said-what query with wrk for a fixed
# time from a fixed number of connections, stops the server, and prints
# queries per second and latency percentiles. Exits non-zero if any request
# failed (a non-2xx status or a socket error) or none was made.
#   scripts/load-test.sh [--store out/store] [--duration 5] [--connections 8] [--threads 2]
# NEWSGRAPH=path/to/newsgraph picks the binary (default target/release/newsgraph).
set -euo pipefail

store=out/store duration=5 connections=8 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "load-test: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bin=${NEWSGRAPH:-target/release/newsgraph}
[ "$threads" -gt "$connections" ] && threads=$connections  # wrk needs a connection per thread
command -v wrk >/dev/null 2>&1 || { echo "load-test: wrk is missing (Debian: apt-get install wrk; or scripts/ensure-deps.sh --test)" >&2; exit 1; }
[ -x "$bin" ] || { echo "load-test: no binary at $bin (cargo build --release)" >&2; exit 1; }
[ -d "$store" ] || { echo "load-test: no store at $store (newsgraph build first, or --store)" >&2; exit 1; }

tmp=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# Port 0: the server picks a free port and prints its address on the first line.
"$bin" serve --store "$store" --bind 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
address=""
for _ in $(seq 100); do
  address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.out" 2>/dev/null | head -n 1 || true)
  [ -n "$address" ] && break
  kill -0 "$server" 2>/dev/null || { echo "load-test: the server did not start:" >&2; cat "$tmp/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "load-test: the server printed no address within 10 s" >&2; exit 1; }

cat >"$tmp/query.lua" <<'LUA'
-- POST the query as application/sparql-query; count every answer that is not 2xx.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/sparql-query"
wrk.headers["Accept"] = "application/sparql-results+json"
wrk.body = os.getenv("LOAD_QUERY")

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() not2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then not2xx = not2xx + 1 end
end
function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("not2xx") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f not2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, failed, e.connect + e.read + e.write + e.timeout))
end
LUA

export LOAD_QUERY='SELECT ?speaker ?text WHERE { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker }'
wrk --threads "$threads" --connections "$connections" --duration "${duration}s" --timeout 10s \
  --script "$tmp/query.lua" "$address/query" >"$tmp/wrk.out"
result=$(grep '^RESULT ' "$tmp/wrk.out") || { echo "load-test: wrk printed no result:" >&2; cat "$tmp/wrk.out" >&2; exit 1; }
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
requests=$(value requests) seconds=$(value seconds) not2xx=$(value not2xx) socket=$(value socket_errors)
qps=$(awk -v n="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
echo "load test: ${connections} connections, ${threads} wrk threads, ${duration} s, the who-said-what query on $(nproc) cores"
echo "  ${requests} queries, ${qps} queries/s, latency p50 $(value p50_ms) ms, p90 $(value p90_ms) ms, p99 $(value p99_ms) ms, max $(value max_ms) ms"
echo "  failed: ${not2xx} non-2xx, ${socket} socket errors"
if [ "$requests" -eq 0 ] || [ "$not2xx" -ne 0 ] || [ "$socket" -ne 0 ]; then
  echo "load-test: FAILED (requests must be > 0 and none may fail)" >&2
  exit 1
fi
