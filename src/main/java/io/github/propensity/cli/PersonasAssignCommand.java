// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.personas.PersonaAssigner;
import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "assign", sortOptions = false,
        description = {"Assign every customer of a base to its persona (the current persona model, or --version) and write"
                + " id, persona_id, persona_name to --out. Streams: memory stays flat whatever the number of rows.",
                "The last stdout line is a JSON summary."})
final class PersonasAssignCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    PersonaBaseOptions base;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV to write (.gz for gzip)")
    Path out;

    @Option(names = "--version", paramLabel = "VERSION", description = "persona model version (default: the current one)")
    String version;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: all cores)")
    Integer threads;

    @CommandLine.Mixin
    ModelsDirectory models;

    @Override
    public Integer call() {
        CommandLine commandLine = context.commandLine();
        int threadCount = ThreadCount.resolve(threads, commandLine);
        PersonaStore store = new PersonaStore(models.path());
        PersonaBundle bundle = version == null ? store.loadCurrent() : store.load(version);
        long start = System.nanoTime();
        PersonaAssigner.Summary summary = PersonaAssigner.assign(base.data, base.separator.orDetect(), base.idColumn, bundle.model(), out, threadCount);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter err = commandLine.getErr();
        err.printf(Locale.ROOT, "assigned %,d customers to the %d personas of %s in %.1f s (%,.0f customers/s); wrote %s%n",
                summary.rows(), bundle.model().personas().size(), bundle.version(), seconds, summary.rows() / Math.max(seconds, 1e-9), out);
        Map<String, Object> counts = new LinkedHashMap<>();
        long[] perPersona = summary.counts();
        for (int p = 0; p < perPersona.length; p++) {
            var persona = bundle.model().personas().get(p);
            err.printf(Locale.ROOT, "  %2d  %,10d  %5.1f %%  %s%n", persona.id(), perPersona[p],
                    summary.rows() == 0 ? 0.0 : 100.0 * perPersona[p] / summary.rows(), persona.name());
            counts.put(Integer.toString(persona.id()), perPersona[p]);
        }
        err.flush();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", bundle.version());
        json.put("rows", summary.rows());
        json.put("counts", counts);
        json.put("out", out.toString());
        json.put("seconds", Math.round(seconds * 100) / 100.0);
        commandLine.getOut().println(JsonLine.of(json));
        commandLine.getOut().flush();
        return ExitCode.OK;
    }
}
