#!/usr/bin/env bash
# Snapshot readers on Parquet: the same two 1,000,000-customer weekly snapshots scored as scores.csv and as
# scores.parquet (`score --format parquet`), each pair served by its own server on loopback; prints, per format, the
# wall time of the largest segment's full list (GET /v1/segments/<name>/customers, CSV), of a migration counted from
# the two scores files (GET /v1/snapshots/<first>/migration?against=<latest>, not the stored one) and of one of its
# cell downloads, the server's peak RSS after them (VmHWM), and the Parquet/CSV ratios.
#
#   scripts/bench-snapshot-readers.sh        (CUSTOMERS=1000000 PORT=7198 by default; Linux, for /proc)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
CUSTOMERS="${CUSTOMERS:-1000000}"; PORT="${PORT:-7198}"
BENCH="$PROJECT_DIR/target/bench/snapshot-readers-$CUSTOMERS"
mkdir -p "$BENCH"
for week in 1 2; do
  base="$BENCH/base-week$week.csv"
  [[ -f "$base" ]] || propensity generate --customers "$CUSTOMERS" --seed "$((41 + week))" --out "$base" >&2
done
for format in csv parquet; do
  if [[ ! -f "$BENCH/$format/LATEST" ]]; then
    for week in 1 2; do
      echo "scoring week $week as $format ..." >&2
      propensity score --data "$BENCH/base-week$week.csv" --id customer_id --models "$PROJECT_DIR/models" \
        --snapshots "$BENCH/$format" --format "$format" > /dev/null 2>> "$BENCH/score.log"
      sleep 1 # snapshot names are UTC seconds
    done
  fi
done

seconds() { # seconds URL OUT: wall time of one GET, the body to OUT; fails on a non-200 answer
  local status
  status=$(curl -s -o "$2" -w '%{http_code} %{time_total}' "$1")
  [[ "${status%% *}" == 200 ]] || { echo "GET $1 answered ${status%% *}: $(head -c 300 "$2")" >&2; exit 1; }
  printf '%s' "${status#* }"
}

declare -A RESULT
for format in csv parquet; do
  snapshots="$BENCH/$format"
  mapfile -t ids < <(find "$snapshots" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort)
  first="${ids[0]}"; latest="${ids[-1]}"
  "${PROPENSITY_CMD[@]}" serve --models "$PROJECT_DIR/models" --snapshots "$snapshots" --port "$PORT" > "$BENCH/serve-$format.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.2
  done
  segments=$(curl -s "http://127.0.0.1:$PORT/v1/segments")
  # The largest segment: the longest list to rank and stream.
  segment=$(printf '%s' "$segments" | grep -o '"segments":{[^}]*}' | grep -o '"[^"]*":[0-9]*' | sort -t: -k2 -n | tail -n 1 | cut -d'"' -f2)
  list=$(seconds "http://127.0.0.1:$PORT/v1/segments/$segment/customers" "$BENCH/list-$format.csv")
  pair=$(seconds "http://127.0.0.1:$PORT/v1/snapshots/$first/migration?against=$latest" "$BENCH/pair-$format.json")
  cell=$(seconds "http://127.0.0.1:$PORT/v1/snapshots/$latest/migration/customers?against=$first&dimension=segment&from=$segment&to=$segment" \
    "$BENCH/cell-$format.csv")
  rss=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
  kill "$server"; wait "$server" 2>/dev/null || true
  trap - EXIT
  RESULT[$format]="$list $pair $cell $rss $(( $(wc -l < "$BENCH/list-$format.csv") - 1 )) $(( $(wc -l < "$BENCH/cell-$format.csv") - 1 ))"
  if ! cmp -s <(grep -o '"dimensions".*' "$BENCH/pair-csv.json") <(grep -o '"dimensions".*' "$BENCH/pair-$format.json"); then
    echo "the $format migration differs from the csv one" >&2; exit 1
  fi
done

printf '%s customers a snapshot, largest segment %s\n' "$CUSTOMERS" "$segment"
printf '%-8s %10s %10s %10s %12s %12s %12s\n' format list_s pair_s cell_s peak_rss_mb list_rows cell_rows
for format in csv parquet; do
  read -r list pair cell rss rows cellrows <<< "${RESULT[$format]}"
  printf '%-8s %10.2f %10.2f %10.2f %12.0f %12d %12d\n' "$format" "$list" "$pair" "$cell" "$((rss / 1024))" "$rows" "$cellrows"
done
read -r cl cp cc cr _ _ <<< "${RESULT[csv]}"
read -r pl pp pc pr _ _ <<< "${RESULT[parquet]}"
awk -v cl="$cl" -v cp="$cp" -v cc="$cc" -v cr="$cr" -v pl="$pl" -v pp="$pp" -v pc="$pc" -v pr="$pr" \
  'BEGIN { printf "parquet/csv: list %.2fx  pair migration %.2fx  cell %.2fx  peak RSS %.2fx\n", pl / cl, pp / cp, pc / cc, pr / cr }'
