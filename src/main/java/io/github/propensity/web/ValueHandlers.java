// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.ValueModels;
import io.javalin.http.Context;

/** The current value model (card and reference) and a snapshot's value bands. */
final class ValueHandlers {
    private final ValueModels value;

    ValueHandlers(ValueModels value) {
        this.value = value;
    }

    void current(Context ctx) {
        ctx.json(value.require());
    }

    void snapshotBands(Context ctx) {
        ctx.json(value.bands(ctx.pathParam("id")));
    }
}
