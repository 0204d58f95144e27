#!/usr/bin/env bash
# Transaction-log features on real logs: builds point-in-time features at a training cut-off and at a later test
# cut-off, trains the purchase and churn models on the first, evaluates them on the second and prints their AUC next
# to single-feature baselines (recency only, frequency only, ...). The "+value" runs add the value columns
# (`features --value`: BG/NBD and Gamma-Gamma fitted at each cut-off on the log up to it) to the same rows, so the
# AUC with and without them is printed side by side. Exits 1 when a model does not beat the best baseline (CI runs
# this when the public data is present).
#
#   scripts/evaluate-transactions.sh [DATA_DIR]      DATA_DIR defaults to ../shared/data beside the project
#
# Cut-offs: the training labels' horizon ends before the test cut-off, so nothing the test looks at was known when
# the model was fitted; the test horizon ends inside the log. Horizon 90 days, lookback 365 days.
# Baseline AUCs take each column in its better direction on the test rows themselves (in the baseline's favour).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA_DIR="$(public_data_dir "${1:-}")" || exit 0
[[ -n "$DATA_DIR" ]] || exit 0
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# name | log | column options | training cut-off | test cut-off | stacked training cut-offs (rolling, for comparison)
SETS=(
  "cdnow|cdnow/cdnow_master.csv|--customer customer_id --date date --amount amount --quantity quantity|1997-09-30|1998-03-31|1997-06-30,1997-09-30"
  "online-retail|online-retail/online_retail.csv.gz|--customer CustomerID --date InvoiceDate --quantity Quantity --price UnitPrice --invoice InvoiceNo --cancel-prefix C|2011-06-09|2011-09-09|2011-03-09,2011-06-09"
)
BASELINES=recency_days,orders_365d,orders_total,spend_365d,tenure_days

failures=0
printf '%-14s %-16s %8s %8s %8s %8s  %-28s %8s  %s\n' set model rows base auc ece best_baseline margin result
for entry in "${SETS[@]}"; do
  IFS='|' read -r name log columns train_cutoff test_cutoff stacked_cutoffs <<<"$entry"
  for cut in train test stacked train-value test-value; do
    cutoff=$train_cutoff; [[ $cut == test* ]] && cutoff=$test_cutoff; [[ $cut == stacked ]] && cutoff=$stacked_cutoffs
    value=(); [[ $cut == *-value ]] && value=(--value)
    # shellcheck disable=SC2086
    propensity features --transactions "$DATA_DIR/$log" $columns --as-of "$cutoff" "${value[@]}" --out "$WORK/$name-$cut.csv" \
      >"$WORK/$name-$cut.json" 2>"$WORK/$name-$cut.log" || { cat "$WORK/$name-$cut.log" >&2; exit 1; }
  done
  for run in purchase churn purchase-stacked purchase+value churn+value; do
    task=${run%-stacked}; task=${task%+value}; train_file="$WORK/$name-train.csv"; test_file="$WORK/$name-test.csv"
    [[ $run == *-stacked ]] && train_file="$WORK/$name-stacked.csv"
    [[ $run == *+value ]] && train_file="$WORK/$name-train-value.csv" && test_file="$WORK/$name-test-value.csv"
    propensity train --task "$task" --data "$train_file" --label "label_$task" --positive yes --holdout 0 \
      --models "$WORK/$name-$run-models" >"$WORK/$name-$run.train.json" 2>"$WORK/$name-$run.train.log" \
      || { cat "$WORK/$name-$run.train.log" >&2; exit 1; }
    eval_json=$(propensity evaluate --task "$task" --data "$test_file" --label "label_$task" --positive yes \
      --models "$WORK/$name-$run-models" --baseline "$BASELINES" 2>"$WORK/$name-$run.eval.log" | tail -n 1) \
      || { cat "$WORK/$name-$run.eval.log" >&2; exit 1; }
    auc=$(json_field auc "$eval_json")
    best_name=""; best_auc=0
    for column in ${BASELINES//,/ }; do
      value=$(json_field "$column" "${eval_json#*\"baselines\":}")
      if awk -v v="$value" -v b="$best_auc" 'BEGIN { exit !(v > b) }'; then best_name=$column; best_auc=$value; fi
    done
    margin=$(awk -v a="$auc" -v b="$best_auc" 'BEGIN { printf "%+.4f", a - b }')
    result=ok
    if ! awk -v a="$auc" -v b="$best_auc" 'BEGIN { exit !(a > b) }'; then result="BELOW FLOOR: does not beat $best_name"; failures=$((failures + 1)); fi
    printf '%-14s %-16s %8s %8.3f %8.4f %8.4f  %-28s %8s  %s\n' "$name" "$run" "$(json_field rows "$eval_json")" \
      "$(json_field base_rate "$eval_json")" "$auc" "$(json_field ece "$eval_json")" \
      "$(printf '%s %.4f' "$best_name" "$best_auc")" "$margin" "$result"
  done
done
echo
echo "Cut-offs: cdnow train 1997-09-30, test 1998-03-31; online-retail train 2011-06-09, test 2011-09-09 (horizon 90d, lookback 365d)."
echo "purchase-stacked: trained on the rows of two cut-offs a quarter apart (cdnow 1997-06-30 + 1997-09-30, online-retail"
echo "2011-03-09 + 2011-06-09), tested on the same later cut-off."
echo "+value: the same cut-offs with the five value columns (value models fitted at each cut-off on the log up to it)."
echo "Feature builds (lines read, seconds for read + features + write):"
for entry in "${SETS[@]}"; do
  IFS='|' read -r name _ <<<"$entry"
  for cut in train test stacked train-value test-value; do
    line=$(tail -n 1 "$WORK/$name-$cut.json")
    printf '  %-14s %-11s %9s lines  %6s s  %s rows\n' "$name" "$cut" "$(json_field lines "$line")" "$(json_field seconds "$line")" \
      "$(json_field rows "$line")"
  done
done
if ((failures > 0)); then
  echo "$failures model(s) do not beat the best single-feature baseline" >&2
  exit 1
fi
