// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.List;

/**
 * A campaign readout: the checks first, then per group (the whole file first) each arm against the control.
 *
 * @param rows     data rows read; {@code checks.outcome.rowsWithoutOutcome} of them have no outcome and are in the
 *                 sample-ratio and balance checks only
 * @param arms     report order: the control first, then the other arms in alphabetical order
 * @param value    the value column, or null
 * @param by       the breakdown column, or null
 * @param warnings what a reader must see before any lift (a mismatch, imbalance, rows left out, groups too small)
 * @param methods  how each figure is computed, with references
 */
public record CampaignReport(String file, long rows, String armColumn, String control, List<String> arms, String outcome,
                             String positive, String value, String by, Checks checks, List<GroupReadout> groups,
                             Bootstrap bootstrap, List<String> warnings, List<String> methods) {
    /** The name of the whole file's group. */
    public static final String ALL = "(all)";

    public CampaignReport {
        arms = List.copyOf(arms);
        groups = List.copyOf(groups);
        warnings = List.copyOf(warnings);
        methods = List.copyOf(methods);
    }

    /** The checks, printed before any lift. */
    public record Checks(SampleRatio sampleRatio, List<BalanceRow> balance, boolean balanceFlagged, OutcomeCheck outcome) {
        public Checks {
            balance = List.copyOf(balance);
        }
    }

    /** The outcome column as found: binary, with the value that is not the positive one. */
    public record OutcomeCheck(String column, String positive, String other, long rowsWithoutOutcome) {
    }

    /** The value bootstrap's settings, or null in the report without a value. */
    public record Bootstrap(long seed, int replicates) {
    }

    /** One group's readout ({@link #ALL} for the whole file). */
    public record GroupReadout(String group, ArmRate control, List<ArmComparison> arms) {
        public GroupReadout {
            arms = List.copyOf(arms);
        }
    }

    /** The control's figures in a group; {@code meanValue} null without a value column. */
    public record ArmRate(String arm, long customers, long responders, Double responseRate, Double meanValue) {
    }

    /**
     * One arm against the control in a group.
     *
     * @param lift                  arm rate minus control rate, Newcombe's hybrid score interval
     * @param relativeLift          lift / control rate, Katz log-ratio interval of the risk ratio minus 1
     * @param pValue                pooled two-proportion z-test, two-sided
     * @param pValueHolm            Holm-adjusted over the group's arm-vs-control comparisons; null with one arm
     * @param incrementalResponders lift x arm customers
     * @param value                 null without a value column
     * @param tooSmallReason        why the figures cannot be relied on, or null
     */
    public record ArmComparison(String arm, long customers, long responders, Double responseRate, Estimate lift,
                                Estimate relativeLift, Double pValue, Double pValueHolm, Estimate incrementalResponders,
                                ValueLift value, boolean tooSmall, String tooSmallReason) {
    }

    /**
     * @param difference       mean value per customer, arm minus control, with the bootstrap percentile interval
     * @param incrementalValue difference x arm customers
     */
    public record ValueLift(Double meanArm, Double meanControl, Estimate difference, Estimate incrementalValue) {
    }
}
