// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.storage.StagedDirectory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Contacts put in order of expected net value, highest first, ties in the order they were added. At most
 * {@code rowsInMemory} contacts are held, in arrays: a longer list is sorted in runs of that many, each spilled to a
 * binary temporary file (in a directory only this user can read) and merged, so a list of millions streams in order
 * from a few megabytes. The files are deleted on close.
 */
final class RankedContacts implements AutoCloseable {
    /**
     * One contact, as the list writes it; the cells (probability, CLV and, with uplift, the uplift and group) are copied
     * as the scores file has them, in an array reused from one contact to the next.
     */
    interface Consumer {
        void accept(double netValue, String id, String[] cells);
    }

    private final int rowsInMemory;
    private final Path spillRoot;
    private final double[] netValues;
    private final String[] ids;
    private final int cellsPerContact;
    /** Contact i's cells at {@code i * cellsPerContact} onwards. */
    private final String[] cells;
    private int held;
    private final List<Path> runs = new ArrayList<>();
    private StagedDirectory spill;

    RankedContacts(int rowsInMemory, int cellsPerContact, Path spillRoot) {
        if (rowsInMemory < 1) {
            throw new IllegalArgumentException("rowsInMemory must be positive");
        }
        this.rowsInMemory = rowsInMemory;
        this.spillRoot = spillRoot;
        netValues = new double[rowsInMemory];
        ids = new String[rowsInMemory];
        this.cellsPerContact = cellsPerContact;
        cells = new String[Math.multiplyExact(rowsInMemory, cellsPerContact)];
    }

    /** Adds a contact whose cells are {@code fields} at {@code positions}, stripped. */
    void add(double netValue, String id, String[] fields, int[] positions) {
        netValues[held] = netValue;
        ids[held] = id;
        for (int i = 0; i < cellsPerContact; i++) {
            cells[held * cellsPerContact + i] = fields[positions[i]].strip();
        }
        held++;
        if (held == rowsInMemory) {
            spill();
        }
    }

    /** Hands at most {@code limit} contacts to {@code out}, best first. */
    void emit(long limit, Consumer out) {
        if (runs.isEmpty()) {
            Integer[] order = sortedHeld();
            String[] scratch = new String[cellsPerContact];
            for (int i = 0; i < order.length && i < limit; i++) {
                int row = order[i];
                System.arraycopy(cells, row * cellsPerContact, scratch, 0, cellsPerContact);
                out.accept(netValues[row], ids[row], scratch);
            }
            return;
        }
        if (held > 0) {
            spill();
        }
        merge(limit, out);
    }

    /** Positions of the held contacts by net value, highest first; the sort is stable, so ties keep their order. */
    private Integer[] sortedHeld() {
        Integer[] order = new Integer[held];
        for (int i = 0; i < held; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(netValues[b], netValues[a]));
        return order;
    }

    private void spill() {
        Integer[] order = sortedHeld();
        try {
            if (spill == null) {
                spill = StagedDirectory.scratch(spillRoot, "target-list-");
            }
            Path file = spill.path().resolve("run-" + runs.size());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                for (int row : order) {
                    out.writeDouble(netValues[row]);
                    out.writeUTF(ids[row]);
                    for (int i = 0; i < cellsPerContact; i++) {
                        out.writeUTF(cells[row * cellsPerContact + i]);
                    }
                }
            }
            runs.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of the contact list: " + e.getMessage(), e);
        }
        Arrays.fill(ids, 0, held, null);
        Arrays.fill(cells, 0, held * cellsPerContact, null);
        held = 0;
    }

    /** The next contact of one run. */
    private static final class Head {
        final int run;
        final DataInputStream in;
        double netValue;
        String id;
        final String[] cells;

        Head(int run, DataInputStream in, int cellsPerContact) {
            this.run = run;
            this.in = in;
            this.cells = new String[cellsPerContact];
        }

        /** Reads the run's next contact; false at its end. */
        boolean advance() throws IOException {
            try {
                netValue = in.readDouble();
            } catch (EOFException end) {
                return false;
            }
            id = in.readUTF();
            for (int i = 0; i < cells.length; i++) {
                cells[i] = in.readUTF();
            }
            return true;
        }
    }

    /** Runs hold consecutive stretches of the input, so among equal values the earlier run's contact comes first. */
    private void merge(long limit, Consumer out) {
        List<DataInputStream> open = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
                int byValue = Double.compare(b.netValue, a.netValue);
                return byValue != 0 ? byValue : Integer.compare(a.run, b.run);
            });
            for (int run = 0; run < runs.size(); run++) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(runs.get(run)), 1 << 16));
                open.add(in);
                Head head = new Head(run, in, cellsPerContact);
                if (head.advance()) {
                    heads.add(head);
                }
            }
            for (long written = 0; written < limit && !heads.isEmpty(); written++) {
                Head head = heads.poll();
                out.accept(head.netValue, head.id, head.cells);
                if (head.advance()) {
                    heads.add(head);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sorted run of the contact list: " + e.getMessage(), e);
        } finally {
            for (DataInputStream in : open) {
                try {
                    in.close();
                } catch (IOException e) {
                    // Only a read handle on a file about to be deleted; nothing is lost.
                }
            }
        }
    }

    @Override
    public void close() {
        if (spill != null) {
            spill.close();
        }
    }
}
