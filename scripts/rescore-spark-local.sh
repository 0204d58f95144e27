#!/usr/bin/env bash
# The Spark job in local mode, without a Spark installation: Spark's jars come from the Maven repository.
#
#   scripts/rescore-spark-local.sh [--threads N] rescore --data base.parquet --format parquet --models models \
#       --snapshots snapshots [--tasks churn,purchase] [--segments rules.json] [--keep rfm_segment] [--max-bad-rows 0.1%]
#   scripts/rescore-spark-local.sh to-parquet --data base.csv --out base.parquet [--typed] [--files N]
#
# --threads N runs Spark as local[N] (default: every core). SPARK_JAVA_OPTS sets the JVM options (default -Xmx3g).
# On a cluster, the same jar and arguments go to spark-submit (see the README's "Rescoring on Spark").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/spark-lib.sh"
threads="$(nproc)"
if [[ "${1:-}" == "--threads" ]]; then
  threads="$2"
  shift 2
fi
ensure_spark_job
spark_job "local[$threads]" "$@"
