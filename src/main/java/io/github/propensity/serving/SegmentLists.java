// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.RecordSource;
import io.github.propensity.data.Decimals;
import io.github.propensity.data.NumericValues;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentRule;
import io.github.propensity.scoring.SnapshotScores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The latest snapshot's segments and their customer lists (the at-risk list export), most urgent first. A list is
 * ranked by the segment's own score unless the request names another column: the probability of the first task
 * (in the order churn, purchase, conversion) the segment's rule sets a band for, so {@code at-risk} is ranked by
 * churn probability; for a rule on no task (the catch-all) or a segment these rules do not name, the first task the
 * snapshot scored. {@code sort=expected_loss} ranks by P(churn) x CLV, what the customer's leaving is expected to
 * cost, for snapshots whose base carried a CLV; the list then ends with that number. Memory stays bounded whatever
 * the file's size (see {@link RankedRows}).
 */
public final class SegmentLists {
    /** The sort that ranks by churn probability times CLV, a number no column of the scores file holds. */
    public static final String EXPECTED_LOSS = "expected_loss";
    private static final String CLV = "clv";
    private static final String CHURN_PROBABILITY = Task.CHURN.id() + "_probability";

    /** Rows a list request holds in memory at most: a few tens of megabytes for a wide scores file. */
    static final int ROWS_IN_MEMORY = 20_000;

    private final ObjectMapper json = new ObjectMapper();
    private final SegmentPolicy policy;
    private final Path spillRoot;
    private final int rowsInMemory;

    /** @param policy the segment rules the server uses, which tell each segment's own score */
    public SegmentLists(SegmentPolicy policy) {
        this(policy, Path.of(System.getProperty("java.io.tmpdir")), ROWS_IN_MEMORY);
    }

    SegmentLists(SegmentPolicy policy, Path spillRoot, int rowsInMemory) {
        this.policy = policy;
        this.spillRoot = spillRoot;
        this.rowsInMemory = rowsInMemory;
    }

    /** Receives a list: the header once, then each row. */
    public interface RowSink {
        void header(List<String> columns);

        void row(String[] values);
    }

    /** Which end of the ranking column comes first. */
    public enum Order {
        DESC, ASC;

        public static Order parse(String text) {
            for (Order order : values()) {
                if (order.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return order;
                }
            }
            throw new InvalidInputException("order must be desc or asc, not '" + text + "'");
        }
    }

    /**
     * What a list request asks for.
     *
     * @param limit    at most this many rows, the best ranked; empty: the whole segment
     * @param minScore only customers whose {@code task} score (0-100) is at least this
     * @param sort     the numeric column to rank by; empty: the segment's own score
     */
    public record ListQuery(OptionalInt limit, OptionalInt minScore, Optional<Task> task, Optional<String> sort, Order order) {
        public ListQuery {
            if (limit.isPresent() && limit.getAsInt() < 0) {
                throw new InvalidInputException("limit must not be negative");
            }
            if (minScore.isPresent() && (minScore.getAsInt() < 0 || minScore.getAsInt() > 100)) {
                throw new InvalidInputException("min_score must be between 0 and 100");
            }
            if (minScore.isPresent() && task.isEmpty()) {
                throw new InvalidInputException("min_score needs task, the task whose score it applies to");
            }
        }

        /** The whole segment, ranked by its own score, highest first. */
        public static ListQuery all() {
            return new ListQuery(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Order.DESC);
        }
    }

    public Map<String, Object> summary(LoadedModels models) {
        Path snapshot = snapshot(models);
        try {
            JsonNode segments = json.readTree(snapshot.resolve("segments.json").toFile());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("snapshot", snapshot.getFileName().toString());
            result.put("customers", segments.path("customers").asLong());
            result.put("segments", json.convertValue(segments.path("segments"), Map.class));
            result.put("bands", json.convertValue(segments.path("bands"), Map.class));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot's segments: " + e.getMessage(), e);
        }
    }

    /**
     * Sends the segment's customers to {@code sink} in ranked order. Everything that can be refused is checked and
     * the ranking done before the header goes out, so a refusal is still a clean error response.
     */
    public void customers(LoadedModels models, String segment, ListQuery query, RowSink sink) {
        Path snapshot = snapshot(models);
        Map<String, Object> summary = summary(models);
        if (!((Map<?, ?>) summary.get("segments")).containsKey(segment)) {
            throw new NotFoundException("no segment '" + segment + "' in snapshot " + snapshot.getFileName()
                    + "; segments: " + ((Map<?, ?>) summary.get("segments")).keySet());
        }
        try (RecordSource reader = SnapshotScores.of(snapshot).open()) {
            List<String> header = reader.header();
            int segmentColumn = header.indexOf("segment");
            int scoreColumn = -1;
            if (query.minScore().isPresent()) {
                scoreColumn = header.indexOf(query.task().orElseThrow().id() + "_score");
                if (scoreColumn < 0) {
                    throw new InvalidInputException("snapshot " + snapshot.getFileName() + " has no " + query.task().get() + " scores");
                }
            }
            boolean byExpectedLoss = query.sort().filter(EXPECTED_LOSS::equals).isPresent();
            ToDoubleFunction<String[]> key = byExpectedLoss ? expectedLoss(header, snapshot)
                    : rankColumn(header.indexOf(query.sort().isPresent() ? sortColumn(query.sort().get(), header) : ownScore(segment, header)));
            long limit = query.limit().isPresent() ? query.limit().getAsInt() : Long.MAX_VALUE;
            try (RankedRows ranked = new RankedRows(header, key, query.order(), limit, rowsInMemory, spillRoot)) {
                String[] fields;
                while ((fields = reader.next()) != null) {
                    if (fields[segmentColumn].equals(segment) && (scoreColumn < 0 || atLeast(fields[scoreColumn], query.minScore().getAsInt()))) {
                        ranked.add(fields);
                    }
                }
                if (byExpectedLoss) {
                    List<String> withLoss = new ArrayList<>(header);
                    withLoss.add(EXPECTED_LOSS);
                    sink.header(withLoss);
                    ranked.emit(row -> sink.row(withExpectedLoss(row, key)));
                } else {
                    sink.header(header);
                    ranked.emit(sink::row);
                }
            }
        }
    }

    /**
     * The column a segment is ranked by when the request names none: the probability of the first task its rule
     * sets a band for, else of the first task the snapshot scored.
     */
    public String ownScore(String segment, List<String> header) {
        Optional<SegmentRule> rule = policy.rules().stream().filter(r -> r.name().equals(segment)).findFirst();
        for (Task task : rule.map(r -> r.when().keySet()).orElse(Set.of())) {
            if (header.contains(probability(task))) {
                return probability(task);
            }
        }
        for (Task task : Task.values()) {
            if (header.contains(probability(task))) {
                return probability(task);
            }
        }
        throw new InvalidInputException("the snapshot's scores file holds no probabilities to rank by");
    }

    private static ToDoubleFunction<String[]> rankColumn(int column) {
        return fields -> RankedRows.number(fields[column]);
    }

    /** P(churn) x CLV from a row's cells, NaN when either is missing. */
    private static ToDoubleFunction<String[]> expectedLoss(List<String> header, Path snapshot) {
        int probability = header.indexOf(CHURN_PROBABILITY);
        int clv = header.indexOf(CLV);
        if (probability < 0 || clv < 0) {
            throw new InvalidInputException("sort=" + EXPECTED_LOSS + " needs " + CHURN_PROBABILITY + " and " + CLV + " in the scores file;"
                    + " snapshot " + snapshot.getFileName() + " has no " + (probability < 0 ? CHURN_PROBABILITY : CLV)
                    + (clv < 0 ? " (rescore a base with a clv_<days>d column to carry customer value)" : " (rescore with a churn model)"));
        }
        return fields -> RankedRows.number(fields[probability]) * RankedRows.number(fields[clv]);
    }

    private static String[] withExpectedLoss(String[] row, ToDoubleFunction<String[]> expectedLoss) {
        String[] extended = Arrays.copyOf(row, row.length + 1);
        double loss = expectedLoss.applyAsDouble(row);
        extended[row.length] = Double.isNaN(loss) ? "" : Decimals.format(loss, 2);
        return extended;
    }

    private static String sortColumn(String column, List<String> header) {
        List<ScoreColumnKind> kinds = ScoreColumnKind.of(header);
        List<String> numeric = IntStream.range(0, header.size()).filter(c -> kinds.get(c) == ScoreColumnKind.NUMERIC)
                .mapToObj(header::get).toList();
        if (!numeric.contains(column)) {
            throw new InvalidInputException("sort must name a numeric column of the scores file, one of " + String.join(", ", numeric)
                    + ", or " + EXPECTED_LOSS + "; not '" + column + "'");
        }
        return column;
    }

    private static String probability(Task task) {
        return task.id() + "_probability";
    }

    private static boolean atLeast(String score, int minimum) {
        Double value = NumericValues.parse(score);
        return value != null && value >= minimum;
    }

    private static Path snapshot(LoadedModels models) {
        if (models.latestSnapshot() == null) {
            throw new NotFoundException("no snapshot yet; run: propensity score --data BASE.csv --id customer_id");
        }
        return models.latestSnapshot();
    }
}
