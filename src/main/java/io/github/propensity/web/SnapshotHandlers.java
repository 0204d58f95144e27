// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.SnapshotHistory;
import io.github.propensity.serving.InvalidInputException;
import io.javalin.http.Context;

import java.util.Map;
import java.util.Optional;

/** The snapshot history the dashboard draws: the list, the migration between two snapshots with each cell's customers, and drift. */
final class SnapshotHandlers {
    private final SnapshotHistory history;

    SnapshotHandlers(SnapshotHistory history) {
        this.history = history;
    }

    void list(Context ctx) {
        ctx.json(Map.of("snapshots", history.list()));
    }

    void migration(Context ctx) {
        ctx.json(history.migration(ctx.pathParam("id"), Optional.ofNullable(ctx.queryParam("against"))));
    }

    /** A migration cell's customers as CSV, streamed; the labels are in the query, never a customer id. */
    void migrationCustomers(Context ctx) {
        String dimension = required(ctx, "dimension");
        String from = required(ctx, "from");
        String to = required(ctx, "to");
        String id = ctx.pathParam("id");
        SegmentListWriter writer = SegmentListWriter.csv(ctx, "migration-" + id + "-" + dimension + "-" + from + "-to-" + to);
        history.migrationCustomers(id, Optional.ofNullable(ctx.queryParam("against")), dimension, from, to, writer);
        writer.finish();
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the query parameter '" + name + "' is required");
        }
        return value;
    }

    void drift(Context ctx) {
        ctx.json(history.drift(ctx.pathParam("id")));
    }
}
