#!/usr/bin/env bash
# End to end on the shipped sample: build, train the churn, purchase and conversion models, rescore the whole base
# into a snapshot with predictive segments, and print where to look.
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
echo "Scores, bands, reasons:  $SNAPSHOT/scores.csv"
echo "Segments, migration:     $SNAPSHOT/segments.json, $SNAPSHOT/migration.csv"
echo "Drift against training:  $SNAPSHOT/drift.json"
echo "Model cards (readable):  $MODELS/<task>/<version>/card.md"
echo "Evaluate on a file:      java -jar target/propensity.jar evaluate --task churn --data FILE --label churned --positive yes --models $MODELS"
echo "Serve them over HTTP:    java -jar target/propensity.jar serve --models $MODELS --snapshots $DEMO/snapshots   (then: curl localhost:7070/v1/segments)"
