#!/usr/bin/env bash
# Value model speed at scale: simulates a transaction log of CUSTOMERS customers from the BG/NBD and Gamma-Gamma
# models with known parameters (scripts/simulate-value-log.py, Python's standard library), fits the value models on
# it with `value fit` and builds the value columns for every customer with `features --value current`.
# Prints the fit's phases (from the card), the scoring rate (customers / seconds to compute every customer's value
# columns: expected purchases, P(alive), order value, CLV month by month, days to next purchase), whole-command wall
# time and max RSS, and the recovered parameters next to the true ones.
#
#   scripts/bench-value.sh          (CUSTOMERS=1000000 by default)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
CUSTOMERS="${CUSTOMERS:-1000000}"
log="$BENCH/value-log-$CUSTOMERS.csv"
[[ -f "$log" ]] || /usr/bin/python3 "$PROJECT_DIR/scripts/simulate-value-log.py" "$CUSTOMERS" "$log"
last_day=$(awk -F, 'NR > 1 && $2 > max { max = $2 } END { print max }' "$log")
models="$BENCH/value-models"
rm -rf "$models"

timed() { # timed NAME command...: wall seconds and max RSS (MB) of a command, its stdout kept in $BENCH/NAME.out
  local name="$1"; shift
  /usr/bin/time -f '%e %M' -o "$BENCH/$name.time" "$@" > "$BENCH/$name.out" 2> "$BENCH/$name.err" || { cat "$BENCH/$name.err" >&2; exit 1; }
  read -r seconds rss < "$BENCH/$name.time"
  printf '%s %s\n' "$seconds" "$((rss / 1024))"
}

read -r fit_wall fit_rss < <(timed value-fit "${PROPENSITY_CMD[@]}" value fit --transactions "$log" --customer customer_id \
  --date date --amount amount --calibration-end 2025-06-30 --models "$models")
read -r features_wall features_rss < <(timed value-features "${PROPENSITY_CMD[@]}" features --transactions "$log" \
  --customer customer_id --date date --amount amount --as-of "$last_day" --label none \
  --value current --models "$models" --out "$BENCH/value-features.csv")
/usr/bin/python3 - "$BENCH/value-fit.out" "$CUSTOMERS" "$fit_wall" "$fit_rss" "$features_wall" "$features_rss" <<'PY'
import json, sys
summary = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
customers, fit_wall, fit_rss, features_wall, features_rss = sys.argv[2:7]
seconds = summary["seconds"]
print(f"customers {summary['customers']:,} ({summary['repeat_buyers']:,} repeat buyers), log of {customers} simulated customers")
print(f"value fit, whole command: {fit_wall} s, max RSS {fit_rss} MB; phases: read log {seconds['read_log']} s,"
      f" histories {seconds['summary']} s, both fits {seconds['fit']} s, value columns of every customer {seconds['reference']} s")
print(f"fit: {seconds['fit']} s (goal < 5 s); scoring: {summary['customers'] / seconds['reference']:,.0f} customers/s (goal >= 500,000)")
print(f"features --value current, whole command (read, features, value columns, write): {features_wall} s, max RSS {features_rss} MB")
truth = {"r": 0.25, "alpha": 4.0, "a": 0.8, "b": 2.5, "p": 6.0, "q": 4.0, "gamma": 15.0}
print("parameters (true -> fitted): " + ", ".join(f"{k} {v} -> {summary['parameters'][k]:.4f}" for k, v in truth.items()))
PY
echo "cores: $(nproc); features built as of the log's last day, $last_day"
