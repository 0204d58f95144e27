// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.cli.ExitCode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code to-parquet}: a CSV base as a Parquet folder, for trying the job (and its benchmark) on a base that is not in
 * a lake yet. Columns stay text, as the CLI reads them, unless {@code --typed} lets Spark infer types, as a lake's
 * tables usually have them.
 */
@Command(name = "to-parquet", mixinStandardHelpOptions = true,
        description = {"Copies a CSV base (with a header) to a Parquet folder.",
                "The last stdout line is a JSON summary."})
final class ToParquetCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "URI", description = "the CSV file or folder")
    String data;

    @Option(names = "--out", required = true, paramLabel = "URI", description = "the Parquet folder to make (must not exist)")
    String out;

    @Option(names = "--typed", description = "infer column types (numbers, booleans) instead of keeping every column as text")
    boolean typed;

    @Option(names = "--files", paramLabel = "N", description = "write N files (default: one per partition Spark read)")
    Integer files;

    @Override
    public Integer call() {
        if (files != null && files < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--files must be at least 1");
        }
        SparkSession spark = SparkSession.builder().appName("propensity to-parquet").getOrCreate();
        Dataset<Row> base = spark.read().option("header", "true").option("inferSchema", String.valueOf(typed)).csv(data);
        if (files != null) {
            base = base.repartition(files);
        }
        base.write().parquet(out);
        long rows = spark.read().parquet(out).count();
        spec.commandLine().getOut().println("{\"out\":\"" + out.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"rows\":" + rows + "}");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
