// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.NumericValues;
import io.github.propensity.storage.StagedDirectory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Rows put in order of one column (or of a number computed from a row's cells): by its number, ties in the order the rows were added, cells without a number
 * last. Memory holds at most {@code rowsInMemory} rows whatever the input: a top-{@code limit} request within that
 * keeps a bounded heap of the best rows so far; a longer one sorts runs of {@code rowsInMemory} rows, spills each
 * to a temporary file (readable by the server's user only) and merges them, so a 10-million-row segment streams in
 * order from a few megabytes of buffers. The files are deleted on close.
 */
final class RankedRows implements AutoCloseable {
    private static final CSVFormat SPILL_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final List<String> header;
    /** A row's sort key: NaN when it has none. */
    private final ToDoubleFunction<String[]> key;
    private final SegmentLists.Order order;
    private final long limit;
    private final int rowsInMemory;
    private final Path spillRoot;
    private final Comparator<Ranked> better;
    private final PriorityQueue<Ranked> top;
    private final List<Ranked> run = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private StagedDirectory spill;
    private long added;

    /** A row with its sort key (NaN: no number) and its position among rows that compare equal. */
    private record Ranked(double key, long position, String[] fields) {
    }

    RankedRows(List<String> header, int column, SegmentLists.Order order, long limit, int rowsInMemory, Path spillRoot) {
        this(header, fields -> number(fields[column]), order, limit, rowsInMemory, spillRoot);
    }

    /** @param key a row's sort key from its cells, NaN when it has none (such rows come last) */
    RankedRows(List<String> header, ToDoubleFunction<String[]> key, SegmentLists.Order order, long limit, int rowsInMemory,
               Path spillRoot) {
        if (rowsInMemory < 1 || limit < 0) {
            throw new IllegalArgumentException("rowsInMemory must be positive and limit not negative");
        }
        this.header = List.copyOf(header);
        this.key = key;
        this.order = order;
        this.limit = limit;
        this.rowsInMemory = rowsInMemory;
        this.spillRoot = spillRoot;
        this.better = (a, b) -> {
            int byKey = compareKeys(a.key(), b.key());
            return byKey != 0 ? byKey : Long.compare(a.position(), b.position());
        };
        this.top = limit <= rowsInMemory ? new PriorityQueue<>(better.reversed()) : null;
    }

    void add(String[] fields) {
        Ranked row = new Ranked(key.applyAsDouble(fields), added++, fields);
        if (top != null) {
            keepIfInTop(row);
            return;
        }
        run.add(row);
        if (run.size() == rowsInMemory) {
            spill();
        }
    }

    /** Hands the rows to {@code out} in order, at most {@code limit} of them. */
    void emit(Consumer<String[]> out) {
        if (top != null) {
            List<Ranked> best = new ArrayList<>(top);
            best.sort(better);
            best.forEach(row -> out.accept(row.fields()));
            return;
        }
        if (runs.isEmpty()) {
            run.sort(better);
            run.stream().limit(limit).forEach(row -> out.accept(row.fields()));
            return;
        }
        if (!run.isEmpty()) {
            spill();
        }
        merge(out);
    }

    private void keepIfInTop(Ranked row) {
        if (top.size() < limit) {
            top.add(row);
        } else if (limit > 0 && better.compare(row, top.peek()) < 0) {
            top.poll();
            top.add(row);
        }
    }

    private void spill() {
        run.sort(better);
        try {
            if (spill == null) {
                spill = StagedDirectory.scratch(spillRoot, "segment-list-");
            }
            Path file = spill.path().resolve("run-" + runs.size() + ".csv");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, SPILL_FORMAT)) {
                printer.printRecord(header);
                for (Ranked row : run) {
                    printer.printRecord((Object[]) row.fields());
                }
            }
            runs.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of the segment list: " + e.getMessage(), e);
        }
        run.clear();
    }

    /** Runs hold consecutive stretches of the input, so among equal keys the earlier run's row comes first. */
    private void merge(Consumer<String[]> out) {
        List<CsvRecordReader> readers = new ArrayList<>();
        try {
            PriorityQueue<Ranked> heads = new PriorityQueue<>(better);
            for (Path file : runs) {
                CsvRecordReader reader = CsvRecordReader.open(file, ',');
                readers.add(reader);
                offerNext(heads, reader, readers.size() - 1);
            }
            for (long written = 0; written < limit && !heads.isEmpty(); written++) {
                Ranked head = heads.poll();
                out.accept(head.fields());
                offerNext(heads, readers.get((int) head.position()), (int) head.position());
            }
        } finally {
            readers.forEach(CsvRecordReader::close);
        }
    }

    private void offerNext(PriorityQueue<Ranked> heads, CsvRecordReader reader, int runIndex) {
        String[] fields = reader.next();
        if (fields != null) {
            heads.add(new Ranked(key.applyAsDouble(fields), runIndex, fields));
        }
    }

    /** A cell's number, NaN when it holds none. */
    static double number(String cell) {
        return NumericValues.parseOrNaN(cell.strip());
    }

    private int compareKeys(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        }
        return switch (order) {
            case DESC -> Double.compare(b, a);
            case ASC -> Double.compare(a, b);
        };
    }

    @Override
    public void close() {
        if (spill != null) {
            spill.close();
        }
    }
}
