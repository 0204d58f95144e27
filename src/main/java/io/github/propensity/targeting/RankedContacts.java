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
    /** One contact, as the list writes it; the probability and CLV cells are copied as the scores file has them. */
    interface Consumer {
        void accept(double netValue, String id, String probability, String clv);
    }

    private final int rowsInMemory;
    private final Path spillRoot;
    private final double[] netValues;
    private final String[] ids;
    private final String[] probabilities;
    private final String[] clvs;
    private int held;
    private final List<Path> runs = new ArrayList<>();
    private StagedDirectory spill;

    RankedContacts(int rowsInMemory, Path spillRoot) {
        if (rowsInMemory < 1) {
            throw new IllegalArgumentException("rowsInMemory must be positive");
        }
        this.rowsInMemory = rowsInMemory;
        this.spillRoot = spillRoot;
        netValues = new double[rowsInMemory];
        ids = new String[rowsInMemory];
        probabilities = new String[rowsInMemory];
        clvs = new String[rowsInMemory];
    }

    void add(double netValue, String id, String probability, String clv) {
        netValues[held] = netValue;
        ids[held] = id;
        probabilities[held] = probability;
        clvs[held] = clv;
        held++;
        if (held == rowsInMemory) {
            spill();
        }
    }

    /** Hands at most {@code limit} contacts to {@code out}, best first. */
    void emit(long limit, Consumer out) {
        if (runs.isEmpty()) {
            Integer[] order = sortedHeld();
            for (int i = 0; i < order.length && i < limit; i++) {
                int row = order[i];
                out.accept(netValues[row], ids[row], probabilities[row], clvs[row]);
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
                    out.writeUTF(probabilities[row]);
                    out.writeUTF(clvs[row]);
                }
            }
            runs.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of the contact list: " + e.getMessage(), e);
        }
        Arrays.fill(ids, 0, held, null);
        Arrays.fill(probabilities, 0, held, null);
        Arrays.fill(clvs, 0, held, null);
        held = 0;
    }

    /** The next contact of one run. */
    private static final class Head {
        final int run;
        final DataInputStream in;
        double netValue;
        String id;
        String probability;
        String clv;

        Head(int run, DataInputStream in) {
            this.run = run;
            this.in = in;
        }

        /** Reads the run's next contact; false at its end. */
        boolean advance() throws IOException {
            try {
                netValue = in.readDouble();
            } catch (EOFException end) {
                return false;
            }
            id = in.readUTF();
            probability = in.readUTF();
            clv = in.readUTF();
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
                Head head = new Head(run, in);
                if (head.advance()) {
                    heads.add(head);
                }
            }
            for (long written = 0; written < limit && !heads.isEmpty(); written++) {
                Head head = heads.poll();
                out.accept(head.netValue, head.id, head.probability, head.clv);
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
