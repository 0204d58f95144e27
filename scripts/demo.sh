#!/usr/bin/env bash
# End to end on the shipped sample: build, train the churn, purchase and conversion models, rescore the whole base
# into a snapshot with predictive segments, turn the shipped order log into point-in-time RFM features and a
# purchase model judged on a later cut-off, fit the customer value models on the log, and print where to look.
# Writes only under target/demo/ (the committed models/ stay as they are). Run from anywhere:
#
#   scripts/demo.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$PROJECT_DIR"

echo "== build" >&2
mvn -B -q -DskipTests package >&2

DEMO="$PROJECT_DIR/target/demo"
MODELS="$DEMO/models"
rm -rf "$DEMO" && mkdir -p "$DEMO"
# Personal data is never a feature, and neither are the other tasks' outcomes (they happen after scoring time).
PII=email,phone
DATA="$PROJECT_DIR/training-data/customers.csv"
COMMON=(--data "$DATA" --id customer_id --models "$MODELS")

echo "== train (progress on stderr; each last stdout line is a JSON summary)" >&2
propensity train --task churn --label churned --positive yes --drop "$PII,purchased_30d,converted" "${COMMON[@]}" | tail -n 1 > "$DEMO/churn.json"
propensity train --task purchase --label purchased_30d --positive yes --drop "$PII,churned,converted" "${COMMON[@]}" | tail -n 1 > "$DEMO/purchase.json"
propensity train --task conversion --label converted --positive yes --drop "$PII,churned,purchased_30d" "${COMMON[@]}" | tail -n 1 > "$DEMO/conversion.json"

echo "== models" >&2
propensity models list --models "$MODELS"

echo "== rescore the base (what scripts/rescore-weekly.sh does every week)" >&2
propensity score --data "$DATA" --id customer_id --models "$MODELS" --snapshots "$DEMO/snapshots" \
  --segments "$PROJECT_DIR/scripts/sample-segments.json" | tail -n 1 > "$DEMO/score.json"
SNAPSHOT="$DEMO/snapshots/$(cat "$DEMO/snapshots/LATEST")"

echo "== features from the shipped order log: train on three quarterly cut-offs, test at a later one" >&2
LOG=(--transactions "$PROJECT_DIR/training-data/transactions.csv" --customer customer_id --date order_time
     --quantity quantity --price unit_price --invoice invoice --cancel-prefix C)
# Rolling cut-offs stack more rows; the last training horizon (to 2024-09-28) ends before the test cut-off.
propensity features "${LOG[@]}" --as-of 2023-12-31,2024-03-31,2024-06-30 --out "$DEMO/rfm-train.csv" 2>"$DEMO/rfm-train.log" | tail -n 1 > "$DEMO/rfm-train.json"
propensity features "${LOG[@]}" --as-of 2024-09-30 --out "$DEMO/rfm-test.csv" 2>"$DEMO/rfm-test.log" | tail -n 1 > /dev/null
propensity train --task purchase --data "$DEMO/rfm-train.csv" --label label_purchase --positive yes --holdout 0 \
  --models "$DEMO/transaction-models" 2>"$DEMO/rfm-train-model.log" | tail -n 1 > /dev/null
propensity evaluate --task purchase --data "$DEMO/rfm-test.csv" --label label_purchase --positive yes \
  --models "$DEMO/transaction-models" --baseline recency_days,orders_365d 2>/dev/null | tail -n 1 > "$DEMO/rfm-eval.json"

echo "== customer value from the order log: BG/NBD + Gamma-Gamma fitted to 2024-06-30, checked on the rest of the log" >&2
propensity value fit "${LOG[@]}" --calibration-end 2024-06-30 --holdout-end 2024-12-30 --models "$MODELS" \
  2>"$DEMO/value-fit.log" | tail -n 1 > "$DEMO/value-fit.json"
propensity features "${LOG[@]}" --as-of 2024-12-30 --label none --value current --models "$MODELS" \
  --out "$DEMO/value-today.csv" 2>"$DEMO/value-today.log" | tail -n 1 > /dev/null

echo
echo "Holdout metrics of each model (calibrated probabilities, 20% of rows never used in training):"
for task in churn purchase conversion; do
  line=$(cat "$DEMO/$task.json")
  printf '  %-11s AUC %.4f  Brier %.4f  ECE %.4f  model %s, %s calibration\n' "$task" \
    "$(json_field auc "${line#*\"test\":}")" "$(json_field brier "${line#*\"test\":}")" "$(json_field ece "${line#*\"test\":}")" \
    "$(json_field model "$line")" "$(json_field calibration "$line")"
done
echo
echo "Predictive segments of the $(json_field scored "$(cat "$DEMO/score.json")") customers:"
sed -e 's/.*"segments":{//' -e 's/}.*//' -e 's/,/\n/g' "$DEMO/score.json" | tr -d '"' | sed 's/^/  /'
echo
echo "RFM segments of the order log's customers at 2024-09-30 (features in $DEMO/rfm-test.csv):"
grep "RFM segments" "$DEMO/rfm-test.log" | sed 's/^ *RFM segments: /  /'
eval_line=$(cat "$DEMO/rfm-eval.json")
printf 'Purchase model from the order log (3 cut-offs to 2024-06-30), tested at 2024-09-30: AUC %.4f (recency alone %.4f, orders alone %.4f)\n' \
  "$(json_field auc "$eval_line")" "$(json_field recency_days "$eval_line")" "$(json_field orders_365d "$eval_line")"
echo
echo "Customer value from the order log (calibration to 2024-06-30; card: $MODELS/value/*/card.md):"
sed -n -e 's/^  purchases/  purchases/p' -e 's/^  order value (/  order value (/p' -e '/^  method/,/^  mean holdout/p' -e '/^CLV over/p' "$DEMO/value-fit.log"
echo "Value columns of every customer as of 2024-12-30 (p_alive, expected purchases, CLV, ...): $DEMO/value-today.csv"
echo
echo "Scores, bands, reasons:  $SNAPSHOT/scores.csv"
echo "Segments, migration:     $SNAPSHOT/segments.json, $SNAPSHOT/migration.csv"
echo "Drift against training:  $SNAPSHOT/drift.json"
echo "Model cards (readable):  $MODELS/<task>/<version>/card.md"
echo "Evaluate on a file:      java -jar target/propensity.jar evaluate --task churn --data FILE --label churned --positive yes --models $MODELS"
echo "Serve them over HTTP:    java -jar target/propensity.jar serve --models $MODELS --snapshots $DEMO/snapshots   (then open http://127.0.0.1:7070/ for the dashboard, or: curl localhost:7070/v1/segments)"
