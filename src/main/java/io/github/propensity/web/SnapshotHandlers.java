// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.SnapshotHistory;
import io.javalin.http.Context;

import java.util.Map;

/** The snapshot history the dashboard draws: the list, a snapshot's stored migration and its drift. */
final class SnapshotHandlers {
    private final SnapshotHistory history;

    SnapshotHandlers(SnapshotHistory history) {
        this.history = history;
    }

    void list(Context ctx) {
        ctx.json(Map.of("snapshots", history.list()));
    }

    void migration(Context ctx) {
        ctx.json(history.migration(ctx.pathParam("id")));
    }

    void drift(Context ctx) {
        ctx.json(history.drift(ctx.pathParam("id")));
    }
}
