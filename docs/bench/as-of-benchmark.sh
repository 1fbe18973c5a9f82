#!/usr/bin/env bash
# Benchmark of balances as of a time (results: docs/benchmarks.md, "Balances as of a time"). Loopback only.
#
#   docs/bench/as-of-benchmark.sh     # create bh_bench_asof, migrate (service start), seed, time the routes, drop
#
# Needs: a JDK 17, PostgreSQL on localhost:5432 (user postgres, trust auth), psql, curl.
# Settings (environment):
#   BENCH_DB=bh_bench_asof   database to (re)create and seed; kept when BENCH_DROP=0
#   BENCH_PORT=18081         service port (127.0.0.1)
#   BENCH_RUNS=7             timed requests per route (after 3 unmeasured ones)
#   BENCH_JAR=bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar   built with ./mvnw -q -B -DskipTests package if missing
#   BENCH_OUT=/tmp/bh-bench-asof   logs and the report
#   BENCH_DROP=1             drop the database at the end
#   BENCH_SKIP_SEED=0        1 reuses an already seeded BENCH_DB
#   BENCH_TOPUP_RUNS=3       timed requests of GET /api/v1/topups (after 1 unmeasured one)
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${BENCH_DB:-bh_bench_asof}
PORT=${BENCH_PORT:-18081}
RUNS=${BENCH_RUNS:-7}
JAR_SRC=${BENCH_JAR:-bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar}
OUT=${BENCH_OUT:-/tmp/bh-bench-asof}
BASE=http://127.0.0.1:$PORT
KEY=bench-asof-key-$RANDOM$RANDOM$RANDOM
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q)

mkdir -p "$OUT"
REPORT=$OUT/report.txt
: > "$REPORT"
say() { echo "$*" | tee -a "$REPORT"; }

SERVICE_PID=
cleanup() {
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    if [ "${BENCH_DROP:-1}" = 1 ]; then "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT

[ -f "$JAR_SRC" ] || ./mvnw -q -B -DskipTests package
cp "$JAR_SRC" "$OUT/bench.jar"
cat > "$OUT/bench-keys.yml" <<EOF
balance-history:
  api:
    keys:
      - name: bench
        role: admin
        key: $KEY
EOF

start_service() {
    MICRONAUT_CONFIG_FILES=$OUT/bench-keys.yml DATASOURCES_DEFAULT_URL=jdbc:postgresql://localhost:5432/$DB \
        PORT=$PORT java -Xmx512m -jar "$OUT/bench.jar" >> "$OUT/service.log" 2>&1 &
    SERVICE_PID=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ]; do
        kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died, see $OUT/service.log" >&2; exit 1; }
        sleep 0.5
    done
}

if [ "${BENCH_SKIP_SEED:-0}" = 1 ]; then
    start_service
else
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    start_service # migrates the empty database
    seed_start=$(date +%s)
    "${PSQL[@]}" -d "$DB" -f docs/bench/seed-as-of.sql > "$OUT/seed.log"
    say "seeded in $(( $(date +%s) - seed_start )) s: $(grep -A2 'accounts |' "$OUT/seed.log" | tail -1)"
fi

# time_route NAME PATH: RUNS timed requests after 3 warm-ups; prints min / median / max seconds and the body size
time_route() {
    local name=$1 path=$2 times=() i
    # a request that fails (timed out, or the server closed the connection) is reported as status 000, not the end
    for ((i = 0; i < ${WARMUPS:-3}; i++)); do curl -s --max-time "${MAX_TIME:-120}" -o /dev/null -H "Authorization: Bearer $KEY" "$BASE$path" || true; done
    for ((i = 0; i < RUNS; i++)); do
        times+=("$(curl -s --max-time "${MAX_TIME:-120}" -o "$OUT/body" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $KEY" "$BASE$path" || true)")
    done
    local code=${times[0]%% *}
    local sorted
    sorted=$(printf '%s\n' "${times[@]}" | awk '{print $2}' | sort -n)
    say "$(printf '%-34s %s  min %6.3f s  median %6.3f s  max %6.3f s  %9d bytes' "$name" "$code" \
        "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")" \
        "$(echo "$sorted" | tail -1)" "$(stat -c %s "$OUT/body")")"
}

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
half_year=$(date -u -d '-182 days' +%Y-%m-%dT%H:%M:%SZ)
year_ago=$(date -u -d '-360 days' +%Y-%m-%dT%H:%M:%SZ)
from=$(date -u -d '-11 months' +%Y-%m)
to=$(date -u +%Y-%m)
say "asOf half a year ago: $half_year; a year ago: $year_ago; month-end $from .. $to (Europe/London)"
time_route "list asOf (page of 100, by name)" "/api/v1/balances?asOf=$half_year"
time_route "list asOf a year ago" "/api/v1/balances?asOf=$year_ago"
time_route "list asOf, sort=available desc" "/api/v1/balances?asOf=$half_year&sort=available&order=desc"
time_route "list asOf, limit=1000" "/api/v1/balances?asOf=$half_year&limit=1000"
time_route "list asOf now" "/api/v1/balances?asOf=$now"
time_route "one account asOf" "/api/v1/balances/bench.budget.b04711?asOf=$half_year"
time_route "export/balances asOf (CSV, 10k)" "/api/v1/export/balances?asOf=$half_year&format=csv"
time_route "export/month-end 12 months (CSV)" "/api/v1/export/month-end?from=$from&to=$to&zone=Europe/London&format=csv"
time_route "export/month-end 12 months (JSON)" "/api/v1/export/month-end?from=$from&to=$to&zone=Europe/London&format=json"
say "month-end rows: $(( $(curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/export/month-end?from=$from&to=$to&zone=Europe/London&format=csv" | wc -l) - 1 ))"
# top-ups read each account's 30-day trend (2,880 sightings each here): fewer runs, a longer timeout
RUNS=${BENCH_TOPUP_RUNS:-3} WARMUPS=1 MAX_TIME=600 time_route "topups target=P14D (10k accounts)" "/api/v1/topups?target=P14D"
say "report: $REPORT"
