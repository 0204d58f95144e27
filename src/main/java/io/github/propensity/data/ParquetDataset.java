// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import io.github.propensity.storage.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * other engines write them (read in name order, so row numbers are stable; {@code _SUCCESS}, {@code .crc} and other
 * hidden or marker files are skipped). Sub-folders (Hive-style partitions) are not read: the partition value lives in
 * the folder name, not in the parts, so reading them would silently drop a column.
 */
public final class ParquetDataset {
    private static final String EXTENSION = ".parquet";

    private ParquetDataset() {
    }

    /** True for a {@code .parquet} file name or any folder: everything else is read as CSV. */
    public static boolean isParquet(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION) || Files.isDirectory(path);
    }

    /** The part files in reading order; bad input (a {@link DataException}) when there are none or one cannot be read. */
    static List<Path> parts(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new DataException(path + ": file not found");
            }
            if (!Files.isReadable(path)) {
                throw new DataException(path + ": cannot be read (permission denied)");
            }
            return List.of(path);
        }
        List<Path> parts = new ArrayList<>();
        try (Stream<Path> listing = Files.list(path)) {
            listing.filter(ParquetDataset::isPart).sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(parts::add);
        } catch (IOException e) {
            throw new DataException(path + ": the folder cannot be listed (" + e.getMessage() + ")");
        }
        if (parts.isEmpty()) {
            throw new DataException(path + ": is a directory without any *.parquet part files; name a CSV file, a .parquet file"
                    + " or a folder of Parquet parts" + (hasSubfolders(path) ? " (its sub-folders, such as Hive partitions, are not read:"
                    + " name one of them, or write the table unpartitioned)" : ""));
        }
        for (Path part : parts) {
            if (!Files.isReadable(part)) {
                throw new DataException(part + ": cannot be read (permission denied)");
            }
        }
        return List.copyOf(parts);
    }

    private static boolean hasSubfolders(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPart(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_") && name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                && Files.isRegularFile(file);
    }

    static long totalBytes(List<Path> parts) {
        long total = 0;
        for (Path part : parts) {
            try {
                total += Files.size(part);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    /** SHA-256 over the parts' bytes in reading order: the input's provenance in model cards and manifests. */
    static String sha256Hex(List<Path> parts) {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        for (Path part : parts) {
            try (InputStream in = Files.newInputStream(part)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + part + ": " + e.getMessage(), e);
            }
        }
        return Sha256.hex(digest);
    }
}
