// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Results reach the sink in input order however long each batch takes, and a batch's failure surfaces as it is. */
class InOrderPipelineTest {
    @Test
    void handsResultsBackInInputOrder() throws IOException {
        List<Integer> seen = new ArrayList<>();
        try (InOrderPipeline<Integer, Integer> pipeline = new InOrderPipeline<>(4, "test", batch -> {
            // Later batches often finish first.
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(200_000));
            return batch * 2;
        }, seen::add)) {
            for (int i = 0; i < 500; i++) {
                pipeline.submit(i);
            }
            pipeline.finish();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(2 * i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void rethrowsABatchFailureUnwrapped() {
        IllegalArgumentException failure = new IllegalArgumentException("bad batch");
        List<Integer> seen = new ArrayList<>();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> {
            try (InOrderPipeline<Integer, Integer> pipeline = new InOrderPipeline<>(2, "test", batch -> {
                if (batch == 7) {
                    throw failure;
                }
                return batch;
            }, seen::add)) {
                for (int i = 0; i < 20; i++) {
                    pipeline.submit(i);
                }
                pipeline.finish();
            }
        });
        assertSame(failure, thrown);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), seen);
    }
}
