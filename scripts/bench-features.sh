#!/usr/bin/env bash
# Feature-building speed: wall time of `features` (read the log, build point-in-time features at one cut-off with
# both labels, write the CSV and its metadata) on a ~500,000-line order log made by the project's generator, and on
# the public Online Retail log (541,909 lines) when ../shared/data is present. Best and median of RUNS runs, whole
# process (JVM start included), and the lines/s that gives.
#
#   scripts/bench-features.sh            (RUNS=5, CUSTOMERS=36000 by default: about 510,000 lines)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
RUNS="${RUNS:-5}"
CUSTOMERS="${CUSTOMERS:-36000}"

SYNTHETIC="$BENCH/transactions-$CUSTOMERS.csv"
[[ -f "$SYNTHETIC" ]] || propensity generate --transactions "$SYNTHETIC" --transaction-customers "$CUSTOMERS" >&2

bench() { # bench NAME LOG AS_OF column options...
  local name="$1" log="$2" as_of="$3"; shift 3
  local times=() lines
  for ((i = 0; i < RUNS; i++)); do
    local start end
    start=$(date +%s.%N)
    propensity features --transactions "$log" "$@" --as-of "$as_of" --out "$BENCH/features-$name.csv" > "$BENCH/features-$name.json" 2>/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')")
  done
  lines=$(json_field lines "$(tail -n 1 "$BENCH/features-$name.json")")
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v lines="$lines" -v runs="$RUNS" '
    { t[NR] = $1 } END { med = t[int((NR + 1) / 2)];
      printf "%-16s %9d lines  best %6.2f s  median %6.2f s  (%d runs)  %8.0f lines/s at the median\n", name, lines, t[1], med, runs, lines / med }'
}

echo "features: read + point-in-time features + labels + write, whole process" >&2
bench synthetic "$SYNTHETIC" 2024-06-30 --customer customer_id --date order_time --quantity quantity --price unit_price \
  --invoice invoice --cancel-prefix C
RETAIL="$PROJECT_DIR/../shared/data/online-retail/online_retail.csv.gz"
if [[ -f "$RETAIL" ]]; then
  bench online-retail "$RETAIL" 2011-09-09 --customer CustomerID --date InvoiceDate --quantity Quantity --price UnitPrice \
    --invoice InvoiceNo --cancel-prefix C
fi
