// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.Persona;
import io.github.propensity.model.PersonaModel;
import io.github.propensity.model.PersonaSpace;
import io.github.propensity.model.SpaceDimension;
import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.SchemaInference;
import io.github.propensity.features.BooleanColumn;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.NumericColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits personas on a customer base:
 * <ol>
 *   <li>read a uniform sample of up to {@value #SAMPLE_ROWS} rows in one streaming pass; infer the schema;</li>
 *   <li>build the persona space on every candidate column and screen out columns without group structure
 *       ({@link ColumnScreen}); refit the space on the kept columns;</li>
 *   <li>cluster with k-means (several seeded restarts) for the given k or each k in 3..8, measuring separation and
 *       bootstrap stability ({@link KSelection});</li>
 *   <li>carry ids and names over from the current model ({@link RefitMatching}), apply a team's names, and profile
 *       every persona for the card.</li>
 * </ol>
 */
public final class PersonaFitter {
    private static final Logger log = LoggerFactory.getLogger(PersonaFitter.class);
    /** Rows read for fitting and profiling; beyond this a uniform sample describes the base to within a percent. */
    static final int SAMPLE_ROWS = 100_000;
    /** Rows k-means runs on (drawn from the sample); every sampled row is then assigned to its nearest centroid. */
    static final int CLUSTER_ROWS = 50_000;
    /** Rows the column screen clusters. */
    static final int SCREEN_ROWS = 10_000;
    /** Every persona needs at least this many customers on average, or the profiles are noise. */
    public static final int MIN_ROWS_PER_PERSONA = 50;
    static final int RESTARTS = 10;
    static final int AUTO_RESTARTS = 4;
    /** Clusters the column screen looks for when k is chosen automatically. */
    static final int SCREEN_K = 4;
    /** At least this many columns are kept, the best separated, even when fewer pass the screen. */
    static final int MIN_COLUMNS = 2;

    private PersonaFitter() {
    }

    /** A fitted model and its card (without version and creation time, which publishing sets). */
    public record Fit(PersonaModel model, PersonaCard card) {
    }

    /**
     * @param previous the current persona model, if any, to keep ids and names from
     * @param names    a team's names to apply, if given
     * @param models   where to look for propensity models to profile the personas with
     */
    public static Fit fit(Path data, Character separator, PersonaSettings settings, Optional<PersonaBundle> current,
                          Optional<PersonaNames> names, Path models) {
        Optional<RefitMatching.Previous> previous = current.map(PersonaBundle::asPrevious);
        BaseSample sample = BaseSample.read(data, separator, SAMPLE_ROWS, settings.seed());
        CustomerTable table = sample.table();
        log.info("read {} rows of {}; fitting on {}", sample.rows(), data.getFileName(), table.rowCount());
        if (table.columnIndex(settings.idColumn()) < 0) {
            throw DataException.inFile(data, "has no id column '" + settings.idColumn() + "' (columns: " + table.header() + ")");
        }
        int largestK = settings.count() instanceof PersonaSettings.Fixed fixed ? fixed.k() : KSelection.MIN_AUTO_K;
        if (sample.rows() < (long) largestK * MIN_ROWS_PER_PERSONA) {
            throw DataException.inFile(data, "has " + sample.rows() + " rows; " + largestK + " personas need at least "
                    + largestK * MIN_ROWS_PER_PERSONA + " (" + MIN_ROWS_PER_PERSONA + " customers per persona)");
        }
        List<ColumnDecision> decisions = SchemaInference.infer(table, notFeatures(table, settings, data));
        List<ColumnDecision> candidates = decisions.stream().filter(ColumnDecision::isFeature).toList();
        if (candidates.isEmpty()) {
            throw DataException.inFile(data, "no usable feature columns: every column is the id, dropped, constant or identifier-like");
        }
        int[] allRows = IntStream.range(0, table.rowCount()).toArray();
        PersonaSpaceFitter.Fitted everything = PersonaSpaceFitter.fit(table, candidates, allRows);
        if (everything.space() == null) {
            throw DataException.inFile(data, "no usable feature columns: every candidate column has no spread " + everything.withoutSpread());
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        int screenK = settings.count() instanceof PersonaSettings.Fixed fixed ? fixed.k() : SCREEN_K;
        double[][] screenPoints = KSelection.sample(everything.coordinates(), Math.min(SCREEN_ROWS, table.rowCount()), random);
        Map<String, Double> separation = ColumnScreen.separation(everything.space(), screenPoints, screenK, settings.seed());
        Set<String> kept = keptColumns(separation);
        List<ColumnDecision> keptDecisions = candidates.stream().filter(d -> kept.contains(d.name())).toList();
        log.info("kept {} of {} candidate columns (separation by clusters of the others at least {})", kept.size(),
                separation.size(), ColumnScreen.MIN_SEPARATION);
        PersonaSpaceFitter.Fitted fitted = PersonaSpaceFitter.fit(table, keptDecisions, allRows);
        double[][] coordinates = fitted.coordinates();
        double[][] clusterPoints = KSelection.sample(coordinates, Math.min(CLUSTER_ROWS, coordinates.length), random);

        List<KSelection.Candidate> figures = new ArrayList<>();
        Map<Integer, double[][]> fits = new LinkedHashMap<>();
        KSelection.Choice choice;
        String requested;
        if (settings.count() instanceof PersonaSettings.Fixed fixed) {
            requested = Integer.toString(fixed.k());
            double[][] centroids = Centroids.fit(clusterPoints, fixed.k(), settings.seed(), RESTARTS);
            fits.put(fixed.k(), centroids);
            figures.add(KSelection.measure(clusterPoints, centroids, settings.seed(), RESTARTS));
            choice = new KSelection.Choice(figures, fixed.k(), "k = " + fixed.k() + " as requested");
        } else {
            requested = "auto";
            int most = (int) Math.min(KSelection.MAX_AUTO_K, sample.rows() / MIN_ROWS_PER_PERSONA);
            for (int k = KSelection.MIN_AUTO_K; k <= most; k++) {
                double[][] centroids = Centroids.fit(clusterPoints, k, settings.seed(), AUTO_RESTARTS);
                fits.put(k, centroids);
                KSelection.Candidate candidate = KSelection.measure(clusterPoints, centroids, settings.seed(), AUTO_RESTARTS);
                log.info("k = {}: silhouette {}, stability {}", k, fmt(candidate.silhouette()), fmt(candidate.stability()));
                figures.add(candidate);
            }
            choice = KSelection.choose(figures);
        }
        int k = choice.chosen();
        double[][] centroids = fits.get(k);
        int[] labels = Centroids.nearest(coordinates, centroids);
        log.info("{} personas ({})", k, choice.reason());

        List<List<PersonaCard.Distinction>> distinctions = PersonaProfiler.distinctions(fitted.space(), coordinates, labels, k);
        List<String> generated = new ArrayList<>();
        for (List<PersonaCard.Distinction> distinction : distinctions) {
            generated.add(PersonaNaming.generate(distinction, fitted.space()));
        }
        generated = PersonaNaming.distinct(generated);

        int[] ids = IntStream.rangeClosed(1, k).toArray();
        Persona[] continued = new Persona[k];
        PersonaCard.Refit refit = null;
        List<String> notes = new ArrayList<>();
        long passed = separation.values().stream().filter(eta -> eta >= ColumnScreen.MIN_SEPARATION).count();
        if (passed < MIN_COLUMNS) {
            notes.add("only " + passed + " column(s) passed the structure screen; the " + kept.size() + " best separated were kept,"
                    + " so these personas rest on little structure shared across columns");
        }
        if (previous.isPresent()) {
            Optional<RefitMatching.Result> matched = RefitMatching.match(previous.get(), table, labels, k);
            if (matched.isPresent()) {
                ids = matched.get().ids();
                continued = matched.get().source();
                refit = matched.get().report();
            } else {
                notes.add("the previous persona model " + previous.get().version() + " reads columns this base lacks; ids start afresh");
            }
        }
        List<Persona> personas = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            Persona persona = continued[g] != null
                    ? new Persona(ids[g], continued[g].name(), continued[g].description(), continued[g].nameSource(), centroids[g])
                    : new Persona(ids[g], generated.get(g), "", Persona.NameSource.GENERATED, centroids[g]);
            personas.add(persona);
        }
        if (names.isPresent()) {
            Set<Integer> known = new HashSet<>();
            personas.forEach(p -> known.add(p.id()));
            names.get().requireKnown(known);
            for (int g = 0; g < k; g++) {
                PersonaNames.Chosen chosen = names.get().byId().get(personas.get(g).id());
                if (chosen != null) {
                    personas.set(g, personas.get(g).renamed(chosen.name(), chosen.description(), Persona.NameSource.TEAM));
                }
            }
        }
        PersonaModel model = new PersonaModel(fitted.space(), personas, settings.seed());

        OutcomeMeans.Means outcomes = OutcomeMeans.of(table, labels, k, models);
        notes.addAll(outcomes.notes());
        List<FeatureColumn> profiled = everything.space().schema().columns();
        List<List<PersonaCard.FeatureProfile>> features = PersonaProfiler.profiles(table, profiled, labels, k);
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        List<PersonaCard.PersonaProfile> profiles = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            Persona persona = personas.get(g);
            double share = (double) sizes[g] / labels.length;
            profiles.add(new PersonaCard.PersonaProfile(persona.id(), persona.name(), persona.description(), persona.nameSource(),
                    Math.round(share * sample.rows()), PersonaProfiler.round(share, 4), distinctions.get(g), features.get(g),
                    outcomes.probabilities().get(g), outcomes.values()[g]));
        }
        if (table.rowCount() < sample.rows()) {
            notes.add(String.format(Locale.ROOT, "fitted and profiled on a uniform random sample of %d of the base's %d rows;"
                    + " sizes are the sample's shares times the base's rows", table.rowCount(), sample.rows()));
        }
        if (outcomes.valueColumn() != null) {
            notes.add("mean value is the mean of the base's " + outcomes.valueColumn() + " column");
        }
        PersonaCard card = new PersonaCard(null, null,
                new PersonaCard.DataSource(data.getFileName().toString(), table.sha256(), sample.rows(), table.rowCount()),
                settings.seed(), columnReports(decisions, everything, fitted.space(), separation, kept), ColumnScreen.CRITERION,
                new PersonaCard.KReport(requested, k, choice.reason(), roundFigures(choice.candidates())), profiles, refit, notes);
        return new Fit(model, card);
    }

    private static Map<String, String> notFeatures(CustomerTable table, PersonaSettings settings, Path data) {
        Map<String, String> notFeatures = new LinkedHashMap<>();
        notFeatures.put(settings.idColumn(), "the customer id");
        List<String> named = settings.columns() instanceof PersonaSettings.OnlyColumns only ? only.names()
                : settings.columns() instanceof PersonaSettings.DropColumns drop ? drop.names() : List.of();
        for (String name : named) {
            if (table.columnIndex(name) < 0) {
                throw DataException.inFile(data, "has no column '" + name + "' (named by --features or --drop)");
            }
        }
        if (settings.columns() instanceof PersonaSettings.OnlyColumns only) {
            for (String column : table.header()) {
                if (!only.names().contains(column)) {
                    notFeatures.putIfAbsent(column, "not in --features");
                }
            }
        } else {
            named.forEach(name -> notFeatures.putIfAbsent(name, "dropped with --drop"));
        }
        return notFeatures;
    }

    private static Set<String> keptColumns(Map<String, Double> separation) {
        Set<String> kept = new HashSet<>();
        separation.forEach((column, eta) -> {
            if (eta >= ColumnScreen.MIN_SEPARATION) {
                kept.add(column);
            }
        });
        if (kept.size() < MIN_COLUMNS) {
            separation.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MIN_COLUMNS).forEach(e -> kept.add(e.getKey()));
        }
        return kept;
    }

    private static List<PersonaCard.ColumnReport> columnReports(List<ColumnDecision> decisions, PersonaSpaceFitter.Fitted everything,
                                                                PersonaSpace space, Map<String, Double> separation, Set<String> kept) {
        List<PersonaCard.ColumnReport> reports = new ArrayList<>();
        for (ColumnDecision decision : decisions) {
            String name = decision.name();
            Double eta = separation.containsKey(name) ? PersonaProfiler.round(separation.get(name), 4) : null;
            String decided;
            if (!decision.isFeature()) {
                decided = "left out: " + decision.exclusion();
            } else if (everything.withoutSpread().contains(name)) {
                decided = "left out: no spread between its 1st and 99th percentiles";
            } else if (!kept.contains(name)) {
                decided = "left out: clusters of the other columns do not separate it (no group structure)";
            } else {
                decided = "kept";
            }
            reports.add(new PersonaCard.ColumnReport(name, decision.kind().label(), transform(space, everything.space(), name), eta, decided));
        }
        return reports;
    }

    private static String transform(PersonaSpace kept, PersonaSpace all, String column) {
        PersonaSpace space = kept.columns().contains(column) ? kept : all;
        List<SpaceDimension> dimensions = space.dimensions().stream().filter(d -> d.column().equals(column)).toList();
        if (dimensions.isEmpty()) {
            return "";
        }
        SpaceDimension first = dimensions.get(0);
        FeatureColumn input = space.schema().columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
        if (input instanceof BooleanColumn) {
            return "0/1 flag, standardized";
        }
        if (!(input instanceof NumericColumn)) {
            return "one-hot " + dimensions.size() + " level(s), centred, block scaled to one column's weight";
        }
        return String.format(Locale.ROOT, first.log1p() ? "log1p, winsorized to [%.4g, %.4g] on the log scale, standardized"
                : "winsorized to [%.4g, %.4g], standardized",
                first.low(), first.high());
    }

    private static List<KSelection.Candidate> roundFigures(List<KSelection.Candidate> candidates) {
        return candidates.stream().map(c -> new KSelection.Candidate(c.k(), PersonaProfiler.round(c.silhouette(), 4),
                PersonaProfiler.round(c.stability(), 4))).toList();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
