// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Works on batches of rows on worker threads while the caller goes on reading, and hands each result to the sink on
 * the caller's thread in input order: parsing a CSV is sequential, but encoding and scoring its rows need not be.
 * At most a few batches per thread are in flight, so memory stays flat however long the input. A batch's failure
 * (a {@link RuntimeException}) is rethrown as it is, on the caller's thread, when its turn in the order comes.
 *
 * @param <I> a batch as read
 * @param <O> what the work makes of it
 */
public final class InOrderPipeline<I, O> implements AutoCloseable {
    /** Takes results in input order, on the caller's thread. */
    @FunctionalInterface
    public interface Sink<O> {
        void accept(O result) throws IOException;
    }

    private static final int BATCHES_PER_THREAD = 3;

    private final ExecutorService workers;
    private final int maxInFlight;
    private final Function<I, O> work;
    private final Sink<O> sink;
    private final ArrayDeque<Future<O>> inFlight = new ArrayDeque<>();

    /** @param name the worker threads' name, seen in thread dumps and profiles */
    public InOrderPipeline(int threads, String name, Function<I, O> work, Sink<O> sink) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        this.maxInFlight = threads * BATCHES_PER_THREAD;
        this.work = work;
        this.sink = sink;
    }

    /** Queues a batch; first hands the oldest result to the sink when enough are in flight. */
    public void submit(I batch) throws IOException {
        inFlight.add(workers.submit(() -> work.apply(batch)));
        if (inFlight.size() >= maxInFlight) {
            sink.accept(await(inFlight.poll()));
        }
    }

    /** Hands every remaining result to the sink, in order. */
    public void finish() throws IOException {
        while (!inFlight.isEmpty()) {
            sink.accept(await(inFlight.poll()));
        }
    }

    /** Stops the workers; batches still in flight are abandoned. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static <O> O await(Future<O> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a batch failed", e.getCause());
        }
    }
}
