#!/usr/bin/env bash
# API benchmark of issue 5 (results: docs/benchmarks.md ("HTTP API under load")). Loopback only.
#
#   docs/bench/api-benchmark.sh            # seed bh_bench_api, start the service, run every load, stop, report
#
# Needs: a JDK 17, PostgreSQL on localhost:5432 (user postgres, trust auth), psql, pgbench, wrk, curl.
# Settings (environment):
#   BENCH_DB=bh_bench_api      database to (re)create and seed; it is dropped and recreated unless BENCH_SKIP_SEED=1
#   BENCH_PORT=18080           service port (127.0.0.1)
#   BENCH_DURATION=60s         length of every measured load
#   BENCH_WARMUP=15s           unmeasured warm-up per endpoint (JIT), before the measured runs
#   BENCH_JAR=bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar   built with ./mvnw -q -B -DskipTests package if missing
#   BENCH_JAVA_OPTS=           JVM flags for the service (empty = the README's plain `java -jar`)
#   BENCH_OUT=/tmp/bh-bench-api   where logs, wrk outputs and RSS samples go
#   BENCH_SQL_SECONDS=20       length of each pgbench run of the history SQL alone
#   BENCH_DROP=0               1 drops the database at the end
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

DB=${BENCH_DB:-bh_bench_api}
PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-60s}
WARMUP=${BENCH_WARMUP:-15s}
JAR_SRC=${BENCH_JAR:-bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
OUT=${BENCH_OUT:-/tmp/bh-bench-api}
BASE=http://127.0.0.1:$PORT
export BENCH_KEY=${BENCH_KEY:-bench-api-key-$RANDOM$RANDOM$RANDOM}
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q)
LUA=$ROOT/docs/bench/api-wrk.lua

mkdir -p "$OUT"
REPORT=$OUT/report.txt
: > "$REPORT"
say() { echo "$*" | tee -a "$REPORT"; }

SERVICE_PID=
SAMPLER_PID=
cleanup() {
    [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    if [ "${BENCH_DROP:-0}" = 1 ]; then "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT

if ss -ltn | grep -q ":$PORT "; then
    echo "port $PORT is in use: set BENCH_PORT" >&2
    exit 1
fi

# --- the jar: a private copy, so that a concurrent rebuild cannot replace classes under the running JVM -----------
if [ ! -f "$JAR_SRC" ]; then
    ./mvnw -q -B -DskipTests package
fi
cp "$JAR_SRC" "$OUT/bench.jar"
cat > "$OUT/bench-keys.yml" <<EOF
balance-history:
  api:
    keys:
      - name: bench
        role: admin
        key: $BENCH_KEY
EOF

now_ms() { date +%s%3N; }

# Starts the service, waits for the first 200 from /health; STARTUP_MS: milliseconds from launch to it.
STARTUP_MS=
start_service() {
    local t0 code
    t0=$(now_ms)
    # shellcheck disable=SC2086
    MICRONAUT_CONFIG_FILES=$OUT/bench-keys.yml DATASOURCES_DEFAULT_URL=jdbc:postgresql://localhost:5432/$DB \
        PORT=$PORT java $JAVA_OPTS -jar "$OUT/bench.jar" >> "$OUT/service.log" 2>&1 &
    SERVICE_PID=$!
    while true; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)
        [ "$code" = 200 ] && break
        if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
            echo "the service exited; see $OUT/service.log" >&2
            exit 1
        fi
        sleep 0.02
    done
    STARTUP_MS=$(( $(now_ms) - t0 ))
}

stop_service() {
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=
}

say "# balance-history API benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine: nproc=$(nproc), memory $(free -m | awk '/Mem:/ {print $2 " MB total, " $7 " MB available"}'),"\
" $(java -version 2>&1 | head -1), $(psql --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- seed ----------------------------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_SEED:-0}" != 1 ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    start_service
    say "first start (applies the migrations to an empty database): ${STARTUP_MS} ms"
    stop_service
    t0=$(now_ms)
    "${PSQL[@]}" -d "$DB" -f docs/bench/seed-api.sql > "$OUT/seed.log" 2>&1
    say "seed: $(( $(now_ms) - t0 )) ms (log: $OUT/seed.log)"
fi
say "database: $("${PSQL[@]}" -d "$DB" -Atc "SELECT (SELECT count(*) FROM account) || ' accounts, '
    || (SELECT count(*) FROM balance_snapshot) || ' snapshots, newest ' || (SELECT max(observed_at) FROM balance_snapshot)
    || ', size ' || pg_size_pretty(pg_database_size(current_database()))")"

# --- start-up: three starts against the seeded database, the last one stays up for the loads ----------------------
starts=()
for i in 1 2 3; do
    start_service
    starts+=("$STARTUP_MS")
    [ "$i" -lt 3 ] && stop_service
done
say "start-up to first 200 from /health (ms): ${starts[*]} (JAVA_OPTS='$JAVA_OPTS')"
say "rss right after start-up: $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ') kB"

# --- the loads -----------------------------------------------------------------------------------------------------
T_END=$("${PSQL[@]}" -d "$DB" -Atc "SELECT to_char(max(observed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM balance_snapshot")
H_FROM=$("${PSQL[@]}" -d "$DB" -Atc "SELECT to_char((max(observed_at) - interval '24 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM balance_snapshot")
H_TO=$("${PSQL[@]}" -d "$DB" -Atc "SELECT to_char((max(observed_at) + interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM balance_snapshot")
RAW_QUERY="from=$H_FROM&to=$H_TO&bucket=raw"
DAY_QUERY="from=$H_FROM&to=$H_TO&bucket=day"
POINTS=$(curl -s -H "Authorization: Bearer $BENCH_KEY" "$BASE/api/v1/balances/bench.budget.b0001/history?$RAW_QUERY" \
    | grep -o '"observedAt"' | wc -l)
say "history range: [$H_FROM, $H_TO): $POINTS raw points per account, 2 day buckets"

# Samples the service's RSS every second into $1 until killed.
sample_rss() {
    while kill -0 "$SERVICE_PID" 2>/dev/null; do
        echo "$(date +%s) $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ') $(cut -d' ' -f1 /proc/loadavg)" >> "$1"
        sleep 1
    done
}

# wrk_run label mode query connections delay_ms duration
wrk_run() {
    local label=$1 mode=$2 query=$3 conns=$4 delay=$5 duration=$6 threads=2 summary max_rss load
    [ "$conns" -lt 2 ] && threads=1
    : > "$OUT/rss-$label.txt"
    sample_rss "$OUT/rss-$label.txt" &
    SAMPLER_PID=$!
    BENCH_MODE=$mode BENCH_QUERY=$query BENCH_DELAY_MS=$delay \
        wrk -t"$threads" -c"$conns" -d"$duration" --latency -s "$LUA" "$BASE" > "$OUT/wrk-$label.txt" 2>&1
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=
    summary=$(grep SUMMARY "$OUT/wrk-$label.txt" | cut -d' ' -f2-)
    max_rss=$(awk '{ if ($2 > m) m = $2 } END { print m }' "$OUT/rss-$label.txt")
    load=$(awk '{ s += $3; n++ } END { if (n) printf "%.1f", s / n }' "$OUT/rss-$label.txt")
    say "$label: -c$conns delay=${delay}ms $duration: $summary max_rss_kB=$max_rss mean_loadavg=$load"
}

say "warm-up ($WARMUP per endpoint, not measured)"
wrk_run warmup-one one "" 32 0 "$WARMUP" > /dev/null
wrk_run warmup-list list "limit=1000" 4 0 "$WARMUP" > /dev/null
wrk_run warmup-raw history "$RAW_QUERY" 8 0 "$WARMUP" > /dev/null
wrk_run warmup-day history "$DAY_QUERY" 8 0 "$WARMUP" > /dev/null

# GET /balances/{id}: at ~3,000 requests/s (48 connections, each waiting 12 ms between requests), then flat out
wrk_run one-3000rps one "" 48 12 "$DURATION"
wrk_run one-max one "" 32 0 "$DURATION"
# GET /balances?limit=1000: one client, then four at once
wrk_run list-c1 list "limit=1000" 1 0 "$DURATION"
wrk_run list-c4 list "limit=1000" 4 0 "$DURATION"
# history over 24 hours (~290 points), one client: endpoint latency to compare with the SQL alone below
wrk_run history-raw-c1 history "$RAW_QUERY" 1 0 "$DURATION"
wrk_run history-day-c1 history "$DAY_QUERY" 1 0 "$DURATION"

stop_service

# --- the same SQL alone: pgbench, one client, prepared statements, random account, the statements each request runs --
cat > "$OUT/sql-raw.pgbench" <<'EOF'
\set a random(1, 1000)
SELECT a.id, a.source, a.provider, a.kind, a.external_id, a.name, a.parent_external_id, a.gone_at, l.currency, l.available, l.ledger, l.pending, l.allocated, l.initial, l.observed_at, l.provider_as_of FROM latest_balance l JOIN account a ON a.id = l.account_id WHERE l.account_id = 'bench.budget.b' || lpad(:a::text, 4, '0');
SELECT count(*) FROM balance_snapshot WHERE account_id = 'bench.budget.b' || lpad(:a::text, 4, '0') AND observed_at >= :from::timestamptz AND observed_at < :to::timestamptz;
SELECT observed_at, available, currency FROM balance_snapshot WHERE account_id = 'bench.budget.b' || lpad(:a::text, 4, '0') AND observed_at >= :from::timestamptz AND observed_at < :to::timestamptz ORDER BY observed_at, poll_id LIMIT 10000;
SELECT poll_id, finished_at, outcome FROM poll_source_result WHERE source = 'bench' AND outcome NOT IN ('ok', 'partial') AND finished_at >= :from::timestamptz AND finished_at < :to::timestamptz ORDER BY finished_at, poll_id;
EOF
D0=${H_FROM%%T*}
D1=$(date -u -d "$D0 + 1 day" +%Y-%m-%d)
D2=$(date -u -d "$D0 + 2 day" +%Y-%m-%d)
cat > "$OUT/sql-day.pgbench" <<EOF
\\set a random(1, 1000)
SELECT a.id, a.source, a.provider, a.kind, a.external_id, a.name, a.parent_external_id, a.gone_at, l.currency, l.available, l.ledger, l.pending, l.allocated, l.initial, l.observed_at, l.provider_as_of FROM latest_balance l JOIN account a ON a.id = l.account_id WHERE l.account_id = 'bench.budget.b' || lpad(:a::text, 4, '0');
SELECT width_bucket(observed_at, '{${D0}T00:00:00Z,${D1}T00:00:00Z,${D2}T00:00:00Z}'::timestamptz[]) - 1 AS bucket, (array_agg(available ORDER BY observed_at, poll_id))[1] AS open, (array_agg(available ORDER BY observed_at DESC, poll_id DESC))[1] AS close, min(available) AS min, max(available) AS max, count(*) AS samples, min(currency) AS currency FROM balance_snapshot WHERE account_id = 'bench.budget.b' || lpad(:a::text, 4, '0') AND observed_at >= '${D0}T00:00:00Z'::timestamptz AND observed_at < '${D2}T00:00:00Z'::timestamptz GROUP BY 1 ORDER BY 1;
SELECT poll_id, finished_at, outcome FROM poll_source_result WHERE source = 'bench' AND outcome NOT IN ('ok', 'partial') AND finished_at >= '${D0}T00:00:00Z'::timestamptz AND finished_at < '${D2}T00:00:00Z'::timestamptz ORDER BY finished_at, poll_id;
EOF
SQL_SECONDS=${BENCH_SQL_SECONDS:-20}
for kind in raw day; do
    pgbench -h localhost -U postgres -n -M prepared -c 1 -T "$SQL_SECONDS" -r -D from="$H_FROM" -D to="$H_TO" \
        -f "$OUT/sql-$kind.pgbench" "$DB" > "$OUT/pgbench-$kind.txt" 2>&1
    say "SQL alone ($kind, pgbench -c1 -M prepared, ${SQL_SECONDS}s): $(grep -E '^latency average' "$OUT/pgbench-$kind.txt"),"\
" $(grep -E '^tps' "$OUT/pgbench-$kind.txt" | cut -d'(' -f1)"
done
"${PSQL[@]}" -d "$DB" > "$OUT/explain.txt" 2>&1 <<EOF
EXPLAIN (ANALYZE, BUFFERS) SELECT observed_at, available, currency FROM balance_snapshot WHERE account_id = 'bench.budget.b0500' AND observed_at >= '$H_FROM' AND observed_at < '$H_TO' ORDER BY observed_at, poll_id LIMIT 10000;
EXPLAIN (ANALYZE, BUFFERS) SELECT width_bucket(observed_at, '{${D0}T00:00:00Z,${D1}T00:00:00Z,${D2}T00:00:00Z}'::timestamptz[]) - 1 AS bucket, (array_agg(available ORDER BY observed_at, poll_id))[1] AS open, (array_agg(available ORDER BY observed_at DESC, poll_id DESC))[1] AS close, min(available), max(available), count(*), min(currency) FROM balance_snapshot WHERE account_id = 'bench.budget.b0500' AND observed_at >= '${D0}T00:00:00Z' AND observed_at < '${D2}T00:00:00Z' GROUP BY 1 ORDER BY 1;
EXPLAIN (ANALYZE, BUFFERS) SELECT a.id, l.available FROM latest_balance l JOIN account a ON a.id = l.account_id ORDER BY lower(a.name), a.id LIMIT 1000;
EOF
say "EXPLAIN ANALYZE of the history and list queries: $OUT/explain.txt"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "report: $REPORT"
