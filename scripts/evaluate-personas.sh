#!/usr/bin/env bash
# Persona quality on a generated base whose true personas are known (generate --personas: four behavioural groups
# plus columns without structure), next to the peer, plain k-means on every standardized column with k chosen by
# silhouette:
#   - adjusted Rand index (ARI) of the assignment against the truth (goal >= 0.6);
#   - week-to-week agreement: 5 % of customers take another persona's behaviour, the model is refitted (with the
#     first as the current model), and the ARI of the two assignments of the same customers (goal >= 0.85).
# Then, on the public sets (telco-churn, telecom-churn, bank-marketing; each has train.csv and test.csv), the chosen
# k, the profiles, and the persona alone as a churn / conversion score: each persona's rate on train used as the
# score on test (AUC). Exits 0 with a note when the public data is absent; fails when a goal on the generated base
# is missed.
#
#   scripts/evaluate-personas.sh [DATA_DIR] [CUSTOMERS]   DATA_DIR defaults to ../shared/data; CUSTOMERS to 20000
# The checks run as a single-file Java program on the jar (scripts/personas/PersonaChecks.java); nothing else needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CUSTOMERS="${2:-20000}"
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
checks() {
  java -cp "$JAR" "$PROJECT_DIR/scripts/personas/PersonaChecks.java" "$@" 2>>"$WORK/checks.log"
}
LABELS=churned,purchased_30d,converted

propensity generate --personas --customers "$CUSTOMERS" --seed 11 --out "$WORK/base.csv" --truth "$WORK/truth.csv" 2>/dev/null
propensity personas fit --data "$WORK/base.csv" --id customer_id --drop "$LABELS" --models "$WORK/models" \
  >"$WORK/fit.json" 2>"$WORK/fit.log" || { cat "$WORK/fit.log" >&2; exit 1; }
propensity personas assign --data "$WORK/base.csv" --id customer_id --models "$WORK/models" --out "$WORK/week1.csv" 2>/dev/null >/dev/null
truth_ari="$(checks ari "$WORK/week1.csv" persona_id "$WORK/truth.csv" persona)"
k="$(json_field k "$(tail -n 1 "$WORK/fit.json")")"

checks perturb "$WORK/base.csv" "$WORK/truth.csv" "$WORK/moved.csv" 0.05 5
propensity personas fit --data "$WORK/moved.csv" --id customer_id --drop "$LABELS" --models "$WORK/models" --seed 43 \
  >"$WORK/refit.json" 2>"$WORK/refit.log" || { cat "$WORK/refit.log" >&2; exit 1; }
propensity personas assign --data "$WORK/moved.csv" --id customer_id --models "$WORK/models" --out "$WORK/week2.csv" 2>/dev/null >/dev/null
propensity personas assign --data "$WORK/moved.csv" --id customer_id --models "$WORK/models" \
  --version "$(json_field version "$(tail -n 1 "$WORK/fit.json")")" --out "$WORK/week2-old.csv" 2>/dev/null >/dev/null
week_ari="$(checks ari "$WORK/week2-old.csv" persona_id "$WORK/week2.csv" persona_id)"
same_ids="$(paste -d, <(cut -d, -f2 "$WORK/week2-old.csv") <(cut -d, -f2 "$WORK/week2.csv") | tail -n +2 | awk -F, '$1==$2{s++} END{printf "%.4f", s/NR}')"

peer_k="$(checks peer "$WORK/base.csv" customer_id "$LABELS" "$WORK/peer1.csv")"
peer_truth="$(checks ari "$WORK/peer1.csv" cluster "$WORK/truth.csv" persona)"
checks peer "$WORK/moved.csv" customer_id "$LABELS" "$WORK/peer2.csv" >/dev/null
peer_week="$(checks ari "$WORK/peer1.csv" cluster "$WORK/peer2.csv" cluster)"

echo "generated base: $CUSTOMERS customers in 4 true personas, with tenure_days (uniform), account_number and noise_score"
printf '  %-34s %6s %14s %22s\n' method k "ARI vs truth" "week-to-week ARI (5 %)"
printf '  %-34s %6s %14s %22s\n' "personas (this project)" "$k" "$truth_ari" "$week_ari"
printf '  %-34s %6s %14s %22s\n' "plain k-means, k by silhouette" "$peer_k" "$peer_truth" "$peer_week"
echo "  refit kept the persona id of $same_ids of the customers; $(grep -o 'refit of .*' "$WORK/refit.log")"
grep -E '^ +[0-9]+ +[0-9.]+ %' "$WORK/fit.log" | sed 's/^/  /'
failed=0
awk -v a="$truth_ari" 'BEGIN{exit !(a >= 0.6)}' || { echo "FAIL: ARI vs truth $truth_ari < 0.6" >&2; failed=1; }
awk -v a="$week_ari" 'BEGIN{exit !(a >= 0.85)}' || { echo "FAIL: week-to-week ARI $week_ari < 0.85" >&2; failed=1; }

DATA_DIR="${1:-$PROJECT_DIR/../shared/data}"
if [[ ! -d "$DATA_DIR" ]]; then
  echo "no public data at $DATA_DIR; public sets skipped" >&2
  exit "$failed"
fi

# public NAME SEPARATOR LABEL POSITIVE DROP: fit on train, profile, and the persona's rate as a score on test.
public() {
  local name="$1" sep="$2" label="$3" positive="$4" drop="$5" dir="$DATA_DIR/$1"
  if [[ ! -f "$dir/train.csv" || ! -f "$dir/test.csv" ]]; then
    echo "$name: no train.csv/test.csv in $dir; skipped" >&2
    return
  fi
  # A row number as the id: not every set has a customer id.
  for part in train test; do
    awk -v s="$sep" 'NR==1{print "row_id" s $0; next} {print NR-1 s $0}' "$dir/$part.csv" >"$WORK/$name-$part.csv"
  done
  propensity personas fit --data "$WORK/$name-train.csv" --id row_id --drop "$drop" --models "$WORK/$name-models" \
    >"$WORK/$name-fit.json" 2>"$WORK/$name-fit.log" || { cat "$WORK/$name-fit.log" >&2; failed=1; return; }
  for part in train test; do
    propensity personas assign --data "$WORK/$name-$part.csv" --id row_id --models "$WORK/$name-models" \
      --out "$WORK/$name-$part-personas.csv" >/dev/null 2>&1
  done
  local auc
  auc="$(checks auc "$WORK/$name-train-personas.csv" "$WORK/$name-train.csv" "$WORK/$name-test-personas.csv" \
    "$WORK/$name-test.csv" "$label" "$positive")"
  echo
  echo "$name: $(head -n 1 "$WORK/$name-fit.log" | sed 's/^[0-9:]* INFO //')"
  grep -E '^[0-9:]+ INFO k = [0-9]+:' "$WORK/$name-fit.log" | sed 's/^[0-9:]* INFO /  /'
  grep -E '^[0-9]+ personas of' "$WORK/$name-fit.log" | sed 's/^/  /'
  grep -E '^ +[0-9]+ +[0-9.]+ %' "$WORK/$name-fit.log" | sed 's/^/  /'
  echo "  persona alone as a $label score: AUC on test $auc (each persona's $label rate on train)"
  local card
  card="$(ls -d "$WORK/$name-models/personas/"*/ | head -n 1)card.md"
  grep -E '^## [0-9]+\.|^- ' "$card" | sed 's/^/    /' | head -n 40
}
public telco-churn , Churn Yes customerID,Churn
public telecom-churn , churn yes churn
public bank-marketing ';' y yes y,duration
exit "$failed"
