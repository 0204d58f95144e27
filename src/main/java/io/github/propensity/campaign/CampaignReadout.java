// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a campaign's results file once and turns it into a {@link CampaignReport}: the checks (sample ratio,
 * covariate balance, a binary outcome), then each arm against the control in the whole file and in each group of
 * the breakdown. Every input problem is a {@link DataException} naming the file, and the line and column where
 * there is one, before anything is reported.
 */
public final class CampaignReadout {
    /** Fewer expected responders or non-responders than this in an arm or the control, and a group is too small. */
    static final double MIN_EXPECTED = 5;
    private static final int VALUES_LISTED = 10;

    private CampaignReadout() {
    }

    public static CampaignReport read(ReadoutRequest request) {
        Path file = request.file();
        long fileBytes = size(file);
        try (CsvRecordReader reader = CsvRecordReader.open(file, request.separator());
             PoissonBootstrap bootstrap = request.valueColumn().isPresent()
                     ? new PoissonBootstrap(request.seed(), request.replicates(), request.threads()) : null) {
            ResultColumns columns = ResultColumns.resolve(file, reader.header(), request);
            ResultTallies tallies = new ResultTallies(file, reader.header(), columns, request, bootstrap);
            tallies.readAll(reader, fileBytes);
            return report(request, columns, tallies, reader.header());
        }
    }

    private static CampaignReport report(ReadoutRequest request, ResultColumns columns, ResultTallies tallies, List<String> header) {
        Path file = request.file();
        String armColumn = header.get(columns.arm());
        if (tallies.rows == 0) {
            throw DataException.inFile(file, "has a header but no rows");
        }
        if (tallies.armNames.size() < 2) {
            throw DataException.inFile(file, "column '" + armColumn + "' has only one value ('" + tallies.armNames.get(0)
                    + "'): there is nothing to compare; --arm names the column that says which arm each customer was in");
        }
        Integer controlSlot = tallies.armSlots.get(request.control());
        if (controlSlot == null) {
            throw DataException.inFile(file, "the control '" + request.control() + "' never occurs in column '" + armColumn
                    + "'; its values are: " + listed(tallies.armNames.stream().sorted().toList()));
        }
        String other = outcomeOther(request, tallies, header.get(columns.outcome()));
        List<String> arms = new ArrayList<>();
        arms.add(request.control());
        tallies.armNames.stream().filter(arm -> !arm.equals(request.control())).sorted().forEach(arms::add);
        int[] slots = arms.stream().mapToInt(tallies.armSlots::get).toArray();

        double[] weights = new double[arms.size()];
        if (request.expectedSplit().isPresent()) {
            List<Double> split = request.expectedSplit().get();
            if (split.size() != arms.size()) {
                throw DataException.inFile(file, "--expected-split has " + split.size() + " parts but column '" + armColumn
                        + "' has " + arms.size() + " arms; give one share per arm in this order: " + String.join(", ", arms));
            }
            for (int a = 0; a < weights.length; a++) {
                weights[a] = split.get(a);
            }
        } else {
            Arrays.fill(weights, 1);
        }
        long[] assigned = new long[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            assigned[a] = tallies.assigned[slots[a]];
        }
        SampleRatio sampleRatio = SampleRatio.check(arms, assigned, weights);
        List<BalanceRow> balance = tallies.balance.rows(arms, slots);
        boolean imbalanced = balance.stream().anyMatch(BalanceRow::flagged);
        var checks = new CampaignReport.Checks(sampleRatio, balance, imbalanced,
                new CampaignReport.OutcomeCheck(header.get(columns.outcome()), request.positive(), other, tallies.rowsWithoutOutcome));

        List<CampaignReport.GroupReadout> groups = new ArrayList<>();
        ArmComparisons comparisons = new ArmComparisons(tallies, arms, slots, columns.value() >= 0);
        groups.add(comparisons.group(CampaignReport.ALL, 0));
        List<String> groupNames = new ArrayList<>(tallies.groupNames);
        groupNames.sort(Comparator.comparing((String g) -> g.equals(ResultTallies.MISSING_GROUP)).thenComparing(Comparator.naturalOrder()));
        for (String group : groupNames) {
            groups.add(comparisons.group(group, tallies.groupSlots.get(group) + 1));
        }
        List<String> warnings = warnings(checks, groups, tallies);
        return new CampaignReport(file.getFileName().toString(), tallies.rows, armColumn, request.control(), arms,
                header.get(columns.outcome()), request.positive(), columns.value() >= 0 ? header.get(columns.value()) : null,
                columns.by() >= 0 ? header.get(columns.by()) : null, checks, groups,
                columns.value() >= 0 ? new CampaignReport.Bootstrap(request.seed(), request.replicates()) : null,
                warnings, ReadoutMethods.notes(arms.size() - 1, columns.value() >= 0));
    }

    /** Checks the outcome held exactly two values, one of them the positive one; returns the other. */
    private static String outcomeOther(ReadoutRequest request, ResultTallies tallies, String column) {
        List<String> values = tallies.outcomeValues;
        Path file = request.file();
        boolean positiveSeen = values.stream().anyMatch(v -> v.equalsIgnoreCase(request.positive()));
        if (!positiveSeen) {
            throw DataException.inFile(file, "--positive '" + request.positive() + "' never occurs in column '" + column
                    + "'; its values are: " + (values.isEmpty() ? "(none; every row is empty)" : listed(values)));
        }
        if (values.size() < 2) {
            throw DataException.inFile(file, "the outcome must be binary, but column '" + column + "' holds only one value ('"
                    + values.get(0) + "', in all " + (tallies.rows - tallies.rowsWithoutOutcome) + " rows with one)");
        }
        return values.stream().filter(v -> !v.equalsIgnoreCase(request.positive())).findFirst().orElseThrow();
    }

    private static List<String> warnings(CampaignReport.Checks checks, List<CampaignReport.GroupReadout> groups, ResultTallies tallies) {
        List<String> warnings = new ArrayList<>();
        SampleRatio ratio = checks.sampleRatio();
        if (ratio.mismatch()) {
            warnings.add(String.format(Locale.ROOT, "SAMPLE RATIO MISMATCH: the arms' customer counts do not fit the expected split"
                    + " (chi-square %.2f, %d df, p = %.3g < %s); the assignment or the data is broken, do not trust the lifts",
                    ratio.chiSquare(), ratio.degreesOfFreedom(), ratio.pValue(), SampleRatio.THRESHOLD));
        }
        checks.balance().stream().filter(BalanceRow::flagged).forEach(row -> warnings.add(String.format(Locale.ROOT,
                "covariate imbalance: column '%s'%s, %s vs control, standardized difference %s (above %.1f)", row.column(),
                row.worstLevel() == null ? "" : " level '" + row.worstLevel() + "'", row.arm(),
                row.smd() == null ? "infinite" : String.format(Locale.ROOT, "%+.3f", row.smd()), CovariateBalance.FLAG_ABOVE)));
        if (tallies.rowsWithoutOutcome > 0) {
            warnings.add(tallies.rowsWithoutOutcome + " rows have no outcome: counted in the sample-ratio and balance checks, left out of the lifts");
        }
        long tooSmall = groups.stream().flatMap(g -> g.arms().stream()).filter(CampaignReport.ArmComparison::tooSmall).count();
        if (tooSmall > 0) {
            warnings.add(tooSmall + " arm-group comparisons are too small to say anything (marked too_small)");
        }
        return warnings;
    }

    private static String listed(List<String> values) {
        List<String> quoted = values.stream().limit(VALUES_LISTED).map(v -> "'" + v + "'").toList();
        return String.join(", ", quoted) + (values.size() > VALUES_LISTED ? " and " + (values.size() - VALUES_LISTED) + " more" : "");
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
