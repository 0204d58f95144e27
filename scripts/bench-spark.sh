#!/usr/bin/env bash
# The Spark job's speed next to the CLI's on the same base: a generated base (ROWS, default 1,000,000 customers) as
# CSV for the CLI and as Parquet (typed columns, FILES files, default 8) for the job in local[CORES] (default 2). Each
# is run twice into its own snapshot folder, so the second run, the one reported, also measures migration against the
# first, as a weekly run does. Rows/s are the tools' own: the whole run from reading the models to publishing
# (the JVM's and Spark's start-up are not counted, on either side); per core is that over CORES, the CLI running
# CORES scoring threads.
#
#   scripts/bench-spark.sh            ROWS=1000000 CORES=2 FILES=8 by default
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/spark-lib.sh"
ROWS="${ROWS:-1000000}"
CORES="${CORES:-2}"
FILES="${FILES:-8}"
ensure_jar
ensure_spark_job
BENCH="$PROJECT_DIR/target/bench-spark"
mkdir -p "$BENCH"
csv="$BENCH/base-$ROWS.csv"
parquet="$BENCH/base-$ROWS.parquet"
[[ -f "$csv" ]] || propensity generate --customers "$ROWS" --seed 7 --out "$csv" 2>/dev/null
[[ -d "$parquet" ]] || spark_job "local[$CORES]" to-parquet --data "$csv" --out "$parquet" --typed --files "$FILES" > /dev/null 2> "$BENCH/to-parquet.err"

rm -rf "$BENCH/cli-snapshots" "$BENCH/job-snapshots"
for run in 1 2; do
  cli_json=$(propensity score --data "$csv" --id customer_id --models "$PROJECT_DIR/models" --snapshots "$BENCH/cli-snapshots" \
    --threads "$CORES" 2> "$BENCH/cli-$run.err" | tail -n 1)
  job_json=$(spark_job "local[$CORES]" rescore --data "$parquet" --format parquet --models "$PROJECT_DIR/models" \
    --snapshots "$BENCH/job-snapshots" 2> "$BENCH/job-$run.err" | tail -n 1)
done
cli_rate=$(json_field rows_per_second "$cli_json")
job_rate=$(json_field rows_per_second "$job_json")
printf '%10s %6s %14s %18s %14s %18s %8s\n' rows cores cli_rows/s cli_rows/s/core job_rows/s job_rows/s/core job/cli
awk -v n="$ROWS" -v c="$CORES" -v cli="$cli_rate" -v job="$job_rate" \
  'BEGIN { printf "%10d %6d %14.0f %18.0f %14.0f %18.0f %8.2f\n", n, c, cli, cli / c, job, job / c, job / cli }'
echo "parquet: $(du -sh "$parquet" | cut -f1) in $FILES files; job jar: $(du -h "$SPARK_JOB_JAR" | cut -f1); cores on this machine: $(nproc)"
