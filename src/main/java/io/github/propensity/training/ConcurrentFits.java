// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.InOrderPipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs independent fits side by side, one per thread, and returns their results in the order given. On a few tens
 * of thousands of rows XGBoost's own threads mostly wait on each other, so single-threaded fits running together
 * finish sooner than the same fits one after another with every thread each. Each fit depends only on its own
 * inputs, so the results do not depend on which thread ran what, or when.
 */
final class ConcurrentFits {
    private ConcurrentFits() {
    }

    static <T> List<T> run(List<Supplier<T>> fits, int threads) {
        if (threads <= 1 || fits.size() <= 1) {
            return fits.stream().map(Supplier::get).toList();
        }
        List<T> results = new ArrayList<>();
        try (InOrderPipeline<Supplier<T>, T> pipeline = new InOrderPipeline<>(Math.min(threads, fits.size()), "candidate-fit",
                Supplier::get, results::add)) {
            for (Supplier<T> fit : fits) {
                pipeline.submit(fit);
            }
            pipeline.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("collecting results in a list cannot fail", e);
        }
        return results;
    }
}
