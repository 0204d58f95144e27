#!/usr/bin/env bash
# Server speed: starts the server on loopback with the committed models, drives it with a bounded load generator
# (8 concurrent clients, a fixed request count, a time limit, loopback only) and prints rps and p50/p99 latency of
# single-customer POST /v1/score/churn next to the same for GET /health on the same server (the ceiling).
#
#   scripts/bench-server.sh          (REQUESTS=40000 CLIENTS=8 PORT=7199 by default)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
PORT="${PORT:-7199}"; CLIENTS="${CLIENTS:-8}"; REQUESTS="${REQUESTS:-40000}"
LOG="$PROJECT_DIR/target/bench-server.log"
# The command itself, not the shell function: $! must be the JVM's pid for the trap to stop it.
"${PROPENSITY_CMD[@]}" serve --models "$PROJECT_DIR/models" --snapshots "$PROJECT_DIR/target/bench/snapshots" --port "$PORT" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  sleep 0.2
done
CUSTOMER='{"signup_channel":"referral","region":"north","device":"ios","plan":"basic","auto_renew":"yes","tenure_days":420,"sessions_30d":6,"days_since_last_login":12,"orders_90d":2,"spend_365d":312.5,"avg_order_value":52.08,"support_tickets_90d":1,"email_open_rate":0.31,"nps_score":8,"discount_share":0.12}'
score=$(propensity http-load --url "http://127.0.0.1:$PORT/v1/score/churn" --body "$CUSTOMER" --clients "$CLIENTS" --requests "$REQUESTS")
health=$(propensity http-load --url "http://127.0.0.1:$PORT/health" --clients "$CLIENTS" --requests "$REQUESTS")
printf '%-24s %10s %9s %9s %8s\n' endpoint rps p50_ms p99_ms errors
printf '%-24s %10s %9s %9s %8s\n' "POST /v1/score/churn" "$(json_field rps "$score")" "$(json_field p50_ms "$score")" "$(json_field p99_ms "$score")" "$(json_field errors "$score")"
printf '%-24s %10s %9s %9s %8s\n' "GET /health" "$(json_field rps "$health")" "$(json_field p50_ms "$health")" "$(json_field p99_ms "$health")" "$(json_field errors "$health")"
awk -v s="$(json_field rps "$score")" -v h="$(json_field rps "$health")" 'BEGIN { printf "scoring reaches %.0f%% of the trivial endpoint'"'"'s rps (%d clients, %s requests, 2 cores shared by server and load generator)\n", 100 * s / h, '"$CLIENTS"', '"$REQUESTS"' }'
