// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.Decimals;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;

/**
 * Rows of the audience file. Plain rows carry the id, rank, similarity, percentile and the features that make the
 * customer similar; platform rows carry only hashed contact details, and a customer without any usable contact
 * detail is skipped (the platform could not match them anyway).
 */
final class AudienceRows {
    private final ExportFormat export;
    private final String idColumn;
    private final String countryCode;
    private final Pool pool;
    private final FittedRanking ranking;
    private final long candidates;
    private final double[] perFeature;
    private final double[] perColumn;

    AudienceRows(ExportFormat export, PoolSource source, Pool pool, FittedRanking ranking, long candidates) {
        this.export = export;
        this.idColumn = source.idColumn();
        this.countryCode = source.countryCode();
        this.pool = pool;
        this.ranking = ranking;
        this.candidates = candidates;
        this.perFeature = new double[pool.featureNames().length];
        this.perColumn = new double[pool.inputColumns().size()];
    }

    List<String> header() {
        if (export == ExportFormat.PLAIN) {
            return List.of(idColumn, "rank", "similarity", "percentile", "similar_by_1", "similar_by_2", "similar_by_3");
        }
        return export.contactColumns();
    }

    /** The row for pool row {@code row} at 1-based {@code rank}, or null when it cannot be exported. */
    List<String> row(int row, int rank) {
        if (export == ExportFormat.PLAIN) {
            List<String> values = new ArrayList<>(List.of(pool.ids().get(row), Integer.toString(rank),
                    Decimals.format(Math.max(0, Math.min(1, ranking.similarity(row))), 4),
                    Decimals.format(100.0 * (candidates - rank + 1) / candidates, 2)));
            values.addAll(reasons(row));
            return values;
        }
        String email = ContactHashing.normalizeEmail(pool.emails()[row]);
        String phone = ContactHashing.normalizePhoneDigits(pool.phones()[row], countryCode);
        if (email == null && phone == null) {
            return null;
        }
        return List.of(email == null ? "" : ContactHashing.sha256Hex(email), phone == null ? "" : export.hashPhone(phone));
    }

    private List<String> reasons(int row) {
        ranking.explain(pool.vectors()[row], perFeature);
        Arrays.fill(perColumn, 0);
        for (int f = 0; f < perFeature.length; f++) {
            perColumn[pool.columnOfFeature()[f]] += perFeature[f];
        }
        List<String> reasons = new ArrayList<>();
        boolean[] used = new boolean[perColumn.length];
        for (int slot = 0; slot < LookalikeBuilder.REASONS; slot++) {
            int best = -1;
            for (int c = 0; c < perColumn.length; c++) {
                if (!used[c] && perColumn[c] > 1e-3 && (best < 0 || perColumn[c] > perColumn[best])) {
                    best = c;
                }
            }
            if (best >= 0) {
                used[best] = true;
                reasons.add(pool.inputColumns().get(best) + " (+" + Decimals.format(perColumn[best], 2) + ")");
            } else {
                reasons.add("");
            }
        }
        return reasons;
    }
}
