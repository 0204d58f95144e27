#!/usr/bin/env bash
# Lookalike speed: a 10,000-customer seed (the highest spenders of the first 100,000) against a 1,000,000-customer
# pool from the project's generator; prints wall time and max RSS of the whole run (reading the pool, the held-out
# comparison of every method, the final fit and the export).
#
#   scripts/bench-lookalike.sh          (POOL=1000000 SEED=10000 by default)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
POOL="${POOL:-1000000}"; SEED="${SEED:-10000}"
pool="$BENCH/base-$POOL.csv"
[[ -f "$pool" ]] || propensity generate --customers "$POOL" --seed 7 --out "$pool" 2>/dev/null
spend=$(head -n 1 "$pool" | tr ',' '\n' | grep -nx spend_365d | cut -d: -f1)
{ echo customer_id; head -n 100001 "$pool" | tail -n +2 | sort -t, -k"$spend","$spend"gr | awk -F, -v n="$SEED" 'NR <= n { print $1 }'; } > "$BENCH/seed-$SEED.csv"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f '%e %M' -o "$BENCH/lookalike.time" "${PROPENSITY_CMD[@]}" lookalike --seed "$BENCH/seed-$SEED.csv" --pool "$pool" \
    --id customer_id --size 5% --drop churned,purchased_30d,converted --out "$BENCH/audience.csv" > "$BENCH/lookalike.out" 2> "$BENCH/lookalike.err"
  read -r seconds rss < "$BENCH/lookalike.time"
else
  start=$(date +%s.%N)
  propensity lookalike --seed "$BENCH/seed-$SEED.csv" --pool "$pool" --id customer_id --size 5% \
    --drop churned,purchased_30d,converted --out "$BENCH/audience.csv" > "$BENCH/lookalike.out" 2> "$BENCH/lookalike.err"
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }'); rss=n/a
fi
grep -E "held-out|chose" "$BENCH/lookalike.err" | sed 's/^[0-9:]* INFO //'
printf 'seed %s, pool %s: wall %s s, max RSS %s MB (cores: %s)\n' "$SEED" "$POOL" "$seconds" \
  "$(awk -v k="$rss" 'BEGIN { print (k == "n/a" ? k : int(k / 1024)) }')" "$(nproc)"
