// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.data.DataException;
import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.scoring.Band;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Measures a snapshot's scores for one task against outcomes that arrived later: reads the outcomes into a table of
 * id hashes, streams the scores file once keeping only the matched customers, and hands probabilities and outcomes
 * to {@link BinaryEvaluator}. Writes nothing; the caller appends the entry to the {@link BacktestLedger}.
 */
public final class Backtester {
    private static final Logger log = LoggerFactory.getLogger(Backtester.class);

    private final Clock clock;

    public Backtester(Clock clock) {
        this.clock = clock;
    }

    /** @throws DataException for a snapshot or outcomes file that cannot be backtested, naming what to fix */
    public BacktestEntry run(BacktestRequest request) {
        ScoredSnapshot snapshot = ScoredSnapshot.read(request.snapshot(), request.task());
        OutcomeFile.Read outcomes = OutcomeFile.read(request.outcomes(), request.idColumn(), request.label(), request.separator());
        MatchedScores matched = MatchedScores.read(snapshot, request.task(), outcomes.table());
        int rows = matched.matched();
        if (rows == 0) {
            throw DataException.inFile(request.outcomes(), "none of its " + outcomes.table().size() + " customers with an outcome is among the "
                    + matched.snapshotCustomers() + " customers of snapshot " + snapshot.name() + "; check --id ('" + request.idColumn()
                    + "') and that the ids are those the base was scored with");
        }
        double[] probabilities = matched.probabilities();
        boolean[] outcomesOfMatched = matched.outcomes();
        long positives = 0;
        for (boolean positive : outcomesOfMatched) {
            positives += positive ? 1 : 0;
        }
        if (positives == 0 || positives == rows) {
            throw DataException.inFile(request.outcomes(), "all " + rows + " customers matched in snapshot " + snapshot.name() + " have "
                    + (positives == 0 ? "a negative" : "the positive") + " outcome; an AUC needs customers of both outcomes");
        }
        EvaluationReport report = BinaryEvaluator.evaluate(probabilities, outcomesOfMatched);
        CardFigures.Reading card = CardFigures.read(request.models(), request.task(), snapshot.modelVersion());
        OptionalDouble cardAuc = card instanceof CardFigures.Reading.Found found ? OptionalDouble.of(found.figures().auc()) : OptionalDouble.empty();
        List<BacktestFlag> flags = BacktestFlags.of(report.auc(), report.ece(), cardAuc, snapshot.driftedInputs());
        JoinCounts join = new JoinCounts(outcomes.rows(), outcomes.unlabelled(), outcomes.withoutId(), outcomes.repeatedIds(),
                outcomes.table().size() - outcomes.table().claimed(), matched.snapshotCustomers(), matched.snapshotCustomers() - rows, rows);
        BacktestEntry entry = new BacktestEntry(clock.instant(), request.task().id(), snapshot.name(), snapshot.modelVersion(),
                new BacktestEntry.OutcomeSource(request.outcomes().getFileName().toString(), outcomes.sha256(), request.idColumn(),
                        request.label().column(), request.label().positiveValue()),
                join, report.summary(),
                card instanceof CardFigures.Reading.Found found ? found.figures() : null,
                card instanceof CardFigures.Reading.Missing missing ? missing.problem() : null,
                cardAuc.isPresent() && !Double.isNaN(cardAuc.getAsDouble()) ? cardAuc.getAsDouble() - report.auc() : null,
                bands(probabilities, outcomesOfMatched, matched, report.baseRate()), report.deciles(), report.calibration(), snapshot.driftedInputs(), flags);
        log.info("backtest of {} on snapshot {}: {} customers matched, AUC {}, {} flags", request.task(), snapshot.name(), rows,
                String.format(Locale.ROOT, "%.4f", report.auc()), flags.size());
        return entry;
    }

    /** Matched customers per band, highest band first, then those without a band (if any). */
    static List<BandOutcome> bands(double[] probabilities, boolean[] outcomes, MatchedScores matched, double baseRate) {
        int codes = MatchedScores.UNBANDED + 1;
        long[] rows = new long[codes];
        long[] positives = new long[codes];
        double[] sums = new double[codes];
        for (int row = 0; row < probabilities.length; row++) {
            int band = matched.band(row);
            rows[band]++;
            positives[band] += outcomes[row] ? 1 : 0;
            sums[band] += probabilities[row];
        }
        List<BandOutcome> bands = new ArrayList<>();
        Band[] all = Band.values();
        for (int b = all.length - 1; b >= 0; b--) {
            addBand(bands, all[b].label(), rows[b], positives[b], sums[b], baseRate);
        }
        addBand(bands, "unbanded", rows[MatchedScores.UNBANDED], positives[MatchedScores.UNBANDED], sums[MatchedScores.UNBANDED], baseRate);
        return bands;
    }

    private static void addBand(List<BandOutcome> bands, String band, long rows, long positives, double sum, double baseRate) {
        if (rows > 0) {
            double rate = (double) positives / rows;
            bands.add(new BandOutcome(band, rows, positives, sum / rows, rate, rate / baseRate));
        }
    }
}
