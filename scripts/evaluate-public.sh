#!/usr/bin/env bash
# Trains on each public data set's fixed train.csv, evaluates on its test.csv and prints a table next to the
# peers' figures. Exits 1 when a figure falls below its floor (CI runs this when the public data is present).
#
#   scripts/evaluate-public.sh [DATA_DIR]      DATA_DIR defaults to ../shared/data beside the project
#   SEEDS="1 2 3 4 5" scripts/evaluate-public.sh   trains once per seed (--seed) and prints a row per set and seed
#
# Peers: scikit-learn 1.2 / XGBoost 1.7 on the same splits. The AUCs are the figures the training issue quotes; the
# Brier scores were measured for the same peer models with scripts/peers/measure_peers.py (which reproduces those AUCs).
# Floors: test AUC >= best peer AUC - 0.005; ECE <= 0.03; Brier <= best peer Brier + 0.003.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA_DIR="$(public_data_dir "${1:-}")" || exit 0
[[ -n "$DATA_DIR" ]] || exit 0
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# name | train options | peer best AUC | peer best Brier | peer
SETS=(
  "telco-churn|--label Churn --positive Yes --id customerID|0.8507|0.1338|LR"
  "bank-marketing|--label y --positive yes --drop duration|0.8071|0.0760|HistGB"
  "telecom-churn|--label churn --positive yes|0.9126|0.0339|XGBoost"
)

failures=0
SEEDS="${SEEDS:-default}"
printf '%-16s %7s %8s %8s %8s %8s %8s %8s %9s %9s  %s\n' set seed auc pr_auc log_loss brier ece lift10 train_s peer_auc result
for seed in $SEEDS; do
for entry in "${SETS[@]}"; do
  IFS='|' read -r name options peer_auc peer_brier peer <<<"$entry"
  seed_option=(); [[ "$seed" == default ]] || seed_option=(--seed "$seed")
  rm -rf "$WORK/$name"
  # shellcheck disable=SC2086
  train_json=$(propensity train --task churn --data "$DATA_DIR/$name/train.csv" $options --holdout 0 "${seed_option[@]}" \
    --models "$WORK/$name" 2>"$WORK/$name.train.log" | tail -n 1) || { cat "$WORK/$name.train.log" >&2; exit 1; }
  label=$(sed -E 's/.*--label ([^ ]+).*/\1/' <<<"$options"); positive=$(sed -E 's/.*--positive ([^ ]+).*/\1/' <<<"$options")
  eval_json=$(propensity evaluate --task churn --data "$DATA_DIR/$name/test.csv" --label "$label" --positive "$positive" \
    --models "$WORK/$name" 2>"$WORK/$name.eval.log" | tail -n 1) || { cat "$WORK/$name.eval.log" >&2; exit 1; }
  auc=$(json_field auc "$eval_json"); brier=$(json_field brier "$eval_json"); ece=$(json_field ece "$eval_json")
  result=$(awk -v auc="$auc" -v brier="$brier" -v ece="$ece" -v pa="$peer_auc" -v pb="$peer_brier" 'BEGIN {
    bad = "";
    if (auc < pa - 0.005) bad = bad " auc<" (pa - 0.005);
    if (ece > 0.03) bad = bad " ece>0.03";
    if (brier > pb + 0.003) bad = bad " brier>" (pb + 0.003);
    print (bad == "" ? "ok" : "BELOW FLOOR:" bad) }')
  [[ "$result" == ok ]] || failures=$((failures + 1))
  printf '%-16s %7s %8.4f %8.4f %8.4f %8.4f %8.4f %8.2f %9s %9s  %s\n' "$name" "$seed" "$auc" "$(json_field pr_auc "$eval_json")" \
    "$(json_field log_loss "$eval_json")" "$brier" "$ece" "$(json_field lift_top_decile "$eval_json")" \
    "$(json_field training_seconds "$train_json")" "$peer_auc($peer)" "$result"
done
done
if ((failures > 0)); then
  echo "$failures data set(s) below a floor" >&2
  exit 1
fi
