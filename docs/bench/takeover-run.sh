#!/usr/bin/env bash
# Take-over of a killed instance's sources (results: docs/benchmarks.md, "Take-over of a killed instance's sources").
# Loopback only.
#
#   docs/bench/takeover-run.sh     # fresh bh_takeover_run, two instances, 12 sources, kill -9 one, measure; drop
#
# Two instances of the jar (the README's command, -Xmx160m -XX:+UseSerialGC) share one database on two ports, with
# the same 12 sources on the provider simulator. Once both have polled a while, the one holding more sources is
# killed with kill -9. Then analytics.poll_runs and poll_run.run_by say, per source the killed instance held: its last
# poll there, the survivor's first poll after the kill, how long after the kill that came, and how late it was
# against the slot it should have had (last poll + interval). The README's bound is one interval plus the
# affinity grace after the kill. Also checked: no slot ran twice (two polls of one source closer than half an
# interval), and the survivor's own sources kept their interval through the kill.
#
# Needs: a JDK 17, PostgreSQL on localhost:5432 (user postgres, trust auth), psql, curl.
# Settings (environment):
#   TAKEOVER_DB=bh_takeover_run  database to (re)create; kept when TAKEOVER_DROP=0
#   TAKEOVER_PORTS="18091 18092" the two instances' ports (127.0.0.1)
#   TAKEOVER_SIM_PORT=18093      provider simulator port
#   TAKEOVER_INTERVAL=30s        every source's interval ("<n>s")
#   TAKEOVER_GRACE=15s           scheduler.affinity-grace (the README's default)
#   TAKEOVER_TICK=5s             scheduler.tick (the README's default)
#   TAKEOVER_WARMUP=90           seconds both instances run before the kill
#   TAKEOVER_KILL_AT=            kill this many seconds after the victim's latest poll started (default: at once
#                                after the warm-up); 1 is the longest wait after the kill (the next slot is a whole
#                                interval away), interval - 1 the latest against the slot (the victim is still live)
#   TAKEOVER_AFTER=              seconds the survivor runs after the kill (default: 2 intervals + the grace + 10)
#   TAKEOVER_JAR=bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar
#   TAKEOVER_OUT=/tmp/bh-takeover-run   logs and the report
#   TAKEOVER_DROP=1              drop the database at the end
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${TAKEOVER_DB:-bh_takeover_run}
read -r PORT_A PORT_B <<< "${TAKEOVER_PORTS:-18091 18092}"
SIM_PORT=${TAKEOVER_SIM_PORT:-18093}
INTERVAL=${TAKEOVER_INTERVAL:-30s}
GRACE=${TAKEOVER_GRACE:-15s}
TICK=${TAKEOVER_TICK:-5s}
WARMUP=${TAKEOVER_WARMUP:-90}
interval_s=${INTERVAL%s}
grace_s=${GRACE%s}
AFTER=${TAKEOVER_AFTER:-$(( 2 * interval_s + grace_s + 10 ))}
JAR_SRC=${TAKEOVER_JAR:-bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar}
OUT=${TAKEOVER_OUT:-/tmp/bh-takeover-run}
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -X -q)

rm -rf "$OUT"
mkdir -p "$OUT"
REPORT=$OUT/report.txt
: > "$REPORT"
say() { echo "$*" | tee -a "$REPORT"; }

SIM_PID=
PID_A=
PID_B=
cleanup() {
    for pid in "$PID_A" "$PID_B" "$SIM_PID"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    if [ "${TAKEOVER_DROP:-1}" = 1 ]; then "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT

[ -f "$JAR_SRC" ] || ./mvnw -q -B -DskipTests package
cp "$JAR_SRC" "$OUT/service.jar"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

java -Xmx256m -cp provider-simulator/target/classes com.balancehistory.simulator.ProviderSimulatorMain "$SIM_PORT" \
    > "$OUT/simulator.log" 2>&1 &
SIM_PID=$!
until grep -q '^Simulated time' "$OUT/simulator.log" 2>/dev/null; do
    kill -0 "$SIM_PID" 2>/dev/null || { echo "simulator died, see $OUT/simulator.log" >&2; exit 1; }
    sleep 0.5
done
# the demo credentials the simulator prints: "  ahrvo  base-url URL  access-token T  api-key K  card-ids A,B,C"
field() { awk -v p="$1" -v f="$2" '$1 == p { for (i = 2; i < NF; i++) if ($i == f) print $(i + 1) }' "$OUT/simulator.log"; }
URL=http://127.0.0.1:$SIM_PORT
list() { echo "[\"${1//,/\", \"}\"]"; }
{
    echo "balance-history:"
    echo "  scheduler: {tick: $TICK, affinity-grace: $GRACE}"
    echo "  sources:"
    for n in 1 2 3; do
        echo "    ahrvo-$n: {provider: ahrvo, base-url: \"$URL\", interval: $INTERVAL, api-key: \"$(field ahrvo api-key)\", access-token: \"$(field ahrvo access-token)\", card-ids: $(list "$(field ahrvo card-ids)")}"
        echo "    equals-$n: {provider: equals-money, base-url: \"$URL\", interval: $INTERVAL, api-key: \"$(field equals-money api-key)\", account-id: \"$(field equals-money account-id)\"}"
        echo "    grantex-$n: {provider: grantex, base-url: \"$URL\", interval: $INTERVAL, api-key: \"$(field grantex api-key)\", grant-ids: $(list "$(field grantex grant-ids)")}"
        echo "    holyheld-$n: {provider: holyheld, base-url: \"$URL\", interval: $INTERVAL, token: \"$(field holyheld token)\"}"
    done
} > "$OUT/sources.yml"

start() { # name port
    HOSTNAME=$1 MICRONAUT_CONFIG_FILES=$OUT/sources.yml DATASOURCES_DEFAULT_URL=jdbc:postgresql://localhost:5432/$DB \
        PORT=$2 java -Xmx160m -XX:+UseSerialGC -jar "$OUT/service.jar" > "$OUT/service-$1.log" 2>&1 &
}
up() { # pid port
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health" || true)" = 200 ]; do
        kill -0 "$1" 2>/dev/null || { echo "an instance died, see $OUT/service-*.log" >&2; exit 1; }
        sleep 0.5
    done
}
# one after the other: the first to start migrates the database
start a "$PORT_A"
PID_A=$!
up "$PID_A" "$PORT_A"
start b "$PORT_B"
PID_B=$!
up "$PID_B" "$PORT_B"
say "instances a/$PID_A (:$PORT_A) and b/$PID_B (:$PORT_B) up; 12 sources every $INTERVAL, tick $TICK, grace $GRACE; load: $(cut -d' ' -f1-3 /proc/loadavg)"
sleep "$WARMUP"

# the victim: the instance that ran more of the last interval's polls
victim=$("${PSQL[@]}" -d "$DB" -At -c "
SELECT run_by FROM poll_run WHERE trigger = 'schedule' AND started_at > now() - interval '$interval_s seconds'
GROUP BY run_by ORDER BY count(*) DESC, run_by LIMIT 1")
case "$victim" in
    a/*) VICTIM_PID=$PID_A SURVIVOR=b ;;
    b/*) VICTIM_PID=$PID_B SURVIVOR=a ;;
    *) say "no poll in the last interval: see $OUT/service-*.log"; exit 1 ;;
esac
[ "$victim" = "a/$PID_A" ] || [ "$victim" = "b/$PID_B" ] || { say "unexpected instance $victim"; exit 1; }
if [ -n "${TAKEOVER_KILL_AT:-}" ]; then
    # the victim's polls of a slot start within a tick; wait for its next slot when the kill time has passed
    wait_s=$("${PSQL[@]}" -d "$DB" -At -c "
    SELECT extract(epoch FROM max(started_at) + interval '${TAKEOVER_KILL_AT} seconds' - clock_timestamp())
    FROM poll_run WHERE run_by = '$victim' AND trigger = 'schedule'")
    wait_s=$(awk -v w="$wait_s" -v i="$interval_s" 'BEGIN { while (w < 0) w += i; printf "%.2f", w }')
    sleep "$wait_s"
fi
kill -9 "$VICTIM_PID"
killed_at=$("${PSQL[@]}" -d "$DB" -At -c "SELECT clock_timestamp()")
if [ "$VICTIM_PID" = "$PID_A" ]; then PID_A=; else PID_B=; fi
say "kill -9 $victim at $killed_at${TAKEOVER_KILL_AT:+, ${TAKEOVER_KILL_AT} s after its latest poll} (load: $(cut -d' ' -f1-3 /proc/loadavg)); the survivor ($SURVIVOR) runs ${AFTER}s more"
sleep "$AFTER"
say "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

say ""
say "== sources the killed instance held: its last poll, the survivor's first one after the kill (bound: $INTERVAL + $GRACE = $(( interval_s + grace_s )) s after the kill)"
"${PSQL[@]}" -d "$DB" -P pager=off -v victim="$victim" -v killed="$killed_at" -v interval="$interval_s seconds" <<'SQL' | tee -a "$REPORT"
WITH polls AS (
    SELECT r.source, p.run_by, r.outcome, r.started_at
    FROM poll_run p JOIN poll_source_result r ON r.poll_id = p.id WHERE p.trigger = 'schedule'
), held AS (
    SELECT source, max(started_at) AS last_by_victim FROM polls
    WHERE run_by = :'victim' AND started_at < CAST(:'killed' AS timestamptz) GROUP BY source
), taken AS (
    SELECT h.source, h.last_by_victim,
           (SELECT min(started_at) FROM polls p WHERE p.source = h.source AND p.started_at > CAST(:'killed' AS timestamptz)) AS first_after,
           (SELECT string_agg(DISTINCT run_by, ',') FROM polls p WHERE p.source = h.source AND p.started_at > CAST(:'killed' AS timestamptz)) AS polled_by
    FROM held h
    -- a source the victim polled only before the last interval had moved away already
    WHERE h.last_by_victim > CAST(:'killed' AS timestamptz) - CAST(:'interval' AS interval) - interval '5 seconds'
)
SELECT source, polled_by AS after_kill_by,
       to_char(last_by_victim, 'HH24:MI:SS.MS') AS victims_last_poll,
       to_char(first_after, 'HH24:MI:SS.MS') AS survivors_first_poll,
       round(extract(epoch FROM first_after - CAST(:'killed' AS timestamptz))::numeric, 1) AS s_after_kill,
       round(extract(epoch FROM first_after - (last_by_victim + CAST(:'interval' AS interval)))::numeric, 1) AS s_late_vs_slot
FROM taken ORDER BY source;
SQL

say "== every source: polls, longest gap, polls closer than half an interval (a slot run twice), polls after the kill"
"${PSQL[@]}" -d "$DB" -P pager=off -v killed="$killed_at" -v interval="$interval_s seconds" <<'SQL' | tee -a "$REPORT"
WITH polls AS (
    SELECT r.source, p.run_by, r.outcome, r.started_at,
           r.started_at - lag(r.started_at) OVER (PARTITION BY r.source ORDER BY r.started_at) AS gap
    FROM poll_run p JOIN poll_source_result r ON r.poll_id = p.id WHERE p.trigger = 'schedule'
)
SELECT source, count(*) AS polls, string_agg(DISTINCT outcome, ',') AS outcomes,
       string_agg(DISTINCT split_part(run_by, '/', 1), ',') AS run_by,
       round(extract(epoch FROM max(gap))::numeric, 1) AS max_gap_s,
       count(*) FILTER (WHERE gap < CAST(:'interval' AS interval) / 2) AS twice_in_a_slot,
       count(*) FILTER (WHERE started_at > CAST(:'killed' AS timestamptz)) AS after_kill
FROM polls GROUP BY source ORDER BY source;
SQL

say "== runs the killed instance left open, and how they were closed"
"${PSQL[@]}" -d "$DB" -P pager=off -v victim="$victim" <<'SQL' | tee -a "$REPORT"
SELECT count(*) FILTER (WHERE finished_at IS NULL) AS still_open,
       count(*) FILTER (WHERE interrupted) AS closed_interrupted
FROM poll_run WHERE run_by = :'victim';
SQL
say "report: $REPORT"
