// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the main sources and fails when a package reaches up: every reference to another project package (an
 * import or a fully qualified name in the code) must point to a lower layer. The order is the README's.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/propensity");
    /** Layer of each top-level package; a package may use only packages of a strictly lower layer (and its own). */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("", 0), Map.entry("storage", 1), Map.entry("data", 2),
            Map.entry("features", 3), Map.entry("evaluation", 3), Map.entry("model", 4),
            Map.entry("training", 5), Map.entry("sample", 5), Map.entry("value", 5), Map.entry("campaign", 5), Map.entry("scoring", 6), Map.entry("transactions", 6), Map.entry("uplift", 6),
            Map.entry("lookalike", 7), Map.entry("targeting", 7), Map.entry("backtest", 7), Map.entry("personas", 7), Map.entry("serving", 8), Map.entry("web", 9), Map.entry("cli", 10));
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.propensity\\.([a-z][a-z0-9]*)\\b");
    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^package [^;]+;");

    @Test
    void everyPackageUsesOnlyLowerLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String from = topPackage(file);
            assertTrue(LAYER.containsKey(from), "package '" + from + "' has no layer in this test; add it here and to the README");
            String code = PACKAGE_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceFirst("");
            Matcher reference = REFERENCE.matcher(code);
            while (reference.find()) {
                String to = reference.group(1);
                if (!LAYER.containsKey(to) || to.equals(from)) {
                    continue;
                }
                if (LAYER.get(to) >= LAYER.get(from)) {
                    violations.add(SOURCES.relativize(file) + " (" + layerName(from) + ") uses " + to);
                }
            }
        }
        assertEquals(List.of(), violations, "lower layers must not import higher ones");
    }

    @Test
    void bundleDefinitionNeverImportsWhatFitsOrServesIt() throws IOException {
        List<String> lower = List.of("data", "features", "evaluation", "model", "storage");
        List<String> higher = List.of("training", "scoring", "serving", "lookalike", "targeting", "backtest", "web", "cli", "transactions", "sample", "value", "campaign", "uplift", "personas");
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!lower.contains(topPackage(file))) {
                continue;
            }
            String code = Files.readString(file, StandardCharsets.UTF_8);
            for (String package_ : higher) {
                if (code.contains("io.github.propensity." + package_ + ".")) {
                    violations.add(SOURCES.relativize(file) + " uses " + package_);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheWebPackageImportsJavalinAndNothingImportsTheCommandLine() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String from = topPackage(file);
            String code = Files.readString(file, StandardCharsets.UTF_8);
            if (!from.equals("web") && !from.equals("cli") && (code.contains("io.javalin") || code.contains("org.eclipse.jetty"))) {
                violations.add(SOURCES.relativize(file) + " imports Javalin or Jetty");
            }
            if (!from.equals("cli") && code.contains("io.github.propensity.cli.")) {
                violations.add(SOURCES.relativize(file) + " imports the command line");
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageSaysWhatItHoldsInAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> directories = Files.walk(SOURCES)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(directory)) {
                    hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(directory.resolve("package-info.java"))) {
                    missing.add(SOURCES.relativize(directory).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "packages without a package-info.java");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String topPackage(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.getNameCount() == 0 || relative.toString().isEmpty() ? "" : relative.getName(0).toString();
    }

    private static String layerName(String topPackage) {
        return topPackage.isEmpty() ? "root" : topPackage;
    }
}
