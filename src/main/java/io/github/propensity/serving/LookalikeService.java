// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.lookalike.Audience;
import io.github.propensity.lookalike.AudienceSize;
import io.github.propensity.lookalike.AudienceSpec;
import io.github.propensity.lookalike.ExportFormat;
import io.github.propensity.lookalike.LookalikeBuilder;
import io.github.propensity.lookalike.SeedIds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lookalike audiences on request: seed ids in, audience out, through exactly the same builder, rules and checks as
 * the {@code lookalike} command, over the pool the {@link PoolRegistry} keeps loaded. Everything stays in memory.
 */
public final class LookalikeService {
    /** The card's name for where the seed came from. */
    static final String SEED_SOURCE = "request";

    private final Optional<PoolRegistry> pools;
    private final LookalikeBuilder builder = new LookalikeBuilder();

    private LookalikeService(Optional<PoolRegistry> pools) {
        this.pools = pools;
    }

    /** A server started without a pool: lookalike requests are refused as not found. */
    public static LookalikeService withoutPool() {
        return new LookalikeService(Optional.empty());
    }

    public static LookalikeService over(PoolRegistry pools) {
        return new LookalikeService(Optional.of(pools));
    }

    /** Whether the server was started with a pool, so the dashboard offers the lookalike form. */
    public boolean hasPool() {
        return pools.isPresent();
    }

    /**
     * Builds an audience from a request body {@code {"seed": [ids], "size": "5%", "suppress": [ids],
     * "include_seed": false, "export": "plain", "min_seed": 100, "random_seed": 42}}.
     */

    public Audience build(JsonNode body) {
        PoolRegistry registry = pools.orElseThrow(() ->
                new NotFoundException("no pool is configured; start the server with --pool BASE.csv --pool-id COLUMN"));
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object with 'seed' (a list of customer ids) and 'size'");
        }
        List<String> seed = ids(body.get("seed"), "seed");
        if (seed.isEmpty()) {
            throw new InvalidInputException("'seed' must be a non-empty list of customer ids");
        }
        Set<String> suppress = body.has("suppress") ? new HashSet<>(ids(body.get("suppress"), "suppress")) : Set.of();
        AudienceSpec spec = new AudienceSpec(AudienceSize.parse(body.path("size").asText("5%")), body.path("include_seed").asBoolean(false),
                suppress, ExportFormat.parse(body.path("export").asText("plain")), body.path("min_seed").asInt(100),
                AudienceSpec.HOLDOUT_SHARE, body.path("random_seed").asLong(42));
        return builder.build(registry.current(), SeedIds.of(SEED_SOURCE, seed), spec);
    }

    private static List<String> ids(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException("'" + field + "' must be a list of customer ids");
        }
        List<String> ids = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            if (!id.isTextual() && !id.isNumber()) {
                throw new InvalidInputException("'" + field + "' must hold ids as text or numbers");
            }
            if (id.asText().isBlank()) {
                throw new InvalidInputException("'" + field + "' must hold non-empty customer ids");
            }
            ids.add(id.asText().strip());
        }
        return ids;
    }
}
