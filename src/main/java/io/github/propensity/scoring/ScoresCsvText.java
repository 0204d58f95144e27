// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.Decimals;

import java.util.Arrays;
import java.util.Optional;

/**
 * One batch's scored rows as scores-file text, one physical line each, percentiles still to come (pass two appends
 * them): the CLI's {@link ScoredRowSink}. Keeps where each row's text ends, so rows found to repeat an id can be left out.
 */
final class ScoresCsvText implements ScoredRowSink {
    private final StringBuilder text;
    private int[] rowEnds;
    private int rows;
    /** The base's CLV column, -1 when it has none; then neither value column is written. */
    private final int clvColumn;
    private final int pAliveColumn;
    private final Optional<PreparedPersona> persona;

    ScoresCsvText(int expectedRows, int clvColumn, int pAliveColumn, Optional<PreparedPersona> persona) {
        this.text = new StringBuilder(expectedRows * 512);
        this.rowEnds = new int[expectedRows];
        this.clvColumn = clvColumn;
        this.pAliveColumn = pAliveColumn;
        this.persona = persona;
    }

    @Override
    public void accept(ScoredRow row) {
        CsvValues.appendFirst(text, row.id());
        CsvValues.appendAfterComma(text, row.segment());
        for (int k = 0; k < row.keptColumns(); k++) {
            CsvValues.appendAfterComma(text, row.keptValue(k));
        }
        if (clvColumn >= 0) {
            // A value is copied as the base wrote it, an unreadable one left empty, so the scores file holds numbers only.
            appendNumber(row.clv, row.cell(clvColumn));
            if (pAliveColumn >= 0) {
                appendNumber(row.pAlive, row.cell(pAliveColumn));
            }
            text.append(',');
            if (row.valueBand != null) {
                text.append(row.valueBand.label());
            }
        }
        for (RowScore score : row.scores) {
            Decimals.append(text.append(','), score.probability(), 6);
            text.append(',').append(score.score());
            text.append(',').append(score.band().label());
            for (int slot = 0; slot < ReasonBuilder.REASONS; slot++) {
                int comma = text.length();
                score.appendReason(slot, text.append(','));
                CsvValues.quoteAppended(text, comma);
            }
        }
        for (UpliftScore uplift : row.uplifts) {
            Decimals.append(text.append(','), uplift.uplift(), 6);
            text.append(',').append(uplift.group().label());
        }
        if (row.personaSlot >= 0) {
            persona.get().appendColumns(text, row.personaSlot);
        }
        text.append('\n');
        if (rows == rowEnds.length) {
            rowEnds = Arrays.copyOf(rowEnds, Math.max(16, 2 * rows));
        }
        rowEnds[rows++] = text.length();
    }

    private void appendNumber(double value, String cell) {
        if (Double.isNaN(value)) {
            text.append(',');
        } else {
            CsvValues.appendAfterComma(text, cell.strip());
        }
    }

    String text() {
        return text.toString();
    }

    /** [row] where each row's text ends in {@link #text()}. */
    int[] rowEnds() {
        return rowEnds;
    }
}
