#!/usr/bin/env bash
# Fault run (results: docs/benchmarks.md, "Reliability: 30 faulty sources beside 4 healthy ones"). Loopback only.
#
#   docs/bench/fault-run.sh     # fresh bh_fault_run, 34 sources every 10 s for 5 minutes, the README's heap; drop
#
# The service runs with the README's command (java -Xmx160m -XX:+UseSerialGC -jar ...; the GC log is added) against
# FaultRunProviders (provider-simulator test classes): 4 healthy sources on the provider simulator, 30 faulty ones
# (hang, drip, flood, endless paging, echoed secrets, 1e999999999, a malformed budget, duplicate ids, 429 with
# Retry-After 3600, HTML 200, 500s). Then analytics.poll_runs says per healthy source the longest gap between polls,
# per faulty source the outcomes recorded, and the logs say whether the heap ran out and whether a secret leaked.
#
# Needs: a JDK 17, PostgreSQL on localhost:5432 (user postgres, trust auth), psql, pg_dump, curl, python3.
# Settings (environment):
#   FAULT_DB=bh_fault_run      database to (re)create; kept when FAULT_DROP=0
#   FAULT_PORT=18083           service port (127.0.0.1)
#   FAULT_SECONDS=300          how long the service polls
#   FAULT_INTERVAL=10s         every source's interval (in seconds, "<n>s")
#   FAULT_JAR=bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar   built with ./mvnw -q -B -DskipTests package if missing
#   FAULT_OUT=/tmp/bh-fault-run   logs, the providers' files and the report
#   FAULT_DROP=1               drop the database at the end
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${FAULT_DB:-bh_fault_run}
PORT=${FAULT_PORT:-18083}
SECONDS_TO_RUN=${FAULT_SECONDS:-300}
INTERVAL=${FAULT_INTERVAL:-10s}
JAR_SRC=${FAULT_JAR:-bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar}
OUT=${FAULT_OUT:-/tmp/bh-fault-run}
BASE=http://127.0.0.1:$PORT
KEY=fault-run-key-$RANDOM$RANDOM$RANDOM
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q)
SIMULATOR_CP=provider-simulator/target/classes:provider-simulator/target/test-classes

rm -rf "$OUT"
mkdir -p "$OUT"
REPORT=$OUT/report.txt
: > "$REPORT"
say() { echo "$*" | tee -a "$REPORT"; }

SERVICE_PID=
PROVIDERS_PID=
cleanup() {
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    [ -n "$PROVIDERS_PID" ] && kill "$PROVIDERS_PID" 2>/dev/null && wait "$PROVIDERS_PID" 2>/dev/null || true
    if [ "${FAULT_DROP:-1}" = 1 ]; then "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT

if [ ! -f "$JAR_SRC" ] || [ ! -f provider-simulator/target/test-classes/com/balancehistory/simulator/FaultRunProviders.class ]; then
    ./mvnw -q -B -DskipTests package
fi
cp "$JAR_SRC" "$OUT/service.jar"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

java -Xmx512m -cp "$SIMULATOR_CP" com.balancehistory.simulator.FaultRunProviders "$OUT/providers" "$INTERVAL" \
    > "$OUT/providers.log" 2>&1 &
PROVIDERS_PID=$!
until [ -f "$OUT/providers/requests.tsv" ]; do
    kill -0 "$PROVIDERS_PID" 2>/dev/null || { echo "providers died, see $OUT/providers.log" >&2; exit 1; }
    sleep 0.5
done
cat > "$OUT/keys.yml" <<EOF
balance-history:
  api:
    keys:
      - name: fault-run
        role: admin
        key: $KEY
EOF

# the README's command; only the GC log is added
MICRONAUT_CONFIG_FILES=$OUT/providers/sources.yml,$OUT/keys.yml \
    DATASOURCES_DEFAULT_URL=jdbc:postgresql://localhost:5432/$DB PORT=$PORT \
    java -Xmx160m -XX:+UseSerialGC -Xlog:gc:file="$OUT/gc.log" -jar "$OUT/service.jar" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ]; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died, see $OUT/service.log" >&2; exit 1; }
    sleep 0.5
done
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
say "service up at $started; polling ${SECONDS_TO_RUN}s, 34 sources every $INTERVAL"

# every 10 s: /health's status and time, the service's resident memory and the machine's load (1-minute average)
: > "$OUT/health.tsv"
end=$(( $(date +%s) + SECONDS_TO_RUN ))
while [ "$(date +%s)" -lt "$end" ]; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { say "SERVICE DIED during the run"; break; }
    echo "$(date -u +%H:%M:%S) $(curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}' "$BASE/health" || echo "000 30") $(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status) $(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/health.tsv"
    sleep 10
done
peak_rss=$(awk '/VmHWM/ {print $2}' /proc/$SERVICE_PID/status 2>/dev/null || echo 0)
curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/sources" > "$OUT/sources.json" || true
cp "$OUT/providers/requests.tsv" "$OUT/requests.tsv"
kill "$SERVICE_PID" 2>/dev/null || true
wait "$SERVICE_PID" 2>/dev/null || true
SERVICE_PID=

interval_s=${INTERVAL%s}
say ""
say "== healthy sources: polls (about $(( SECONDS_TO_RUN / interval_s )) slots in ${SECONDS_TO_RUN}s) and the longest gap between two polls' starts (interval $INTERVAL; a tick is 5 s)"
"${PSQL[@]}" -d "$DB" -P pager=off -v bound="$(( interval_s + 5 )) seconds" <<'SQL' | tee -a "$REPORT"
WITH polls AS (
    SELECT source, outcome, source_started_at,
           source_started_at - lag(source_started_at) OVER (PARTITION BY source ORDER BY source_started_at) AS gap
    FROM analytics.poll_runs WHERE source LIKE 'healthy-%'
)
SELECT source, count(*) AS polls,
       string_agg(DISTINCT outcome, ',') AS outcomes,
       round(extract(epoch FROM max(gap))::numeric, 1) AS max_gap_s,
       round(extract(epoch FROM avg(gap))::numeric, 1) AS mean_gap_s,
       count(*) FILTER (WHERE gap > CAST(:'bound' AS interval)) AS gaps_over_interval_plus_tick
FROM polls GROUP BY source ORDER BY source;
SQL

say "== faulty sources: outcomes recorded (expected: providers/expected.tsv) and one error text of each"
"${PSQL[@]}" -d "$DB" -c "CREATE TEMP TABLE e (source text, fault text, expected text)" \
    -c "\\copy e FROM '$OUT/providers/expected.tsv'" -P pager=off -c "
WITH counts AS (
    SELECT source, outcome, count(*) AS n, min(left(regexp_replace(coalesce(error_text, ''), '\s+', ' ', 'g'), 150)) AS error
    FROM analytics.poll_runs WHERE source IS NOT NULL GROUP BY source, outcome
)
SELECT e.source, e.expected,
       string_agg(c.outcome || ' ' || c.n, ', ' ORDER BY c.outcome) AS recorded,
       bool_and(c.outcome = ANY(string_to_array(e.expected, ','))) AS right_outcomes,
       string_agg(c.outcome || ': ' || c.error, ' | ' ORDER BY c.outcome) AS errors
FROM e LEFT JOIN counts c ON c.source = e.source
WHERE e.fault <> 'healthy'
GROUP BY e.source, e.expected, e.fault ORDER BY min(e.fault), e.source;" | tee -a "$REPORT"

say "== nothing lost: runs left open, sources without a result, results per source"
"${PSQL[@]}" -d "$DB" -P pager=off -c "
SELECT (SELECT count(*) FROM poll_run WHERE finished_at IS NULL) AS runs_open,
       (SELECT count(*) FROM analytics.poll_runs WHERE outcome IN ('running', 'none', 'interrupted')) AS runs_without_result,
       (SELECT count(DISTINCT source) FROM poll_source_result) AS sources_recorded,
       (SELECT min(n) FROM (SELECT count(*) AS n FROM poll_source_result GROUP BY source) x) AS fewest_results,
       (SELECT max(n) FROM (SELECT count(*) AS n FROM poll_source_result GROUP BY source) x) AS most_results,
       (SELECT count(*) FROM account WHERE source LIKE 'page-forever-%') AS phantom_accounts;" | tee -a "$REPORT"

say "== requests (or connections) each faulty provider received, connections still open at the end"
awk -F'\t' '$1 !~ /^healthy/ {printf "%s %s/%s  ", $1, $2, $3} END {print ""}' "$OUT/requests.tsv" | fold -s -w 118 | tee -a "$REPORT"

oom=$(grep -c 'OutOfMemoryError' "$OUT/service.log" || true)
# a credential in any form that decodes back to it (HTML references, %-escapes, \u escapes, Base64), or cut short
# in front of an excerpt's "..." (at least 6 of its characters)
leaks() {
    python3 - "$OUT/providers/secrets.txt" "$1" <<'PY'
import base64, html, re, sys, urllib.parse
secrets = [s.strip() for s in open(sys.argv[1]) if s.strip()]
text = open(sys.argv[2], errors="replace").read()
views = [text, html.unescape(text), urllib.parse.unquote(text),
         re.sub(r"\\+u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)]
found = []
for s in secrets:
    b64 = [base64.b64encode(s.encode()).decode().rstrip("="), base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")]
    if any(s in v for v in views) or any(b in text for b in b64):
        found.append(s + " (whole)")
    elif any(re.search(re.escape(s[:n]) + r"\.\.\.", v) for v in views for n in range(6, len(s))):
        found.append(s + " (its first characters, before '...')")
print(len(found), "; ".join(found))
PY
}
leaks_log=$(leaks "$OUT/service.log")
pg_dump -h localhost -U postgres "$DB" > "$OUT/dump.sql"
leaks_db=$(leaks "$OUT/dump.sql")
# GC lines: "... Pause Young (Allocation Failure) 40M->12M(155M) 3.456ms"; the heap before a collection is its peak
peak_heap=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$OUT/gc.log" | sed -E 's/M->.*//' | sort -n | tail -1)
# what a full collection leaves is what was live then
after_full=$(grep 'Pause Full' "$OUT/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
full_gcs=$(grep -c 'Pause Full' "$OUT/gc.log" || true)
health_max=$(awk '{print $3}' "$OUT/health.tsv" | sort -n | tail -1)
health_not_200=$(awk '$2 != 200' "$OUT/health.tsv" | wc -l)
say "== memory and logs"
say "OutOfMemoryError lines in the service log: $oom"
say "heap (-Xmx160m): peak before a collection ${peak_heap:-?} MB; most left by a full collection ${after_full:-none} MB; full collections: $full_gcs; peak RSS $(( ${peak_rss:-0} / 1024 )) MB"
say "credentials (of $(wc -l < "$OUT/providers/secrets.txt")) found in the service log: $leaks_log"
say "credentials found in a dump of the database: $leaks_db"
say "/health: slowest answer ${health_max:-?} s, answers other than 200: $health_not_200 (of $(wc -l < "$OUT/health.tsv"))"
say "load (1-minute average) during the run: $(awk '{print $5}' "$OUT/health.tsv" | sort -n | head -1) to $(awk '{print $5}' "$OUT/health.tsv" | sort -n | tail -1)"
say "report: $REPORT"
