// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the date column of a transaction log is written, and turning its cells into calendar days. Only the calendar
 * date as written counts: a time of day or a zone offset is read and ignored, because the features work in whole
 * days and converting zones would move late-evening orders to another day.
 *
 * <p>Detection tries the formats exports commonly use on a sample of the column's values and keeps the one that
 * reads the most of them. Day-first and month-first dates ({@code 03/04/2024}) can only be told apart by a day above 12;
 * when the sample has none, detection refuses to guess and asks for {@code --date-format}.
 */
public final class TransactionDates {
    /** Candidates in order of preference; the pattern text is what the user would pass to reproduce the choice. */
    private static final List<String> CANDIDATES = List.of(
            "yyyy-MM-dd[ H:mm[:ss]]", "yyyy-MM-dd'T'HH:mm[:ss][.SSS][XXX]", "yyyyMMdd", "yyyy/M/d[ H:mm[:ss]]",
            "d/M/yyyy[ H:mm[:ss]]", "M/d/yyyy[ H:mm[:ss]]", "d.M.yyyy[ H:mm[:ss]]", "d-M-yyyy[ H:mm[:ss]]");

    /** Sampled values the detected format may fail to read: a few garbled lines, not a different format. */
    private static final int MAX_UNREADABLE = 5;
    private static final double MAX_UNREADABLE_SHARE = 0.1;

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final boolean isoDatePrefix;

    private TransactionDates(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
        this.isoDatePrefix = pattern.startsWith("yyyy-MM-dd");
    }

    /** A format the user gave ({@code java.time} pattern letters, e.g. {@code dd/MM/yyyy HH:mm}). */
    public static TransactionDates ofPattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        try {
            return new TransactionDates(pattern, formatter(pattern));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a date pattern: " + e.getMessage(), e);
        }
    }

    /**
     * The candidate format that reads the most sampled values; a few unreadable values do not hide the format (they
     * are reported later as bad lines with their line numbers), but a format must read nearly all of them.
     *
     * @throws DateFormatUnknownException if no format reads nearly every value, or day-first and month-first read
     *                                    the same values
     */
    public static TransactionDates detect(List<String> sample, String columnName) {
        List<String> nonEmpty = sample.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            throw new DateFormatUnknownException("date column '" + columnName + "' has no values to detect its format from");
        }
        List<TransactionDates> best = new ArrayList<>();
        long bestCount = 0;
        for (String candidate : CANDIDATES) {
            TransactionDates reader = ofPattern(candidate);
            long count = nonEmpty.stream().filter(reader::reads).count();
            if (count > bestCount) {
                best.clear();
                bestCount = count;
            }
            if (count == bestCount && count > 0) {
                best.add(reader);
            }
        }
        long unreadable = nonEmpty.size() - bestCount;
        if (bestCount == 0 || unreadable > Math.max(MAX_UNREADABLE, MAX_UNREADABLE_SHARE * nonEmpty.size())) {
            String example = best.isEmpty() ? nonEmpty.get(0)
                    : nonEmpty.stream().filter(v -> !best.get(0).reads(v)).findFirst().orElse(nonEmpty.get(0));
            throw new DateFormatUnknownException("cannot tell the date format of column '" + columnName + "' from values such as '"
                    + example + "'; pass --date-format (e.g. yyyy-MM-dd, dd/MM/yyyy HH:mm)");
        }
        TransactionDates first = best.get(0);
        boolean dayFirst = first.pattern.startsWith("d");
        boolean monthFirst = first.pattern.startsWith("M");
        boolean ambiguous = best.stream().anyMatch(r -> dayFirst && r.pattern.startsWith("M") || monthFirst && r.pattern.startsWith("d"));
        if (ambiguous) {
            throw new DateFormatUnknownException("dates in column '" + columnName + "' such as '" + nonEmpty.get(0)
                    + "' read as day/month and as month/day (no day above 12 in the first " + nonEmpty.size()
                    + " values); pass --date-format dd/MM/yyyy or --date-format MM/dd/yyyy (add HH:mm if there is a time)");
        }
        return first;
    }

    public String pattern() {
        return pattern;
    }

    /** The day a cell holds, as days since 1970-01-01, or {@link Integer#MIN_VALUE} if it holds no date in this format. */
    public int epochDay(String cell) {
        String text = cell.strip();
        if (isoDatePrefix && text.length() >= 10) {
            int fast = isoDay(text);
            if (fast != Integer.MIN_VALUE && (text.length() == 10 || text.charAt(10) == ' ' || text.charAt(10) == 'T')) {
                // The date part is all the features need, so a time after it is not validated.
                return fast;
            }
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            return (int) LocalDate.from(parsed).toEpochDay();
        } catch (DateTimeParseException e) {
            return Integer.MIN_VALUE;
        }
    }

    boolean reads(String cell) {
        try {
            LocalDate.from(formatter.parse(cell.strip()));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** yyyy-MM-dd at the start of the text, validated, without the cost of the general parser (called per line). */
    private static int isoDay(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Integer.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Integer.MIN_VALUE;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Integer.MIN_VALUE;
        }
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static DateTimeFormatter formatter(String pattern) {
        // 'yyyy' is year-of-era; strict resolution needs the era, so default it rather than make users write 'uuuu'.
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** No format reads the column, or more than one does and they disagree. */
    public static final class DateFormatUnknownException extends IllegalArgumentException {
        public DateFormatUnknownException(String message) {
            super(message);
        }
    }
}
