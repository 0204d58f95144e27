#!/usr/bin/env bash
# Value models on real logs (CI runs this when the public data is present; exits 1 below a floor).
#
# 1. CDNOW 1/10 sample (2,357 customers; calibration 1997-01-01..1997-09-30, holdout to 1998-06-30): the fit must
#    reproduce the published estimates to the third significant digit (BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426,
#    log-likelihood -9582.4, Fader, Hardie & Lee 2005; Gamma-Gamma p 6.25, q 3.74, gamma 15.44, Fader & Hardie 2013)
#    and the BTYD walkthrough's expected holdout purchases per calibration frequency group 0..7+ to within 0.002.
# 2. Full CDNOW (23,570 customers, same dates) and Online Retail (calibration to 2011-06-09, holdout to 2011-12-09):
#    the holdout figures of the value model next to the two baselines (rate x horizon; Poisson boosted trees on the
#    same summary trained on an earlier window). Floor: the value model has the lowest per-customer MAE and the
#    smallest absolute aggregate error of the three. Where it loses (rank correlation, AUC) is printed, not floored.
#
#   scripts/evaluate-value.sh [DATA_DIR]      DATA_DIR defaults to ../shared/data beside the project
# Needs python3 (standard library only) to read the JSON summaries.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA_DIR="$(public_data_dir "${1:-}")" || exit 0
[[ -n "$DATA_DIR" ]] || exit 0
ensure_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# name | log | column options | calibration end | holdout end
SETS=(
  "cdnow-sample|cdnow/cdnow_sample.csv|--customer customer_id --date date --amount amount|1997-09-30|1998-06-30"
  "cdnow|cdnow/cdnow_master.csv|--customer customer_id --date date --amount amount|1997-09-30|1998-06-30"
  "online-retail|online-retail/online_retail.csv.gz|--customer CustomerID --date InvoiceDate --quantity Quantity --price UnitPrice --invoice InvoiceNo --cancel-prefix C|2011-06-09|2011-12-09"
)
for entry in "${SETS[@]}"; do
  IFS='|' read -r name log columns calibration_end holdout_end <<<"$entry"
  # shellcheck disable=SC2086
  propensity value fit --transactions "$DATA_DIR/$log" $columns --calibration-end "$calibration_end" \
    --holdout-end "$holdout_end" --models "$WORK/$name-models" >"$WORK/$name.json" 2>"$WORK/$name.log" \
    || { cat "$WORK/$name.log" >&2; exit 1; }
done

/usr/bin/env python3 - "$WORK" <<'PY'
import json, math, sys

work = sys.argv[1]
def summary(name):
    return json.loads(open(f"{work}/{name}.json").read().strip().splitlines()[-1])

def three_digits(value):
    return float(f"{value:.3g}")

failures = []
sample = summary("cdnow-sample")
published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "p": 6.25, "q": 3.74, "gamma": 15.44}
print("CDNOW 1/10 sample: published estimates against this fit (third significant digit must agree)")
print(f"  {'parameter':<10} {'published':>10} {'fitted':>12}  result")
for name, value in published.items():
    fitted = sample["parameters"][name]
    ok = three_digits(fitted) == three_digits(value)
    failures += [] if ok else [f"sample {name} {fitted:.4f} vs published {value}"]
    print(f"  {name:<10} {value:>10} {fitted:>12.4f}  {'ok' if ok else 'BELOW FLOOR'}")
ll = sample["purchase_log_likelihood"]
ok = sample["purchase_model"] == "bgnbd" and abs(ll - (-9582.4)) < 0.05
failures += [] if ok else [f"sample log-likelihood {ll:.2f} vs -9582.4"]
print(f"  {'LL':<10} {-9582.4:>10} {ll:>12.2f}  {'ok' if ok else 'BELOW FLOOR'}")
walkthrough = [0.225, 0.523, 1.044, 1.520, 2.164, 2.654, 3.504, 6.157]
print("  expected holdout purchases by calibration frequency (BTYD walkthrough, within 0.002):")
groups = sample["holdout"]["groups"]
for k, (group, figures) in enumerate(groups.items()):
    got = figures["bgnbd"]
    ok = abs(got - walkthrough[k]) <= 0.002
    failures += [] if ok else [f"sample group {group}: {got:.4f} vs {walkthrough[k]}"]
    print(f"    {group:>3}: published {walkthrough[k]:.3f}, fitted {got:.3f}, actual {figures['actual']:.3f}  {'ok' if ok else 'BELOW FLOOR'}")

print()
print("Holdout check: value model against the baselines (floor: lowest MAE and smallest |aggregate error|)")
print(f"  {'log':<14} {'method':<15} {'forecast':>10} {'actual':>8} {'agg err':>9} {'MAE':>8} {'RMSE':>8} {'Spearman':>9} {'AUC':>7}")
for name in ["cdnow-sample", "cdnow", "online-retail"]:
    holdout = summary(name)["holdout"]
    methods = [holdout["model"]] + [holdout[k] for k in ("rate_x_horizon", "poisson_gbm") if k in holdout]
    for m in methods:
        print(f"  {name:<14} {m['method']:<15} {m['forecast_total']:>10.1f} {m['actual_total']:>8.0f} {m['aggregate_error_percent']:>+8.2f}%"
              f" {m['mean_absolute_error']:>8.4f} {m['root_mean_squared_error']:>8.4f} {m['spearman']:>9.4f} {m['auc_any_purchase']:>7.4f}")
    model, baselines = methods[0], methods[1:]
    if name == "cdnow-sample":
        continue
    best_mae = min(b["mean_absolute_error"] for b in baselines)
    best_error = min(abs(b["aggregate_error_percent"]) for b in baselines)
    if model["mean_absolute_error"] >= best_mae:
        failures.append(f"{name}: MAE {model['mean_absolute_error']:.4f} not below the best baseline's {best_mae:.4f}")
    if abs(model["aggregate_error_percent"]) >= best_error:
        failures.append(f"{name}: aggregate error {model['aggregate_error_percent']:+.2f}% not below the best baseline's {best_error:.2f}%")
    losses = [f"{label} ({model[key]:.4f} vs {max(b[key] for b in baselines):.4f})"
              for key, label in (("spearman", "Spearman"), ("auc_any_purchase", "AUC"), ("root_mean_squared_error", "RMSE"))
              if (model[key] < max(b[key] for b in baselines) if key != "root_mean_squared_error"
                  else model[key] > min(b[key] for b in baselines))]
    print(f"  {name}: the value model ({model['method']}) loses to a baseline on: {', '.join(losses) if losses else 'nothing'}")
    spend = holdout["spend"]
    print(f"  {name}: mean holdout spend per customer {spend['actual_mean']:.2f}, predicted {spend['predicted_mean']:.2f} ({spend['error_percent']:+.1f}%)")
print()
if failures:
    print("BELOW FLOOR:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
print("all value floors met")
PY
