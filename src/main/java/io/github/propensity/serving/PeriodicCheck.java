// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.PropensityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a reload check every interval on one daemon thread. A scheduled task that throws is never run again, so a
 * check that fails, for whatever reason, is logged (without customer data), counted, and the next one runs as usual:
 * one bad moment on disk must not freeze what the server serves for the rest of its life.
 */
final class PeriodicCheck implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicCheck.class);

    private final String what;
    private final Runnable check;
    private final ScheduledExecutorService thread;
    private final AtomicLong failures = new AtomicLong();

    /** @param what names the check in logs and the thread, e.g. "model" */
    PeriodicCheck(String what, long intervalMillis, Runnable check) {
        this.what = what;
        this.check = check;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, what + "-reload");
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::runOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Checks that failed so far. */
    long failures() {
        return failures.get();
    }

    void runOnce() {
        try {
            check.run();
        } catch (UncheckedIOException | PropensityException e) {
            // Usually a file being replaced or briefly missing: expected now and then, so no stack trace.
            failures.incrementAndGet();
            log.warn("{} check failed, retrying at the next one: {}", what, e.getMessage());
        } catch (RuntimeException e) {
            // Deliberately broad: anything else is a bug to see in the log, but reloading must go on.
            failures.incrementAndGet();
            log.error("{} check failed unexpectedly, retrying at the next one", what, e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
