#!/usr/bin/env bash
# Rescoring speed: rows/s of the full rescoring (3 models, reasons, segments, percentiles, drift, migration) against a
# plain read+write of the same CSV through the same CSV code, at 100k and 1M customers made by the project's
# generator, scored with the committed models/ (trained on the same generator's sample). Prints max RSS too.
#
#   scripts/bench-rescore.sh            (ROWS="100000 1000000" by default)
#
# Both runs get the same fixed heap (JAVA_OPTS, default -Xmx256m): that the 1M-row run fits in the heap the 100k-row
# run had, with the same resident size, is the evidence that memory does not grow with the rows scored.
# With Python's pandas, scikit-learn and XGBoost (Debian: python3-pandas python3-sklearn python3-xgboost) it also runs
# scripts/peers/rescore_peer.py on the same base: pandas + XGBoost reading, scoring ONE model and writing; the last
# column is the project's rows/s (three models, reasons, segments, drift) over the peer's.
set -euo pipefail
export JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
ROWS="${ROWS:-100000 1000000}"

have_peer() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import pandas, sklearn, xgboost' 2>/dev/null; }
printf '%10s %14s %14s %8s %12s %12s %12s %10s\n' rows copy_rows/s score_rows/s ratio copy_rss_MB score_rss_MB peer_rows/s vs_peer
for n in $ROWS; do
  base="$BENCH/base-$n.csv"
  [[ -f "$base" ]] || propensity generate --customers "$n" --seed 7 --out "$base" 2>/dev/null
  read -r copy_json copy_rss < <(measure "$BENCH/copy-$n" "${PROPENSITY_CMD[@]}" csv-copy --data "$base" --out "$BENCH/copy-$n.csv")
  rm -rf "$BENCH/snapshots"
  read -r score_json score_rss < <(measure "$BENCH/score-$n" "${PROPENSITY_CMD[@]}" score --data "$base" --id customer_id \
    --models "$PROJECT_DIR/models" --snapshots "$BENCH/snapshots")
  copy_rate=$(json_field rows_per_second "$copy_json"); score_rate=$(json_field rows_per_second "$score_json")
  peer_rate=n/a; versus=n/a
  if have_peer; then
    peer_rate=$(json_field rows_per_second "$(/usr/bin/python3 "$PROJECT_DIR/scripts/peers/rescore_peer.py" "$base" \
      "$PROJECT_DIR/training-data/customers.csv" "$BENCH/peer-$n.csv")")
    versus=$(awk -v s="$score_rate" -v p="$peer_rate" 'BEGIN { printf "%.2f", s / p }')
    rm -f "$BENCH/peer-$n.csv"
  fi
  printf '%10s %14.0f %14.0f %8.2f %12s %12s %12s %10s\n' "$n" "$copy_rate" "$score_rate" \
    "$(awk -v c="$copy_rate" -v s="$score_rate" 'BEGIN { print c / s }')" \
    "$(awk -v k="$copy_rss" 'BEGIN { print (k == "n/a" ? k : int(k / 1024)) }')" \
    "$(awk -v k="$score_rss" 'BEGIN { print (k == "n/a" ? k : int(k / 1024)) }')" "$peer_rate" "$versus"
  rm -f "$BENCH/copy-$n.csv"
done
echo "score rows/s is the whole run (loading models, both passes, publishing) divided by input rows; cores: $(nproc); JVM: $JAVA_OPTS"
