#!/usr/bin/env bash
# Lookalike quality on public churn data: the seed is a random 30 % of the churners, the pool is the whole file, and
# the figure is the share of the other churners the audience captures at 5 % and 10 % of the pool. Next to it: the
# share of churners a supervised churn model (trained on train.csv with full labels) captures in the top 5 % and
# 10 % of test.csv. Floor (exit 1 below it; CI runs this): lookalike recall at 10 % >= 90 % of the supervised model's.
#
#   scripts/evaluate-lookalike.sh [DATA_DIR]      DATA_DIR defaults to ../shared/data beside the project
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA_DIR="$(public_data_dir "${1:-}")" || exit 0
[[ -n "$DATA_DIR" ]] || exit 0
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

with_row_ids() { # with_row_ids IN OUT: prefix a row_id column (for files without an id)
  awk 'NR == 1 { print "row_id," $0; next } { print "R" (NR - 1) "," $0 }' "$1" > "$2"
}
column_of() { # column_of FILE NAME: 1-based index of a header column
  head -n 1 "$1" | tr ',' '\n' | grep -nx "$2" | cut -d: -f1
}
recall() { # recall AUDIENCE POSITIVE_IDS: share of the positive ids found in the audience's first column
  awk -F, 'NR == FNR { wanted[$1] = 1; total++; next } FNR > 1 && ($1 in wanted) { found++ } END { printf "%.4f", found / total }' "$2" "$1"
}
top_recall() { # top_recall SCORED ID_COL PROB_COL LABELS_FILE SHARE: recall of positives in the top share by probability
  local rows; rows=$(($(wc -l < "$1") - 1))
  # awk, not head, takes the top rows: head would close the pipe early and fail the script under pipefail.
  tail -n +2 "$1" | sort -t, -k"$3","$3"gr | awk -v n="$(awk -v n="$rows" -v s="$5" 'BEGIN { printf "%d", n * s + 0.5 }')" 'NR <= n' \
    | awk -F, -v id="$2" 'NR == FNR { wanted[$1] = 1; total++; next } ($id in wanted) { found++ } END { printf "%.4f", found / total }' "$4" -
}

# name | full file | train | test | id column (or -) | label | positive
SETS=(
  "telco-churn|Telco-Customer-Churn.csv|train.csv|test.csv|customerID|Churn|Yes"
  "telecom-churn|mlc_churn.csv|train.csv|test.csv|-|churn|yes"
)
failures=0
printf '%-14s %6s %6s %12s %12s %12s %12s %14s\n' set seed pool lookalike@5% lookalike@10% supervised@5% supervised@10% ratio@10%
for entry in "${SETS[@]}"; do
  IFS='|' read -r name full train test id label positive <<<"$entry"
  dir="$WORK/$name"; mkdir -p "$dir"
  if [[ "$id" == "-" ]]; then
    with_row_ids "$DATA_DIR/$name/$full" "$dir/full.csv"; with_row_ids "$DATA_DIR/$name/$test" "$dir/test.csv"; id=row_id
  else
    cp "$DATA_DIR/$name/$full" "$dir/full.csv"; cp "$DATA_DIR/$name/$test" "$dir/test.csv"
  fi
  idc=$(column_of "$dir/full.csv" "$id"); lc=$(column_of "$dir/full.csv" "$label")
  awk -F, -v i="$idc" -v l="$lc" -v p="$positive" 'NR > 1 && $l == p { print $i }' "$dir/full.csv" > "$dir/churners.txt"
  awk 'BEGIN { srand(42) } { if (rand() < 0.3) print > "'"$dir/seed-ids.txt"'"; else print > "'"$dir/others.txt"'" }' "$dir/churners.txt"
  { echo "$id"; cat "$dir/seed-ids.txt"; } > "$dir/seed.csv"
  for size in 5 10; do
    propensity lookalike --seed "$dir/seed.csv" --pool "$dir/full.csv" --id "$id" --size "$size%" --drop "$label" \
      --out "$dir/audience-$size.csv" --min-seed 50 2>"$dir/lookalike-$size.log" >/dev/null || { cat "$dir/lookalike-$size.log" >&2; exit 1; }
  done
  extra=(); [[ "$name" == telco-churn ]] && extra=(--id customerID)
  propensity train --task churn --data "$DATA_DIR/$name/$train" --label "$label" --positive "$positive" "${extra[@]}" \
    --holdout 0 --models "$dir/models" 2>"$dir/train.log" >/dev/null || { cat "$dir/train.log" >&2; exit 1; }
  propensity score --data "$dir/test.csv" --id "$id" --tasks churn --models "$dir/models" --out "$dir/scored.csv" \
    2>"$dir/score.log" >/dev/null || { cat "$dir/score.log" >&2; exit 1; }
  tidc=$(column_of "$dir/test.csv" "$id"); tlc=$(column_of "$dir/test.csv" "$label")
  awk -F, -v i="$tidc" -v l="$tlc" -v p="$positive" 'NR > 1 && $l == p { print $i }' "$dir/test.csv" > "$dir/test-churners.txt"
  pc=$(column_of "$dir/scored.csv" churn_probability)
  l5=$(recall "$dir/audience-5.csv" "$dir/others.txt"); l10=$(recall "$dir/audience-10.csv" "$dir/others.txt")
  s5=$(top_recall "$dir/scored.csv" 1 "$pc" "$dir/test-churners.txt" 0.05)
  s10=$(top_recall "$dir/scored.csv" 1 "$pc" "$dir/test-churners.txt" 0.10)
  printf '%-14s %6s %6s %12s %12s %12s %12s %13.0f%%\n' "$name" "$(wc -l < "$dir/seed-ids.txt")" "$(($(wc -l < "$dir/full.csv") - 1))" \
    "$l5" "$l10" "$s5" "$s10" "$(awk -v a="$l10" -v b="$s10" 'BEGIN { print 100 * a / b }')"
  if awk -v a="$l10" -v b="$s10" 'BEGIN { exit !(a < 0.9 * b) }'; then
    echo "$name: lookalike recall at 10% is below 90% of the supervised model's" >&2
    failures=$((failures + 1))
  fi
done
echo "lookalike@x: share of the churners not in the seed found in an audience of x% of the pool (seed excluded)."
echo "supervised@x: share of test.csv churners in the top x% of test.csv by a churn model trained on train.csv."
if ((failures > 0)); then
  exit 1
fi
