// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.stream.IntStream;

/**
 * The value columns of many histories on every core: customers are independent, so blocks of them are scored in
 * parallel, each block with its own scratch row, and the result does not depend on the number of threads.
 */
public final class ValueScoring {
    private static final int BLOCK = 4096;

    private ValueScoring() {
    }

    /** Receives one customer's columns; called concurrently for different customers. */
    @FunctionalInterface
    public interface Sink {
        void accept(int customer, double[] columns);
    }

    public static void score(ValueModel model, PurchaseHistories histories, Sink sink) {
        int n = histories.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            double[] out = new double[ValueColumns.COUNT];
            int end = Math.min(n, (block + 1) * BLOCK);
            for (int i = block * BLOCK; i < end; i++) {
                model.values(histories.frequency(i), histories.recencyWeeks(i), histories.ageWeeks(i), histories.meanRepeatValue(i), out);
                sink.accept(i, out);
            }
        });
    }

    /** Every history's CLV over the model's horizon. */
    public static double[] clvs(ValueModel model, PurchaseHistories histories) {
        double[] clvs = new double[histories.size()];
        score(model, histories, (customer, columns) -> clvs[customer] = columns[ValueColumns.CLV]);
        return clvs;
    }
}
