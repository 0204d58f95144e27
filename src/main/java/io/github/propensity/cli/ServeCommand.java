// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.lookalike.PoolSource;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentPolicyFile;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.CustomerScorer;
import io.github.propensity.serving.LookalikeService;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.PoolRegistry;
import io.github.propensity.serving.SegmentLists;
import io.github.propensity.serving.SnapshotHistory;
import io.github.propensity.serving.TargetingService;
import io.github.propensity.targeting.ContactPlanner;
import io.github.propensity.web.ApiServer;
import io.github.propensity.web.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.ArrayList;
import java.util.List;

@Command(name = "serve", sortOptions = false,
        description = {"Serve scores, segments and at-risk lists over HTTP (see /openapi.json).",
                "Binds 127.0.0.1 unless told otherwise; any other address needs --keys. Picks up promoted models and new "
                        + "snapshots without a restart; stops gracefully on SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    ModelsDirectory models;

    @Option(names = "--snapshots", paramLabel = "DIR", defaultValue = "snapshots", description = "snapshot directory (default: ${DEFAULT-VALUE})")
    Path snapshots;

    @Option(names = "--host", defaultValue = ServerSettings.LOOPBACK, description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--keys", paramLabel = "FILE", description = "API keys file (see: propensity keys add); requests then need a key")
    Path keys;

    @Option(names = "--segments", paramLabel = "FILE", description = "segment rules for POST /v1/score and for ranking segment lists (default: built-in)")
    Path segments;

    @Option(names = "--pool", paramLabel = "FILE", description = "customer base with features, for POST /v1/lookalike; read once, reloaded when the file changes")
    Path pool;

    @Option(names = "--pool-id", defaultValue = "customer_id", paramLabel = "COLUMN", description = "id column of --pool (default: ${DEFAULT-VALUE})")
    String poolId;

    @Option(names = "--pool-drop", split = ",", paramLabel = "COLUMN", description = "--pool columns that are not features (e.g. outcomes)")
    List<String> poolDrop = new ArrayList<>();

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "4194304", description = "largest request body (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--reload-interval", paramLabel = "MS", defaultValue = "2000", description = "how often to look for promoted models, new snapshots and a changed --pool (default: ${DEFAULT-VALUE})")
    long reloadMillis;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        try {
            settings = new ServerSettings(host, port, maxBody, keys != null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(context.commandLine(), e.getMessage());
        }
        SegmentPolicy policy = segments == null ? SegmentPolicy.defaults() : SegmentPolicyFile.read(segments);
        ApiKeys apiKeys = keys == null ? null : ApiKeys.load(keys);
        ModelRegistry registry = new ModelRegistry(models.path(), snapshots, policy.bands(), reloadMillis);
        Optional<PoolRegistry> pools = Optional.ofNullable(pool)
                .map(file -> PoolRegistry.start(PoolSource.of(file, poolId, poolDrop, true), reloadMillis));
        LookalikeService lookalikes = pools.map(LookalikeService::over).orElseGet(LookalikeService::withoutPool);
        ApiServer server = new ApiServer(settings, registry, new CustomerScorer(policy), new SegmentLists(policy), lookalikes,
                new TargetingService(new ContactPlanner()), new BacktestLedger(snapshots), new SnapshotHistory(snapshots), apiKeys).start();
        log.info("serving on http://{}:{} ({} models loaded{})", settings.host(), server.port(), registry.current().models().size(),
                apiKeys == null ? "" : ", " + apiKeys.size() + " API keys");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: finishing requests in flight");
            server.stop();
            registry.close();
            pools.ifPresent(PoolRegistry::close);
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return ExitCode.OK;
    }
}
