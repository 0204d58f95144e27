#!/usr/bin/env bash
# Weekly rescoring of the whole customer base with every current model, into a new snapshot.
# Cron-ready: no prompts, progress and warnings on stderr, a JSON summary on stdout, a non-zero exit on failure
# (3 = bad data, e.g. too many unscorable rows; the previous snapshot then stays LATEST).
#
#   scripts/rescore-weekly.sh BASE.csv [extra score options, e.g. --segments rules.json --gzip]
#
# Environment: MODELS (default models/), SNAPSHOTS (default snapshots/), ID_COLUMN (default customer_id).
# Example crontab line (Mondays 06:00):
#   0 6 * * 1  cd /srv/propensity && scripts/rescore-weekly.sh /data/base.csv >> logs/rescore.log 2>&1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 1 ]]; then
  echo "usage: $0 BASE.csv [score options]" >&2
  exit 2
fi
BASE="$1"
shift
ensure_jar
propensity score --data "$BASE" --id "${ID_COLUMN:-customer_id}" --models "${MODELS:-$PROJECT_DIR/models}" \
  --snapshots "${SNAPSHOTS:-$PROJECT_DIR/snapshots}" "$@"
