// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaCard;
import io.github.propensity.personas.PersonaFitter;
import io.github.propensity.personas.PersonaNames;
import io.github.propensity.personas.PersonaSettings;
import io.github.propensity.personas.PersonaStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "fit", sortOptions = false,
        description = {"Fit behavioural personas on a customer base and publish them as a versioned persona bundle"
                + " (<models>/personas/<version>/, made current) with a card a marketer can read (card.md).",
                "A refit keeps the current model's persona ids and names where the personas match, and reports which appeared,"
                        + " merged or vanished. A summary goes to stderr; the last stdout line is a JSON summary."})
final class PersonasFitCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    PersonaBaseOptions base;

    @Option(names = "--k", defaultValue = "auto", paramLabel = "auto|N",
            description = "number of personas, 2 to 20, or auto: chosen in 3..8 by silhouette and bootstrap stability (default: ${DEFAULT-VALUE})")
    String k;

    @CommandLine.ArgGroup(exclusive = true)
    Columns columns;

    static final class Columns {
        @Option(names = "--features", split = ",", paramLabel = "A,B", description = "only these columns may describe a persona")
        List<String> only;

        @Option(names = "--drop", split = ",", paramLabel = "A,B", description = "never use these columns (outcome labels, for one)")
        List<String> drop;
    }

    @Option(names = "--names", paramLabel = "FILE", description = "JSON mapping persona ids to the names (and descriptions) your team chose")
    Path names;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Mixin
    ModelsDirectory models;

    @Override
    public Integer call() {
        CommandLine commandLine = context.commandLine();
        PersonaSettings settings;
        try {
            PersonaSettings.PersonaCount count = k.strip().equalsIgnoreCase("auto") ? new PersonaSettings.Auto()
                    : new PersonaSettings.Fixed(parseK(commandLine));
            PersonaSettings.ColumnSelection selection = columns == null ? new PersonaSettings.AllColumns()
                    : columns.only != null ? new PersonaSettings.OnlyColumns(columns.only) : new PersonaSettings.DropColumns(columns.drop);
            settings = new PersonaSettings(count, selection, base.idColumn, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        Optional<PersonaNames> chosenNames = names == null ? Optional.empty() : Optional.of(PersonaNames.read(names));
        PersonaStore store = new PersonaStore(models.path());
        Optional<PersonaBundle> previous = store.current();
        long start = System.nanoTime();
        PersonaFitter.Fit fit = PersonaFitter.fit(base.data, base.separator.orDetect(), settings, previous,
                chosenNames, models.path());
        double seconds = (System.nanoTime() - start) / 1e9;
        PersonaCard card = store.publish(fit);
        report(commandLine.getErr(), card, seconds);
        commandLine.getOut().println(JsonLine.of(summary(card, seconds)));
        commandLine.getOut().flush();
        return ExitCode.OK;
    }

    private int parseK(CommandLine commandLine) {
        try {
            return Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(commandLine, "--k must be auto or a whole number from "
                    + PersonaSettings.MIN_K + " to " + PersonaSettings.MAX_K + ", not '" + k + "'");
        }
    }

    private void report(PrintWriter err, PersonaCard card, double seconds) {
        err.printf(Locale.ROOT, "%d personas of %,d customers (%s) in %.1f s%n", card.personas().size(), card.data().rows(),
                card.k().reason(), seconds);
        for (PersonaCard.PersonaProfile persona : card.personas()) {
            err.printf(Locale.ROOT, "  %2d  %5.1f %%  %s%n", persona.id(), 100 * persona.share(), persona.name());
        }
        PersonaCard.Refit refit = card.refit();
        if (refit != null) {
            err.printf(Locale.ROOT, "refit of %s: agreement (ARI) %.3f; appeared %s, vanished %s, merged %s%n", refit.previousVersion(),
                    refit.agreement(), refit.appeared(), refit.vanished(),
                    refit.merged().stream().map(m -> m.id() + "->" + m.into()).toList());
        }
        card.notes().forEach(note -> err.println("note: " + note));
        err.printf(Locale.ROOT, "published persona model %s in %s (current); card: %s%n", card.version(),
                models.path().resolve(PersonaStore.KIND).resolve(card.version()), PersonaStore.CARD_MARKDOWN);
        err.flush();
    }

    private static Map<String, Object> summary(PersonaCard card, double seconds) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", card.version());
        summary.put("rows", card.data().rows());
        summary.put("k", card.personas().size());
        summary.put("personas", card.personas().stream().map(p -> Map.of("id", p.id(), "name", p.name(), "share", p.share())).toList());
        if (card.refit() != null) {
            summary.put("refit_agreement", card.refit().agreement());
            summary.put("appeared", card.refit().appeared());
            summary.put("vanished", card.refit().vanished());
        }
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        return summary;
    }
}
