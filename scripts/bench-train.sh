#!/usr/bin/env bash
# Training speed against the Python peer in the same run: the whole `train` command (JVM start, reading, model
# selection, calibration, holdout evaluation, writing the bundle) next to scripts/peers/train_peer.py (pandas reading
# the same file, then scikit-learn logistic regression, HistGradientBoosting and XGBoost with library defaults) on
#   - bank-marketing's fixed train.csv (28,832 rows), when the public data is present, and
#   - CUSTOMERS customers from the project's generator (default 400,000), churn label.
# Prints wall seconds and max RSS of each and the ratio project / peer. Without Python's pandas, scikit-learn and
# XGBoost (Debian: python3-pandas python3-sklearn python3-xgboost) the peer columns say n/a.
#
#   scripts/bench-train.sh [DATA_DIR]          (CUSTOMERS=400000 by default; CUSTOMERS=0 skips the generated set)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
CUSTOMERS="${CUSTOMERS:-400000}"
DATA_DIR="${1:-$PROJECT_DIR/../shared/data}"
PEER=(/usr/bin/python3 "$PROJECT_DIR/scripts/peers/train_peer.py")
have_peer() { [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import pandas, sklearn, xgboost' 2>/dev/null; }

timed() { # timed NAME command...: runs it under GNU time, prints "seconds rss_mb"
  local name="$1"; shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%e %M' -o "$BENCH/$name.time" "$@" > "$BENCH/$name.out" 2> "$BENCH/$name.err" \
      || { cat "$BENCH/$name.err" >&2; exit 1; }
    awk '{ printf "%s %d\n", $1, $2 / 1024 }' "$BENCH/$name.time"
  else
    local start; start=$(date +%s.%N)
    "$@" > "$BENCH/$name.out" 2> "$BENCH/$name.err" || { cat "$BENCH/$name.err" >&2; exit 1; }
    awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f n/a\n", e - s }'
  fi
}

row() { # row NAME DATA PEER_ARGS... -- TRAIN_ARGS...
  local name="$1" data="$2"; shift 2
  local peer_args=() train_args=()
  while [[ "$1" != "--" ]]; do peer_args+=("$1"); shift; done
  shift; train_args=("$@")
  rm -rf "$BENCH/train-models-$name"
  read -r seconds rss < <(timed "train-$name" "${PROPENSITY_CMD[@]}" train --task churn --data "$data" \
    --models "$BENCH/train-models-$name" "${train_args[@]}")
  local test_auc; test_auc=$(json_field auc "$(tail -n 1 "$BENCH/train-$name.out")")
  local peer_seconds=n/a peer_rss=n/a ratio=n/a
  if have_peer; then
    read -r peer_seconds peer_rss < <(timed "peer-$name" "${PEER[@]}" "$data" "${peer_args[@]}")
    ratio=$(awk -v a="$seconds" -v b="$peer_seconds" 'BEGIN { printf "%.2f", a / b }')
  fi
  printf '%-16s %9s %8s %9s %8s %9s %9s %8s\n' "$name" "$(wc -l < "$data" | awk '{ print $1 - 1 }')" "$seconds" "$rss" \
    "$peer_seconds" "$peer_rss" "$ratio" "${test_auc:-n/a}"
}

printf '%-16s %9s %8s %9s %8s %9s %9s %8s\n' set rows train_s rss_MB peer_s peer_MB ratio test_auc
if [[ -f "$DATA_DIR/bank-marketing/train.csv" ]]; then
  row bank-marketing "$DATA_DIR/bank-marketing/train.csv" y yes --sep ';' --drop duration -- \
    --label y --positive yes --drop duration
else
  echo "bank-marketing: no public data at $DATA_DIR, skipped" >&2
fi
if ((CUSTOMERS > 0)); then
  generated="$BENCH/base-$CUSTOMERS.csv"
  [[ -f "$generated" ]] || propensity generate --customers "$CUSTOMERS" --seed 7 --out "$generated" 2>/dev/null
  row "generated" "$generated" churned yes --drop customer_id,email,phone,purchased_30d,converted -- \
    --label churned --positive yes --id customer_id --drop purchased_30d,converted
fi
echo "ratio = the project's whole train command / the peer script's whole run, same file, same machine, this run; cores: $(nproc)"
