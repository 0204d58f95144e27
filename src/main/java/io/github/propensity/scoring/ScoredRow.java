// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * One scored customer of a rescoring run as values, before percentiles within the base: what the CLI prints as a
 * scores-file line ({@link ScoresCsvText}) and the Spark job stores as a Parquet row. A view the scoring loop
 * rewrites for every row (as {@link RowScore}); read it inside {@link ScoredRowSink#accept} and keep nothing of it.
 */
public final class ScoredRow {
    private final int[] keepColumns;
    String[] fields;
    String id;
    String segment;
    RowScore[] scores;
    UpliftScore[] uplifts;
    double clv;
    double pAlive;
    Band valueBand;
    int personaSlot;
    long line;

    ScoredRow(int[] keepColumns) {
        this.keepColumns = keepColumns;
    }

    public String id() {
        return id;
    }

    /** Where the row was in its input: the line of a CSV, or the place the caller gave it in {@code RecordBatch.lines()}. */
    public long line() {
        return line;
    }

    /** The customer's primary segment's name. */
    public String segment() {
        return segment;
    }

    /**
     * The {@code k}-th kept input column's value as the base has it, with line breaks made spaces: the scores file
     * holds one customer per line.
     */
    public String keptValue(int k) {
        String value = fields[keepColumns[k]];
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 ? value.replaceAll("[\r\n]+", " ") : value;
    }

    public int keptColumns() {
        return keepColumns.length;
    }

    /** The score of the task in {@code taskSlot} (the run's task order). */
    public RowScore score(int taskSlot) {
        return scores[taskSlot];
    }

    public int tasks() {
        return scores.length;
    }

    /** The customer's CLV as read from the base's CLV column; NaN when the cell is empty or unreadable, or the base has none. */
    public double clv() {
        return clv;
    }

    /** The customer's p_alive (0-1); NaN when the cell is empty or unreadable, or the base has no p_alive column. */
    public double pAlive() {
        return pAlive;
    }

    /** The customer's value band; null without a CLV, or when the run has no value bands. */
    public Band valueBand() {
        return valueBand;
    }

    /** The uplift and group of the campaign in {@code campaignSlot} (the run's campaign order). */
    public UpliftScore uplift(int campaignSlot) {
        return uplifts[campaignSlot];
    }

    public int campaigns() {
        return uplifts.length;
    }

    /** The slot of the customer's persona in the run's persona model; -1 when the run assigns none. */
    public int personaSlot() {
        return personaSlot;
    }

    /** The raw cell of input column {@code column}, for the value columns copied as the base wrote them. */
    String cell(int column) {
        return fields[column];
    }
}
