// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.NumericValues;
import io.github.propensity.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Ranks a snapshot's customers by the expected net value of contacting them and cuts the ranking where it pays.
 * Pass one reads the scores file keeping one number per customer (their net value, 8 bytes), sorts those numbers
 * and reads the profit curve and both cut-offs off them: tied customers add the same to any prefix, so the curve
 * needs no ids. Pass two reads the file again and ranks only the customers at or above the last listed value,
 * through {@link RankedContacts}, so the list itself never sits in memory.
 */
public final class ContactPlanner {
    private static final Logger log = LoggerFactory.getLogger(ContactPlanner.class);
    public static final String FORMULA = "expected net value of contacting a customer = P(task) x save_rate x clv - offer_cost";
    public static final List<String> ASSUMPTIONS = List.of(
            "P(task) is the customer's calibrated probability in the snapshot: for churn, the chance they leave if nobody contacts them",
            "save_rate is the share of those customers the contact changes (for churn: would have left and now stay); it changes nothing"
                    + " for the others, who cost the offer all the same",
            "a saved customer is worth their whole clv (the base's CLV over its horizon, discounted), a lost one nothing; clv already"
                    + " weighs the customer's chance of staying active, so for churn the figure leans high",
            "every contact costs offer_cost, saved or not; customers are independent of one another",
            "customers whose expected net value is not above 0 are never listed: contacting them is expected to lose money, so the best"
                    + " cut-off is the number worth contacting; the curve goes on past it to show what contacting more would cost",
            "customers with an empty or unreadable probability or clv are left out of the ranking and counted");
    static final String CLV = "clv";
    /** Contacts a list holds in memory at most before sorting runs on disk: about 15 MB. */
    static final int ROWS_IN_MEMORY = 100_000;
    /** The curve has a point every 1 % of the customers valued, plus the cut-offs. */
    static final int CURVE_STEPS = 100;

    private final Path spillRoot;
    private final int rowsInMemory;

    public ContactPlanner() {
        this(Path.of(System.getProperty("java.io.tmpdir")), ROWS_IN_MEMORY);
    }

    ContactPlanner(Path spillRoot, int rowsInMemory) {
        this.spillRoot = spillRoot;
        this.rowsInMemory = rowsInMemory;
    }

    /**
     * Pass one over a snapshot: summary, profit curve and cut-offs.
     *
     * @throws TargetingInputException when the snapshot did not score the task or carries no CLV
     */
    public ContactPlan plan(Path snapshot, TargetingRequest request) {
        Path scores = scoresFile(snapshot);
        long start = System.nanoTime();
        try (CsvRecordReader reader = CsvRecordReader.open(scores, ',')) {
            List<String> header = reader.header();
            int probability = probabilityColumn(snapshot, header, request.task());
            int clv = header.indexOf(CLV);
            ToDoubleFunction<String[]> saveRate = request.saveRate().reader(header);
            double[] values = new double[1 << 16];
            int valued = 0;
            long rows = 0;
            String[] fields;
            while ((fields = reader.next()) != null) {
                rows++;
                double value = netValue(fields, probability, clv, saveRate, request.offerCost());
                if (Double.isNaN(value)) {
                    continue;
                }
                if (valued == values.length) {
                    values = Arrays.copyOf(values, values.length + (values.length >> 1));
                }
                values[valued++] = value;
            }
            Arrays.sort(values, 0, valued);
            ContactPlan plan = plan(snapshot, request, scores, header.get(0), probability, clv, values, valued, rows);
            log.info("targeting {} over snapshot {}: {} of {} customers valued, {} worth contacting, {} listed ({} ms)",
                    request.task(), snapshot.getFileName(), valued, rows, plan.summary().customersWorthContacting(), plan.contacts,
                    (System.nanoTime() - start) / 1_000_000);
            return plan;
        }
    }

    /** Pass two: hands the {@code limit} best contacts of the plan's list to {@code sink}, in rank order. */
    public void writeList(ContactPlan plan, long limit, ContactSink sink) {
        long listed = Math.min(limit, plan.contacts);
        sink.header(plan.columns());
        if (listed == 0) {
            return;
        }
        try (CsvRecordReader reader = CsvRecordReader.open(plan.scores, ',');
             RankedContacts ranked = new RankedContacts(rowsInMemory, spillRoot)) {
            ToDoubleFunction<String[]> saveRate = plan.request.saveRate().reader(reader.header());
            String[] fields;
            while ((fields = reader.next()) != null) {
                double value = netValue(fields, plan.probabilityColumn, plan.clvColumn, saveRate, plan.request.offerCost());
                if (value >= plan.lowestListed) {
                    ranked.add(value, fields[0], fields[plan.probabilityColumn].strip(), fields[plan.clvColumn].strip());
                }
            }
            long[] rank = {0};
            double[] cumulative = {0};
            ranked.emit(listed, (value, id, probability, clv) -> {
                cumulative[0] += value;
                sink.contact(++rank[0], id, probability, clv, value, cumulative[0]);
            });
        }
    }

    /** NaN when the row lacks a number it needs; the same arithmetic in both passes, so they agree to the bit. */
    private static double netValue(String[] fields, int probabilityColumn, int clvColumn, ToDoubleFunction<String[]> saveRate,
                                   double offerCost) {
        double probability = NumericValues.parseOrNaN(fields[probabilityColumn].strip());
        double clv = NumericValues.parseOrNaN(fields[clvColumn].strip());
        return probability * saveRate.applyAsDouble(fields) * clv - offerCost;
    }

    /**
     * The curve and cut-offs from the valued customers' net values sorted ascending (the best is last). The
     * cumulative net value rises while values are above 0 and falls after, so its maximum is at the number of
     * customers worth contacting (the fewest such customers when the remaining values are 0).
     */
    private static ContactPlan plan(Path snapshot, TargetingRequest request, Path scores, String idColumn, int probability,
                                    int clv, double[] ascending, int valued, long rows) {
        int worthContacting = 0;
        while (worthContacting < valued && ascending[valued - 1 - worthContacting] > 0) {
            worthContacting++;
        }
        boolean limited = !(request.limit() instanceof ContactLimit.None);
        long budgetCutoff = request.limit().cutoff(request.offerCost(), valued);
        long contacts = Math.min(worthContacting, budgetCutoff);
        TreeSet<Long> at = new TreeSet<>(List.of(0L, (long) valued, (long) worthContacting, contacts));
        if (limited) {
            at.add(budgetCutoff);
        }
        long step = Math.max(1, (valued + CURVE_STEPS - 1) / CURVE_STEPS);
        for (long k = step; k < valued; k += step) {
            at.add(k);
        }
        List<CurvePoint> curve = new ArrayList<>(at.size());
        // Summed in rank order, as the list sums its cumulative column, so the two agree to the bit.
        double net = 0;
        long k = 0;
        for (long point : at) {
            for (; k < point; k++) {
                net += ascending[valued - 1 - (int) k];
            }
            double cost = point * request.offerCost();
            curve.add(new CurvePoint(point, net, net + cost, cost));
        }
        TargetingSummary summary = new TargetingSummary(snapshot.getFileName().toString(), request.task().id(), FORMULA, ASSUMPTIONS,
                request.offerCost(), request.saveRate().describe(),
                request.limit() instanceof ContactLimit.Budget budget ? budget.amount() : null,
                request.limit() instanceof ContactLimit.MaxCustomers max ? max.count() : null,
                rows, valued, rows - valued, worthContacting, cutoff(curve, worthContacting),
                limited ? cutoff(curve, budgetCutoff) : null, cutoff(curve, contacts));
        double lowestListed = contacts == 0 ? Double.POSITIVE_INFINITY : ascending[valued - (int) contacts];
        return new ContactPlan(summary, curve, request, scores, idColumn, probability, clv, contacts, lowestListed);
    }

    private static TargetingSummary.Cutoff cutoff(List<CurvePoint> curve, long customers) {
        return curve.stream().filter(point -> point.customers() == customers).findFirst().map(TargetingSummary.Cutoff::of)
                .orElseThrow(() -> new IllegalStateException("every cut-off is a point of the curve"));
    }

    private static int probabilityColumn(Path snapshot, List<String> header, Task task) {
        int probability = header.indexOf(task.id() + "_probability");
        List<TargetingInputException.Problem> problems = new ArrayList<>();
        if (probability < 0) {
            List<String> scored = Arrays.stream(Task.values()).filter(t -> header.contains(t.id() + "_probability")).map(Task::id).toList();
            problems.add(new TargetingInputException.Problem(TargetingField.TASK, "snapshot " + snapshot.getFileName() + " did not score "
                    + task.id() + "; it scored " + (scored.isEmpty() ? "nothing" : String.join(", ", scored))));
        }
        if (!header.contains(CLV)) {
            problems.add(new TargetingInputException.Problem(TargetingField.SNAPSHOT, "snapshot " + snapshot.getFileName()
                    + " has no clv column: rescore a base that carries a clv_<days>d column (features with value columns)"));
        }
        if (!problems.isEmpty()) {
            throw new TargetingInputException(problems);
        }
        return probability;
    }

    private static Path scoresFile(Path snapshot) {
        for (String name : List.of("scores.csv", "scores.csv.gz")) {
            if (Files.isRegularFile(snapshot.resolve(name))) {
                return snapshot.resolve(name);
            }
        }
        throw new TargetingInputException(TargetingField.SNAPSHOT, snapshot + " is not a snapshot: it has no scores.csv");
    }
}
