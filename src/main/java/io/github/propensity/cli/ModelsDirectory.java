// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --models DIR}: where bundles are read and published, the same option and default for every command. */
final class ModelsDirectory {
    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models", description = "model directory (default: ${DEFAULT-VALUE})")
    Path path;

    Path path() {
        return path;
    }
}
