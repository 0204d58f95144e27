// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Locale;

/**
 * The server benchmark's load generator: a fixed number of concurrent clients, each sending requests back to
 * back, bounded by a request count and a time limit, and only ever to a loopback address.
 */
@Command(name = "http-load", hidden = true, description = "Bounded loopback load generator for scripts/bench-server.sh.")
final class HttpLoadCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--url", required = true)
    URI url;

    @Option(names = "--body", description = "JSON body to POST; GET when absent")
    String body;

    @Option(names = "--clients", defaultValue = "8")
    int clients;

    @Option(names = "--requests", defaultValue = "40000", description = "total requests (after warm-up)")
    int requests;

    @Option(names = "--warmup", defaultValue = "5000")
    int warmup;

    @Option(names = "--max-seconds", defaultValue = "60")
    int maxSeconds;

    @Override
    public Integer call() throws Exception {
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new CommandLine.ParameterException(context.commandLine(), "the load generator only targets loopback addresses");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        run(client, warmup, null);
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        int[] counts = run(client, requests, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = counts[0];
        long[] measured = Arrays.copyOf(latencies, done);
        Arrays.sort(measured);
        context.commandLine().getOut().printf(Locale.ROOT,
                "{\"requests\":%d,\"errors\":%d,\"seconds\":%.2f,\"rps\":%.0f,\"p50_ms\":%.3f,\"p99_ms\":%.3f}%n",
                done, counts[1], seconds, done / seconds, quantile(measured, 0.50) / 1e6, quantile(measured, 0.99) / 1e6);
        return ExitCode.OK;
    }

    /** Returns {completed, errors}; records each latency in nanoseconds when {@code latencies} is given. */
    private int[] run(HttpClient client, int total, long[] latencies) throws InterruptedException {
        HttpRequest request = body == null ? HttpRequest.newBuilder(url).GET().build()
                : HttpRequest.newBuilder(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < total && System.nanoTime() < deadline.get()) {
                    long begin = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (latencies != null) {
                        latencies[index] = System.nanoTime() - begin;
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 30L, TimeUnit.SECONDS);
        return new int[]{Math.min(total, next.get()), errors.get()};
    }

    private static double quantile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
