#!/usr/bin/env bash
# Parquet against CSV on the same customers: a base made by the project's generator (ROWS, default 1,000,000) is
# rewritten as one Snappy Parquet file (hidden parquet-copy command), then both are read (hidden scan command: records
# to text fields on one thread, nothing else) and scored into a scores file with the committed models/ (all three
# tasks, reasons, segments, percentiles, drift) in the same run, under the same fixed heap. Prints rows/s, the
# Parquet/CSV ratio, the files' sizes and each run's peak resident size (GNU time), and the jar's size.
#
#   scripts/bench-parquet.sh            (ROWS=1000000 REPEATS=3 JAVA_OPTS=-Xmx256m by default)
set -euo pipefail
export JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
BENCH="$PROJECT_DIR/target/bench"
mkdir -p "$BENCH"
ROWS="${ROWS:-1000000}"

megabytes() { awk -v k="$1" 'BEGIN { print (k == "n/a" ? k : int(k / 1024)) }'; }

csv="$BENCH/base-$ROWS.csv"
parquet="$BENCH/base-$ROWS.parquet"
[[ -f "$csv" ]] || propensity generate --customers "$ROWS" --seed 7 --out "$csv" 2>/dev/null
[[ -f "$parquet" && "$parquet" -nt "$csv" ]] || propensity parquet-copy --data "$csv" --out "$parquet" >/dev/null 2>&1

# The machine may be shared: each measurement is the best of REPEATS runs, CSV and Parquet alternating, so that both
# see the same background load; the resident size is the largest seen.
REPEATS="${REPEATS:-3}"
declare -A scan score scan_rss score_rss
for format in csv parquet; do scan[$format]=0; score[$format]=0; scan_rss[$format]=0; score_rss[$format]=0; done
for ((run = 1; run <= REPEATS; run++)); do
  for input in "$csv" "$parquet"; do
    format="${input##*.}"
    read -r scan_json rss < <(measure "$BENCH/scan-$format" "${PROPENSITY_CMD[@]}" scan --data "$input")
    rate=$(json_field rows_per_second "$scan_json")
    (( ${rate%.*} > ${scan[$format]%.*} )) && scan[$format]=$rate
    [[ "$rss" != n/a ]] && (( rss > scan_rss[$format] )) && scan_rss[$format]=$rss
    read -r score_json rss < <(measure "$BENCH/score-$format" "${PROPENSITY_CMD[@]}" score --data "$input" --id customer_id \
      --models "$PROJECT_DIR/models" --out "$BENCH/scores-$format.csv")
    rate=$(json_field rows_per_second "$score_json")
    (( ${rate%.*} > ${score[$format]%.*} )) && score[$format]=$rate
    [[ "$rss" != n/a ]] && (( rss > score_rss[$format] )) && score_rss[$format]=$rss
  done
done
printf '%-8s %10s %14s %12s %14s %12s\n' format file_MB scan_rows/s scan_rss_MB score_rows/s score_rss_MB
for input in "$csv" "$parquet"; do
  format="${input##*.}"
  printf '%-8s %10.1f %14.0f %12s %14.0f %12s\n' "$format" "$(awk -v b="$(stat -c %s "$input")" 'BEGIN { print b / 1e6 }')" "${scan[$format]}" \
    "$(megabytes "${scan_rss[$format]}")" "${score[$format]}" "$(megabytes "${score_rss[$format]}")"
done
cmp -s "$BENCH/scores-csv.csv" "$BENCH/scores-parquet.csv" && same="identical" \
  || same="different text (reasons quote numbers as each file holds them: 53.10 in the CSV is 53.1 as a double)"
awk -v a="${scan[parquet]}" -v b="${scan[csv]}" -v c="${score[parquet]}" -v d="${score[csv]}" \
  'BEGIN { printf "parquet/csv rows/s: scan %.2f, score %.2f\n", a / b, c / d }'
echo "scores files: $same"
echo "jar: $(awk -v b="$(stat -c %s "$JAR")" 'BEGIN { printf "%.1f", b / 1e6 }') MB; rows: $ROWS; best of $REPEATS; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); JVM: $JAVA_OPTS"
rm -f "$BENCH/scores-csv.csv" "$BENCH/scores-parquet.csv"
