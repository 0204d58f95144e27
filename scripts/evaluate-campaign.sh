#!/usr/bin/env bash
# Campaign readout on Hillstrom's MineThatData e-mail test (64,000 customers split evenly into men's e-mail, women's
# e-mail and no e-mail): the lifts over the control for visit, and for conversion with the spend per customer.
# Fails if the sample-ratio check fails on the evenly split arms or a visit rate strays from the published
# 18.28 % / 15.14 % / 10.62 % (mens / womens / none).
#
#   scripts/evaluate-campaign.sh [DATA_DIR]      DATA_DIR defaults to ../shared/data beside the project
# Needs python3 (standard library only) to read the JSON reports.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA_DIR="$(public_data_dir "${1:-}")" || exit 0
[[ -n "$DATA_DIR" ]] || exit 0
DATA="$DATA_DIR/hillstrom/hillstrom.csv"
if [[ ! -f "$DATA" ]]; then
  echo "no Hillstrom data at $DATA; nothing to evaluate" >&2
  exit 0
fi
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

COMMON=(campaign report --data "$DATA" --arm segment --control "No E-Mail" --positive 1 --seed 42)
propensity "${COMMON[@]}" --outcome visit --drop conversion,spend --by zip_code >"$WORK/visit.json" 2>"$WORK/visit.log" \
  || { cat "$WORK/visit.log" >&2; exit 1; }
propensity "${COMMON[@]}" --outcome conversion --value spend --drop visit >"$WORK/conversion.json" 2>"$WORK/conversion.log" \
  || { cat "$WORK/conversion.log" >&2; exit 1; }

/usr/bin/env python3 - "$WORK" <<'PY'
import json, sys

work = sys.argv[1]
def report(name):
    return json.loads(open(f"{work}/{name}.json").read().strip().splitlines()[-1])

def ci(e, scale=100, unit=" pp"):
    if e["estimate"] is None:
        return "-"
    if e["lower"] is None:
        return f"{scale * e['estimate']:+.2f}{unit}"
    return f"{scale * e['estimate']:+.2f}{unit} ({scale * e['lower']:+.2f} to {scale * e['upper']:+.2f})"

failures = []
for name in ("visit", "conversion"):
    r = report(name)
    srm = r["checks"]["sample_ratio"]
    print(f"Hillstrom {name}: {r['rows']:,} rows; sample ratio p = {srm['p_value']:.4f} ({'MISMATCH' if srm['mismatch'] else 'ok'});"
          f" balance {'FLAGGED' if r['checks']['balance_flagged'] else 'ok'}")
    if srm["mismatch"]:
        failures.append(f"{name}: sample-ratio mismatch on evenly split arms")
    for group in r["groups"]:
        c = group["control"]
        label = "whole file" if group["group"] == "(all)" else f"{r['by']} = {group['group']}"
        value = f", value {c['mean_value']:.3f}/customer" if c.get("mean_value") is not None else ""
        print(f"  {label}: control {c['customers']:,} customers, rate {100 * c['response_rate']:.2f} %{value}")
        for a in group["arms"]:
            line = (f"    {a['arm']:<14} rate {100 * a['response_rate']:6.2f} %  lift {ci(a['lift'])}"
                    f"  relative {ci(a['relative_lift'], 100, ' %')}  Holm p {a['p_value_holm']:.2e}")
            if a.get("value"):
                line += f"  spend/customer {ci(a['value']['difference'], 1, '')}"
            if a["too_small"]:
                line += f"  TOO SMALL: {a['too_small_reason']}"
            print(line)
    print()

visit = report("visit")["groups"][0]
published = {"No E-Mail": 0.1062, "Mens E-Mail": 0.1828, "Womens E-Mail": 0.1514}
rates = {visit["control"]["arm"]: visit["control"]["response_rate"]} | {a["arm"]: a["response_rate"] for a in visit["arms"]}
for arm, rate in published.items():
    if abs(rates[arm] - rate) > 0.00005:
        failures.append(f"visit rate of {arm}: {rates[arm]:.4f}, published {rate}")
if failures:
    print("BELOW FLOOR:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
print("visit rates match the published ones; sample-ratio check passes")
PY
