// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, fits.size()), runnable -> {
            Thread thread = new Thread(runnable, "candidate-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> fit : fits) {
                futures.add(pool.submit(fit::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting candidates", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a candidate fit failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
