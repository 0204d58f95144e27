// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines come back byte for byte: across buffer refills, longer than the buffer, empty, and without a final '\n'. */
class ByteLinesTest {
    @Test
    void splitsLikeStringSplit() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String line = i % 997 == 0 ? "x".repeat(200_000) : i % 13 == 0 ? "" : "row " + i + ",é,\"q\"";
            expected.add(line);
            text.append(line).append('\n');
        }
        expected.add("last without newline");
        text.append("last without newline");
        ByteLines lines = new ByteLines(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        List<String> actual = new ArrayList<>();
        while (lines.next()) {
            actual.add(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8));
        }
        assertEquals(expected, actual);
    }
}
