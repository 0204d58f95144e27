// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a results file: customers, responders and value per cell (an arm in the whole file or in one group
 * of the breakdown), assigned customers per arm, the covariate balance tallies and the value bootstrap. Memory is
 * bounded by arms x groups x bootstrap replicates and the balance's levels, never by rows.
 */
final class ResultTallies {
    /** More arms than this and the arm column is not an arm column. */
    static final int MAX_ARMS = 50;
    /** More groups than this and the breakdown column is not categorical (bootstrap sums are kept per group and arm). */
    static final int MAX_GROUPS = 200;
    static final String MISSING_GROUP = "(missing)";
    private static final long PROGRESS_EVERY_ROWS = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(ResultTallies.class);

    private final Path file;
    private final List<String> header;
    private final ResultColumns columns;
    private final ReadoutRequest request;
    final Map<String, Integer> armSlots = new HashMap<>();
    final List<String> armNames = new ArrayList<>();
    final long[] assigned = new long[MAX_ARMS];
    final Map<String, Integer> groupSlots = new HashMap<>();
    final List<String> groupNames = new ArrayList<>();
    /** [group slot + 1, 0 = the whole file][arm slot] the cell, or -1 before its first row. */
    private final List<int[]> cellOf = new ArrayList<>();
    final List<long[]> cellCounts = new ArrayList<>();
    final List<double[]> cellValueSums = new ArrayList<>();
    final CovariateBalance balance;
    final PoissonBootstrap bootstrap;
    /** The outcome's distinct values as first spelled, at most two. */
    final List<String> outcomeValues = new ArrayList<>(2);
    long rows;
    long rowsWithoutOutcome;

    ResultTallies(Path file, List<String> header, ResultColumns columns, ReadoutRequest request, PoissonBootstrap bootstrap) {
        this.file = file;
        this.header = header;
        this.columns = columns;
        this.request = request;
        this.bootstrap = bootstrap;
        this.balance = new CovariateBalance(columns.featureNames(), columns.features(), MAX_ARMS);
        cellOf.add(emptyCells());
    }

    void add(String[] record, long line) {
        String armRaw = record[columns.arm()];
        if (MissingValues.isMissing(armRaw)) {
            throw DataException.atColumn(file, line, header.get(columns.arm()), "no arm; every customer needs one");
        }
        int arm = armSlot(armRaw.strip(), line);
        long ordinal = rows++;
        assigned[arm]++;
        balance.observe(arm, record);
        String outcomeRaw = record[columns.outcome()];
        if (MissingValues.isMissing(outcomeRaw)) {
            rowsWithoutOutcome++;
            return;
        }
        boolean responded = responded(outcomeRaw.strip(), line);
        double value = columns.value() >= 0 ? value(record[columns.value()], line) : 0;
        int overall = cell(0, arm);
        count(overall, responded, value);
        int group = -1;
        if (columns.by() >= 0) {
            group = cell(groupSlot(record[columns.by()], line) + 1, arm);
            count(group, responded, value);
        }
        if (bootstrap != null) {
            bootstrap.add(ordinal, value, overall, group);
        }
    }

    /** The cell of an arm in a group (0 = the whole file, else group slot + 1), or -1 if it has no rows. */
    int existingCell(int groupIndex, int arm) {
        return cellOf.get(groupIndex)[arm];
    }

    private void count(int cell, boolean responded, double value) {
        long[] counts = cellCounts.get(cell);
        counts[0]++;
        if (responded) {
            counts[1]++;
        }
        cellValueSums.get(cell)[0] += value;
    }

    private boolean responded(String outcome, long line) {
        for (String seen : outcomeValues) {
            if (seen.equalsIgnoreCase(outcome)) {
                return seen.equalsIgnoreCase(request.positive());
            }
        }
        if (outcomeValues.size() == 2) {
            throw DataException.atColumn(file, line, header.get(columns.outcome()), "the outcome must be binary (two values, one"
                    + " of them --positive '" + request.positive() + "'), but it holds a third: '" + outcome + "' after '"
                    + outcomeValues.get(0) + "' and '" + outcomeValues.get(1) + "'");
        }
        outcomeValues.add(outcome);
        return outcome.equalsIgnoreCase(request.positive());
    }

    private double value(String raw, long line) {
        String column = header.get(columns.value());
        if (MissingValues.isMissing(raw)) {
            throw DataException.atColumn(file, line, column, "no value; --value needs a number for every customer (0 for none)");
        }
        double value = NumericValues.parseOrNaN(raw.strip());
        if (Double.isNaN(value)) {
            throw DataException.atColumn(file, line, column, "'" + raw.strip() + "' is not a number; --value needs a number"
                    + " for every customer (0 for none)");
        }
        return value;
    }

    private int armSlot(String arm, long line) {
        Integer slot = armSlots.get(arm);
        if (slot != null) {
            return slot;
        }
        if (armNames.size() == MAX_ARMS) {
            throw DataException.atColumn(file, line, header.get(columns.arm()), "more than " + MAX_ARMS
                    + " different arms; is this the column that says which arm a customer was in?");
        }
        armSlots.put(arm, armNames.size());
        armNames.add(arm);
        return armNames.size() - 1;
    }

    private int groupSlot(String raw, long line) {
        String group = MissingValues.isMissing(raw) ? MISSING_GROUP : raw.strip();
        Integer slot = groupSlots.get(group);
        if (slot != null) {
            return slot;
        }
        if (groupNames.size() == MAX_GROUPS) {
            throw DataException.atColumn(file, line, header.get(columns.by()), "more than " + MAX_GROUPS
                    + " different values; --by needs a categorical column (a band, segment or persona)");
        }
        groupSlots.put(group, groupNames.size());
        groupNames.add(group);
        cellOf.add(emptyCells());
        return groupNames.size() - 1;
    }

    private int cell(int groupIndex, int arm) {
        int[] cells = cellOf.get(groupIndex);
        if (cells[arm] < 0) {
            cellCounts.add(new long[2]);
            cellValueSums.add(new double[1]);
            int cell = cellCounts.size() - 1;
            if (bootstrap != null && bootstrap.newCell() != cell) {
                throw new IllegalStateException("bootstrap cells out of step with the tallies");
            }
            cells[arm] = cell;
        }
        return cells[arm];
    }

    private static int[] emptyCells() {
        int[] cells = new int[MAX_ARMS];
        Arrays.fill(cells, -1);
        return cells;
    }

    /** Reads every record of an open reader into the tallies, logging progress on long files. */
    void readAll(CsvRecordReader reader, long fileBytes) {
        String[] record;
        while ((record = reader.next()) != null) {
            add(record, reader.lineNumber());
            if (rows % PROGRESS_EVERY_ROWS == 0) {
                log.info("read {} rows, {}% of {}", rows, fileBytes > 0 ? 100 * reader.bytesRead() / fileBytes : 0, file.getFileName());
            }
        }
    }
}
