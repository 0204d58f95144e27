// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import io.github.propensity.storage.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of a Parquet input: one {@code .parquet} file, or every {@code *.parquet} part in a folder as Spark and
 * other engines write them, including Hive-style partition folders ({@code country=FR/segment=at-risk/part-0.parquet}).
 * A partition's value lives in its folder's name, not in the parts, so each partition column is read as one more text
 * column after the parts' own. Parts are read in the order of their partition path, then of their file name, so row
 * numbers are stable; {@code _SUCCESS}, {@code .crc} and other hidden or {@code _}-prefixed entries are skipped.
 *
 * @param partitionColumns the partition columns, outermost first; empty for a file or a flat folder
 * @param parts            the part files in reading order
 */
record ParquetDataset(List<String> partitionColumns, List<Part> parts) {
    private static final String EXTENSION = ".parquet";
    /** What Hive and Spark name the folder of rows whose partition value is null. */
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    /**
     * One part file and the values of its partition columns ("" where the value is missing, as a CSV holds it).
     *
     * @param partitionPath the part's partition folders relative to the dataset ("" when unpartitioned)
     */
    record Part(Path file, String partitionPath, List<String> partitionValues) {
        Part {
            partitionValues = List.copyOf(partitionValues);
        }
    }

    ParquetDataset {
        partitionColumns = List.copyOf(partitionColumns);
        parts = List.copyOf(parts);
    }

    /** True for a {@code .parquet} file name or any folder: everything else is read as CSV. */
    public static boolean isParquet(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION) || Files.isDirectory(path);
    }

    /** The dataset at {@code path}; bad input (a {@link DataException}) when it has no parts or is laid out inconsistently. */
    static ParquetDataset of(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new DataException(path + ": file not found");
            }
            if (!Files.isReadable(path)) {
                throw new DataException(path + ": cannot be read (permission denied)");
            }
            return new ParquetDataset(List.of(), List.of(new Part(path, "", List.of())));
        }
        Discovery discovery = new Discovery(path);
        discovery.walk(path, List.of(), List.of());
        if (discovery.parts.isEmpty()) {
            throw new DataException(path + ": is a directory without any *.parquet part files (nor partition folders holding some);"
                    + " name a CSV file, a .parquet file or a folder of Parquet parts");
        }
        for (Part part : discovery.parts) {
            if (!Files.isReadable(part.file())) {
                throw new DataException(part.file() + ": cannot be read (permission denied)");
            }
        }
        return new ParquetDataset(discovery.columns == null ? List.of() : discovery.columns, discovery.parts);
    }

    List<Path> files() {
        return parts.stream().map(Part::file).toList();
    }

    long totalBytes() {
        long total = 0;
        for (Part part : parts) {
            try {
                total += Files.size(part.file());
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    /**
     * SHA-256 over the parts' bytes in reading order, each part of a partitioned dataset preceded by its partition
     * path (the values it carries are data too): the input's provenance in model cards and manifests. An unpartitioned
     * dataset's digest is that of its parts' bytes alone, as it always was.
     */
    String sha256Hex() {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        for (Part part : parts) {
            if (!part.partitionPath().isEmpty()) {
                digest.update((part.partitionPath() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream in = Files.newInputStream(part.file())) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + part.file() + ": " + e.getMessage(), e);
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * Hive's escaping undone: {@code %XX} is the character with that hexadecimal code (Hive and Spark escape one
     * character at a time, by its code, not by UTF-8 bytes); a {@code %} not followed by two hex digits stays as it is.
     */
    static String unescape(String escaped) {
        StringBuilder plain = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length() && isHex(escaped.charAt(i + 1)) && isHex(escaped.charAt(i + 2))) {
                plain.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean skipped(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_") || name.toLowerCase(Locale.ROOT).endsWith(".crc");
    }

    /** A depth-first walk in name order, checking that every folder is either parts or partitions, never both. */
    private static final class Discovery {
        private final Path root;
        private final List<Part> parts = new ArrayList<>();
        /** The partition columns of the first folder that held parts; every other such folder must have the same. */
        private List<String> columns;
        private Path columnsFrom;

        Discovery(Path root) {
            this.root = root;
        }

        void walk(Path folder, List<String> columnsSoFar, List<String> valuesSoFar) {
            List<Path> files = new ArrayList<>();
            List<Path> folders = new ArrayList<>();
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(entry -> !skipped(entry)).sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(entry -> {
                    if (Files.isDirectory(entry)) {
                        folders.add(entry);
                    } else if (Files.isRegularFile(entry) && entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
                        files.add(entry);
                    }
                });
            } catch (IOException e) {
                throw new DataException(folder + ": the folder cannot be listed (" + e.getMessage() + ")");
            }
            if (!files.isEmpty() && !folders.isEmpty()) {
                throw new DataException(folder + ": holds both Parquet part files (" + files.get(0).getFileName() + ") and sub-folders ("
                        + folders.get(0).getFileName() + "); a table is either parts or Hive partition folders (name=value) at each"
                        + " level: move the parts into a partition or name the folder that holds only parts");
            }
            if (!files.isEmpty()) {
                if (columns == null) {
                    columns = List.copyOf(columnsSoFar);
                    columnsFrom = folder;
                } else if (!columns.equals(columnsSoFar)) {
                    throw new DataException(folder + ": its partition columns " + columnsSoFar + " differ from " + columns + " of "
                            + relative(columnsFrom) + "; every part of a table must sit under the same partition columns");
                }
                String partitionPath = relative(folder);
                files.forEach(file -> parts.add(new Part(file, partitionPath, valuesSoFar)));
                return;
            }
            String column = null;
            for (Path sub : folders) {
                String name = sub.getFileName().toString();
                int equals = name.indexOf('=');
                if (equals <= 0) {
                    throw new DataException(sub + ": is not a Hive partition folder (name=value); a folder of Parquet parts may only"
                            + " hold part files or partition folders");
                }
                String subColumn = unescape(name.substring(0, equals));
                if (column == null) {
                    column = subColumn;
                } else if (!column.equals(subColumn)) {
                    throw new DataException(folder + ": its partition folders name different columns ('" + column + "' and '" + subColumn
                            + "'); every folder at one level must partition by the same column");
                }
                if (columnsSoFar.contains(subColumn)) {
                    throw new DataException(sub + ": partitions by '" + subColumn + "' again, inside a partition of the same column");
                }
                String raw = name.substring(equals + 1);
                String value = raw.equals(DEFAULT_PARTITION) ? "" : unescape(raw);
                List<String> subColumns = new ArrayList<>(columnsSoFar);
                subColumns.add(subColumn);
                List<String> subValues = new ArrayList<>(valuesSoFar);
                subValues.add(value);
                walk(sub, subColumns, subValues);
            }
        }

        private String relative(Path folder) {
            return root.relativize(folder).toString().replace('\\', '/');
        }
    }
}
