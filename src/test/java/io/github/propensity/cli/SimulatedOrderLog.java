// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.value.BgNbd;
import io.github.propensity.value.GammaGamma;
import io.github.propensity.value.ValueSimulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An order log ({@code customer,date,amount}) of customers simulated from known BG/NBD and Gamma-Gamma parameters,
 * first purchases spread over 2023, the log running to mid-2024: what {@code value fit} and {@code features --value}
 * read in the CLI tests.
 */
record SimulatedOrderLog(Path file, LocalDate firstDate, LocalDate lastDate) {
    static final BgNbd PURCHASES = new BgNbd(0.5, 10, 1.2, 3);
    static final GammaGamma ORDER_VALUE = new GammaGamma(6, 4, 15);
    static final LocalDate CALIBRATION_END = LocalDate.of(2024, 3, 31);

    static SimulatedOrderLog write(Path file, int customers, long seed) throws IOException {
        new ValueSimulation(seed).writeLog(file, customers, PURCHASES, ORDER_VALUE, LocalDate.of(2023, 1, 1), 300,
                LocalDate.of(2024, 6, 30));
        return of(file);
    }

    static SimulatedOrderLog of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (String line : lines.subList(1, lines.size())) {
            LocalDate date = LocalDate.parse(line.split(",")[1]);
            first = date.isBefore(first) ? date : first;
            last = date.isAfter(last) ? date : last;
        }
        return new SimulatedOrderLog(file, first, last);
    }

    /** The same log with every amount replaced, written to {@code to}. */
    SimulatedOrderLog withAmount(Path to, String amount) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> rewritten = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            rewritten.add(line.substring(0, line.lastIndexOf(',') + 1) + amount);
        }
        return of(Files.write(to, rewritten));
    }

    /** Only each customer's first line: nobody ever buys again. */
    SimulatedOrderLog firstPurchasesOnly(Path to) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (seen.add(line.substring(0, line.indexOf(',')))) {
                kept.add(line);
            }
        }
        return of(Files.write(to, kept));
    }

    /** The arguments that read this log. */
    List<String> options() {
        return List.of("--transactions", file.toString(), "--customer", "customer", "--date", "date", "--amount", "amount");
    }
}
