// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.data.NumericValues;
import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a row of a snapshot's scores file gives the expected gain of contacting its customer (before the offer's
 * cost), the uplift group it is counted in, and the cells the contact list copies. Both passes read rows through
 * the same instance type, so their arithmetic agrees to the bit.
 */
sealed interface GainReader {
    String CLV = "clv";
    String UPLIFT_SUFFIX = "_uplift";
    String GROUP_SUFFIX = "_group";

    /** The gain, or NaN when the row lacks a number it needs (the customer is left out and counted). */
    double gain(String[] fields, long line);

    /** The row's category for the summary's counts: 0 with a flat rate, the {@link UpliftGroup}'s ordinal with uplift. */
    int group(String[] fields);

    /** Positions of the cells the list copies as the file has them, between the id and the net values. */
    int[] listed();

    /**
     * The reader for {@code effect} over a scores file with {@code header}.
     *
     * @throws TargetingInputException naming every column the snapshot lacks, and the uplift columns it has
     */
    static GainReader of(ContactEffect effect, Task task, List<String> header, Path scores) {
        Path snapshot = scores.toAbsolutePath().getParent();
        List<TargetingInputException.Problem> problems = new ArrayList<>();
        int probability = header.indexOf(task.id() + "_probability");
        if (probability < 0) {
            List<String> scored = Arrays.stream(Task.values()).filter(t -> header.contains(t.id() + "_probability")).map(Task::id).toList();
            problems.add(new TargetingInputException.Problem(TargetingField.TASK, "snapshot " + snapshot.getFileName() + " did not score "
                    + task.id() + "; it scored " + (scored.isEmpty() ? "nothing" : String.join(", ", scored))));
        }
        int clv = header.indexOf(CLV);
        if (clv < 0) {
            problems.add(new TargetingInputException.Problem(TargetingField.SNAPSHOT, "snapshot " + snapshot.getFileName()
                    + " has no clv column: rescore a base that carries a clv_<days>d column (features with value columns)"));
        }
        GainReader reader;
        if (effect instanceof ContactEffect.Uplift uplift) {
            int upliftColumn = header.indexOf(uplift.upliftColumn());
            int groupColumn = header.indexOf(uplift.groupColumn());
            if (upliftColumn < 0 || groupColumn < 0) {
                problems.add(new TargetingInputException.Problem(TargetingField.UPLIFT, "snapshot " + snapshot.getFileName() + " has no "
                        + uplift.upliftColumn() + " and " + uplift.groupColumn() + " columns; " + upliftColumnsOf(header)
                        + " (rescore with the campaign's uplift model, or check the campaign's name)"));
            }
            reader = new PerCustomerUplift(probability, clv, upliftColumn, groupColumn, uplift, scores);
        } else {
            reader = new FlatRate(probability, clv, ((ContactEffect.SaveRate) effect).rate());
        }
        if (!problems.isEmpty()) {
            throw new TargetingInputException(problems);
        }
        return reader;
    }

    private static String upliftColumnsOf(List<String> header) {
        List<String> uplift = header.stream().filter(name -> name.endsWith(UPLIFT_SUFFIX) || name.endsWith(GROUP_SUFFIX)).toList();
        return uplift.isEmpty() ? "it has no uplift columns at all" : "its uplift columns are " + String.join(", ", uplift);
    }

    /** P(task) x save rate x clv. */
    record FlatRate(int probability, int clv, double rate) implements GainReader {
        @Override
        public double gain(String[] fields, long line) {
            return NumericValues.parseOrNaN(fields[probability].strip()) * rate * NumericValues.parseOrNaN(fields[clv].strip());
        }

        @Override
        public int group(String[] fields) {
            return 0;
        }

        @Override
        public int[] listed() {
            return new int[]{probability, clv};
        }
    }

    /**
     * sign x uplift x clv. An empty uplift leaves the customer out like an empty clv; an uplift that is no number
     * between -1 and 1, or a row with an uplift but no known group, means the snapshot is damaged and is refused with
     * its line, rather than ranked on a number that cannot be a difference of two probabilities.
     */
    record PerCustomerUplift(int probability, int clv, int uplift, int group, ContactEffect.Uplift effect, Path scores)
            implements GainReader {
        private static final UpliftGroup[] GROUPS = UpliftGroup.values();

        @Override
        public double gain(String[] fields, long line) {
            String upliftCell = fields[uplift].strip();
            if (upliftCell.isEmpty()) {
                return Double.NaN;
            }
            double value = NumericValues.parseOrNaN(upliftCell);
            if (!(value >= -1 && value <= 1)) {
                throw refused(line, effect.upliftColumn(), "the uplift must be a difference of probabilities between -1 and 1, got '"
                        + upliftCell + "'");
            }
            if (groupOf(fields[group].strip()) < 0) {
                throw refused(line, effect.groupColumn(), "the uplift group must be one of " + labels() + ", got '" + fields[group].strip() + "'");
            }
            return effect.outcome().sign() * value * NumericValues.parseOrNaN(fields[clv].strip());
        }

        @Override
        public int group(String[] fields) {
            return groupOf(fields[group].strip());
        }

        private static int groupOf(String label) {
            for (UpliftGroup candidate : GROUPS) {
                if (candidate.label().equals(label)) {
                    return candidate.ordinal();
                }
            }
            return -1;
        }

        private static String labels() {
            return String.join(", ", Arrays.stream(GROUPS).map(UpliftGroup::label).toList());
        }

        private TargetingInputException refused(long line, String column, String problem) {
            return new TargetingInputException(TargetingField.SNAPSHOT, "snapshot " + scores.toAbsolutePath().getParent().getFileName()
                    + ", " + scores.getFileName() + ", line " + line + ", column '" + column + "': " + problem);
        }

        @Override
        public int[] listed() {
            return new int[]{probability, clv, uplift, group};
        }
    }
}
