// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Each arm against the control within one group, from the tallies: rates, lifts, tests and value differences. */
final class ArmComparisons {
    private static final double Z = StandardNormal.Z_95;

    private final ResultTallies tallies;
    private final List<String> arms;
    private final int[] slots;
    private final boolean withValue;

    /** @param arms report order, the control first; {@code slots} their arm slots in the tallies */
    ArmComparisons(ResultTallies tallies, List<String> arms, int[] slots, boolean withValue) {
        this.tallies = tallies;
        this.arms = arms;
        this.slots = slots;
        this.withValue = withValue;
    }

    /** @param groupIndex 0 for the whole file, else the group's slot + 1 */
    CampaignReport.GroupReadout group(String name, int groupIndex) {
        int controlCell = tallies.existingCell(groupIndex, slots[0]);
        long controlCustomers = customers(controlCell);
        long controlResponders = responders(controlCell);
        double[] controlMeans = withValue && controlCell >= 0 ? tallies.bootstrap.means(controlCell) : null;
        var control = new CampaignReport.ArmRate(arms.get(0), controlCustomers, controlResponders,
                rate(controlResponders, controlCustomers), withValue ? mean(controlCell) : null);
        double[] pValues = new double[arms.size() - 1];
        List<Partial> partials = new ArrayList<>();
        for (int a = 1; a < arms.size(); a++) {
            int cell = tallies.existingCell(groupIndex, slots[a]);
            long customers = customers(cell);
            long responders = responders(cell);
            OptionalDouble p = TwoProportionTest.pValue(responders, customers, controlResponders, controlCustomers);
            pValues[a - 1] = p.isPresent() ? p.getAsDouble() : Double.NaN;
            partials.add(new Partial(a, cell, customers, responders));
        }
        double[] holm = HolmAdjustment.adjust(pValues);
        List<CampaignReport.ArmComparison> comparisons = new ArrayList<>();
        for (Partial arm : partials) {
            long n = arm.customers;
            long x = arm.responders;
            boolean defined = n > 0 && controlCustomers > 0;
            Estimate lift = defined
                    ? Estimate.of((double) x / n - (double) controlResponders / controlCustomers,
                    NewcombeDifference.of(x, n, controlResponders, controlCustomers, Z))
                    : Estimate.none();
            Estimate relative = defined && controlResponders > 0
                    ? Estimate.of(((double) x / n) / ((double) controlResponders / controlCustomers) - 1,
                    RiskRatioInterval.of(x, n, controlResponders, controlCustomers, Z).map(i -> new Interval(i.lower() - 1, i.upper() - 1)).orElse(null))
                    : Estimate.none();
            CampaignReport.ValueLift value = withValue ? valueLift(arm, controlCell, controlMeans) : null;
            String tooSmall = tooSmallReason(n, x, controlCustomers, controlResponders);
            double p = pValues[arm.index - 1];
            comparisons.add(new CampaignReport.ArmComparison(arms.get(arm.index), n, x, rate(x, n), lift, relative,
                    Estimate.finite(p), arms.size() > 2 ? Estimate.finite(holm[arm.index - 1]) : null, lift.times(n), value,
                    tooSmall != null, tooSmall));
        }
        return new CampaignReport.GroupReadout(name, control, comparisons);
    }

    private CampaignReport.ValueLift valueLift(Partial arm, int controlCell, double[] controlMeans) {
        Double meanArm = mean(arm.cell);
        Double meanControl = mean(controlCell);
        if (meanArm == null || meanControl == null) {
            return new CampaignReport.ValueLift(meanArm, meanControl, Estimate.none(), Estimate.none());
        }
        double[] armMeans = tallies.bootstrap.means(arm.cell);
        double[] differences = new double[armMeans.length];
        for (int b = 0; b < differences.length; b++) {
            differences[b] = armMeans[b] - controlMeans[b];
        }
        Estimate difference = Estimate.of(meanArm - meanControl, PoissonBootstrap.percentileInterval(differences));
        return new CampaignReport.ValueLift(meanArm, meanControl, difference, difference.times(arm.customers));
    }

    /**
     * Why a comparison cannot be relied on, or null: an arm or control with no customers, or fewer than
     * {@link CampaignReadout#MIN_EXPECTED} expected responders or non-responders in either under the pooled rate
     * (the rule of thumb for the normal approximation behind the z-test and chi-square).
     */
    static String tooSmallReason(long customers, long responders, long controlCustomers, long controlResponders) {
        if (customers == 0) {
            return "no customers in the arm";
        }
        if (controlCustomers == 0) {
            return "no customers in the control";
        }
        double pooled = (double) (responders + controlResponders) / (customers + controlCustomers);
        long smaller = Math.min(customers, controlCustomers);
        double expectedResponders = smaller * pooled;
        double expectedNonResponders = smaller * (1 - pooled);
        if (expectedResponders < CampaignReadout.MIN_EXPECTED) {
            return String.format(Locale.ROOT, "%.1f expected responders in the smaller of arm and control (fewer than %.0f)",
                    expectedResponders, CampaignReadout.MIN_EXPECTED);
        }
        if (expectedNonResponders < CampaignReadout.MIN_EXPECTED) {
            return String.format(Locale.ROOT, "%.1f expected non-responders in the smaller of arm and control (fewer than %.0f)",
                    expectedNonResponders, CampaignReadout.MIN_EXPECTED);
        }
        return null;
    }

    private long customers(int cell) {
        return cell < 0 ? 0 : tallies.cellCounts.get(cell)[0];
    }

    private long responders(int cell) {
        return cell < 0 ? 0 : tallies.cellCounts.get(cell)[1];
    }

    private Double mean(int cell) {
        long n = customers(cell);
        return n > 0 ? tallies.cellValueSums.get(cell)[0] / n : null;
    }

    private static Double rate(long responders, long customers) {
        return customers > 0 ? (double) responders / customers : null;
    }

    private record Partial(int index, int cell, long customers, long responders) {
    }
}
