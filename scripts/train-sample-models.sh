#!/usr/bin/env bash
# Retrains the committed bundles in models/ from the shipped sample (fixed seed). Old versions stay: they are the
# back-compat fixtures the tests load (see src/test/resources/backcompat/).
#
#   scripts/train-sample-models.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$PROJECT_DIR"
ensure_jar
# Personal data is never a feature, and neither are the other tasks' outcomes (they happen after scoring time).
PII=email,phone
DATA=training-data/customers.csv
COMMON=(--data "$DATA" --id customer_id --models models --seed 42)
propensity train --task churn --label churned --positive yes --drop "$PII,purchased_30d,converted" "${COMMON[@]}" | tail -n 1
propensity train --task purchase --label purchased_30d --positive yes --drop "$PII,churned,converted" "${COMMON[@]}" | tail -n 1
propensity train --task conversion --label converted --positive yes --drop "$PII,churned,purchased_30d" "${COMMON[@]}" | tail -n 1
propensity models list --models models
