#!/usr/bin/env bash
# Persona speed at scale: generates CUSTOMERS customers drawn from four behavioural groups (generate --personas),
# fits personas on them (a uniform sample of 100,000 rows read in one streaming pass; k auto, so every k in 3..8 is
# fitted with restarts and bootstrap refits) and assigns every customer (streaming, flat memory). Prints each
# command's wall time and max RSS, and the assignment rate.
# Goals: fit under 30 s, assignment over 300,000 customers/s, on 2 cores.
#
#   scripts/bench-personas.sh          (CUSTOMERS=1000000 by default)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
CUSTOMERS="${CUSTOMERS:-1000000}"
base="$BENCH/persona-base-$CUSTOMERS.csv"
[[ -f "$base" ]] || propensity generate --personas --customers "$CUSTOMERS" --seed 5 --out "$base" 2>/dev/null
models="$BENCH/persona-models"
rm -rf "$models"

timed() { # timed NAME command...: wall seconds and max RSS (MB) of a command, its stdout kept in $BENCH/NAME.out
  local name="$1"; shift
  /usr/bin/time -f '%e %M' -o "$BENCH/$name.time" "$@" > "$BENCH/$name.out" 2> "$BENCH/$name.err" || { cat "$BENCH/$name.err" >&2; exit 1; }
  read -r seconds rss < "$BENCH/$name.time"
  printf '%s %s\n' "$seconds" "$((rss / 1024))"
}

read -r fit_wall fit_rss < <(timed personas-fit "${PROPENSITY_CMD[@]}" personas fit --data "$base" --id customer_id \
  --drop churned,purchased_30d,converted --models "$models")
read -r assign_wall assign_rss < <(timed personas-assign "${PROPENSITY_CMD[@]}" personas assign --data "$base" \
  --id customer_id --models "$models" --out "$BENCH/personas-$CUSTOMERS.csv")
fit_seconds="$(json_field seconds "$(tail -n 1 "$BENCH/personas-fit.out")")"
assign_seconds="$(json_field seconds "$(tail -n 1 "$BENCH/personas-assign.out")")"
rows="$(json_field rows "$(tail -n 1 "$BENCH/personas-assign.out")")"
echo "customers: $rows; k chosen: $(json_field k "$(tail -n 1 "$BENCH/personas-fit.out")"); cores: $(nproc)"
echo "fit: $fit_seconds s (whole command $fit_wall s, max RSS $fit_rss MB); goal < 30 s"
awk -v r="$rows" -v s="$assign_seconds" -v w="$assign_wall" -v m="$assign_rss" 'BEGIN {
  printf "assign: %s s, %.0f customers/s (whole command %s s, max RSS %s MB); goal > 300,000 customers/s\n", s, r / s, w, m }'
