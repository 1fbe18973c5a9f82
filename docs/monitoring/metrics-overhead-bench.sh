#!/bin/bash
# usage: docs/monitoring/metrics-overhead-bench.sh <metrics true|false> <port>
# runs the packaged jar (./mvnw -q -B -DskipTests package) from the repository root against its own database
M=$1; P=$2
cd "$(dirname "$0")/../.."
PORT=$P DATASOURCES_DEFAULT_URL=jdbc:postgresql://localhost:5432/bh_ops_bench MICRONAUT_METRICS_ENABLED=$M \
  java -Xmx160m -XX:+UseSerialGC -jar bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar --demo > /tmp/bench-$M.log 2>&1 &
PID=$!
for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:$P/health && break; sleep 1; done
A="Authorization: Bearer demo-admin-key-change-me-0001"; R="Authorization: Bearer demo-reader-key-change-me-0001"
curl -s -X POST -H "$A" "http://127.0.0.1:$P/api/v1/polls?wait=PT30S" > /dev/null
ACC=$(curl -s -H "$R" "http://127.0.0.1:$P/api/v1/balances?limit=1" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["accountId"])')
wrk -t2 -c8 -d5s -H "$R" http://127.0.0.1:$P/api/v1/balances/$ACC > /dev/null
echo "== metrics=$M GET balances/$ACC"
wrk -t2 -c8 -d20s --latency -H "$R" http://127.0.0.1:$P/api/v1/balances/$ACC | grep -E "Requests/sec|50%|99%"
cat > /tmp/post.lua <<'L'
wrk.method = "POST"
L
echo "== metrics=$M POST polls?wait (demo, 4 sources)"
wrk -t1 -c1 -d20s --latency -s /tmp/post.lua -H "$A" "http://127.0.0.1:$P/api/v1/polls?wait=PT30S" | grep -E "Requests/sec|50%|99%"
kill $PID; wait $PID 2>/dev/null
