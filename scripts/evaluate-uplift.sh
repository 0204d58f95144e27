#!/usr/bin/env bash
# Uplift models on the Hillstrom e-mail test (CI runs this when the public data is present).
#
# For each e-mail arm against "No E-Mail", target visit: `uplift train` on hillstrom/train.csv (conversion and spend,
# outcomes of the same campaign, dropped; no holdout) and `uplift evaluate` on hillstrom/test.csv: the Qini
# coefficient and uplift at 30 % with their 95 % bootstrap intervals, next to the peers measured on the same split
# when Python has scikit-learn (scripts/peers/uplift_peer.py: HistGradientBoosting T-learner and class
# transformation, and a random ranking), with scikit-uplift's metric definitions.
# Floors (Womens E-Mail): uplift at 30 % of at least 0.075, and a ranking better than chance (the lower end of the
# Qini interval above 0).
#
#   scripts/evaluate-uplift.sh [DATA_DIR]      DATA_DIR defaults to ../shared/data beside the project
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA_DIR="$(public_data_dir "${1:-}")" || exit 0
[[ -n "$DATA_DIR" ]] || exit 0
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TRAIN="$DATA_DIR/hillstrom/train.csv"
TEST="$DATA_DIR/hillstrom/test.csv"
have_peer() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import pandas, sklearn' 2>/dev/null; }

printf '%-14s %-22s %28s %28s %s\n' arm model qini uplift_at_30 seconds
status=0
for arm in "Womens E-Mail" "Mens E-Mail"; do
  campaign="$(printf '%s' "$arm" | tr 'A-Z ' 'a-z-')"
  arms=(--treatment segment --treated "$arm" --control "No E-Mail" --label visit --positive 1 --models "$WORK/models")
  start=$(date +%s)
  trained=$(propensity uplift train --campaign "$campaign" --data "$TRAIN" "${arms[@]}" --drop conversion,spend --holdout 0 2> "$WORK/$campaign-train.err" | tail -n 1)
  seconds=$(( $(date +%s) - start ))
  result=$(propensity uplift evaluate --campaign "$campaign" --data "$TEST" "${arms[@]}" 2> "$WORK/$campaign-evaluate.err" | tail -n 1)
  interval() { printf '%.4f [%.4f, %.4f]' "$(json_field "$1" "$result")" "$(json_field "$1_low" "$result")" "$(json_field "$1_high" "$result")"; }
  printf '%-14s %-22s %28s %28s %s\n' "$arm" "propensity ($(json_field strategy "$trained"))" "$(interval qini)" "$(interval uplift_at_30)" "$seconds"
  if have_peer; then
    /usr/bin/python3 "$PROJECT_DIR/scripts/peers/uplift_peer.py" "$TRAIN" "$TEST" "$arm" | /usr/bin/python3 -c '
import json, sys
peers = json.loads(sys.stdin.read())
for name in ("t_learner", "class_transformation", "random"):
    print("%-14s %-22s %28.4f %28.4f" % (peers["arm"], "peer " + name, peers[name]["qini"], peers[name]["uplift_at_30"]))'
  fi
  if [[ "$arm" == "Womens E-Mail" ]]; then
    if ! awk -v low="$(json_field qini_low "$result")" 'BEGIN { exit !(low > 0) }'; then
      echo "FAIL: the Womens E-Mail model's Qini interval reaches 0 or below: it may rank no better than chance" >&2
      status=1
    fi
    if ! awk -v at30="$(json_field uplift_at_30 "$result")" 'BEGIN { exit !(at30 >= 0.075) }'; then
      echo "FAIL: the Womens E-Mail model's uplift at 30 % is below 0.075" >&2
      status=1
    fi
  fi
done
echo "Qini: scikit-uplift qini_auc_score (negative effects); uplift at 30 %: uplift_at_k, strategy overall; intervals: 95 % Poisson bootstrap"
exit $status
