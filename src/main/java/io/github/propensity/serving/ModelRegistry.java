// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.storage.BundleException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.scoring.BandCutoffs;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.scoring.PreparedPersona;
import io.github.propensity.scoring.PreparedUplift;
import io.github.propensity.scoring.SnapshotStore;
import io.github.propensity.model.Task;
import io.github.propensity.uplift.UpliftBundle;
import io.github.propensity.uplift.UpliftStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the served models and snapshot current. A background check every few seconds compares each task's and each
 * uplift campaign's and the persona model's {@code CURRENT} pointer and the snapshots' {@code LATEST} with what is loaded; a changed model is loaded and
 * verified first and only then swapped in with one atomic reference write. Requests in flight keep the view they
 * started with, so none fails or mixes models during a swap; a damaged new bundle is logged and the old one kept.
 */
public final class ModelRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final ModelStore store;
    private final UpliftStore upliftStore;
    private final PersonaStore personaStore;
    private final BundleLoader loader;
    private final SnapshotStore snapshots;
    private final BandCutoffs cutoffs;
    private final AtomicReference<LoadedModels> current = new AtomicReference<>();
    private final PeriodicCheck poller;

    /** Reads one version of a task's bundle. */
    @FunctionalInterface
    interface BundleLoader {
        ModelBundle load(ModelStore store, Task task, String version);
    }

    public ModelRegistry(Path models, Path snapshotsRoot, BandCutoffs cutoffs, long pollMillis) {
        this(models, snapshotsRoot, cutoffs, pollMillis, ModelStore::load);
    }

    /** @param loader reads one bundle version from the store (tests pass one that fails) */
    ModelRegistry(Path models, Path snapshotsRoot, BandCutoffs cutoffs, long pollMillis, BundleLoader loader) {
        this.store = new ModelStore(models);
        this.upliftStore = new UpliftStore(models);
        this.personaStore = new PersonaStore(models);
        this.loader = loader;
        this.snapshots = new SnapshotStore(snapshotsRoot);
        this.cutoffs = cutoffs;
        current.set(new LoadedModels(Map.of(), null));
        refresh();
        this.poller = new PeriodicCheck("model", pollMillis, this::refresh);
    }

    /** The model directory, for the bundles read on request rather than kept loaded (the value model). */
    public Path modelsRoot() {
        return store.root();
    }

    /** The view a request should use from start to finish. */
    public LoadedModels current() {
        return current.get();
    }

    /** Loads whatever changed on disk; returns true when the view changed. */
    public synchronized boolean refresh() {
        LoadedModels before = current.get();
        Map<Task, PreparedModel> models = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            PreparedModel loaded = before.models().get(task);
            Optional<String> version = store.currentVersion(task);
            if (version.isEmpty()) {
                continue;
            }
            if (loaded != null && loaded.version().equals(version.get())) {
                models.put(task, loaded);
                continue;
            }
            try {
                models.put(task, PreparedModel.inInputOrder(task, loader.load(store, task, version.get()), cutoffs));
                log.info("serving {} model {}", task, version.get());
            } catch (BundleException e) {
                log.error("cannot load {} model {}: {}; keeping {}", task, version.get(), e.getMessage(),
                        loaded == null ? "none" : loaded.version());
                if (loaded != null) {
                    models.put(task, loaded);
                }
            }
        }
        Map<String, PreparedUplift> campaigns = refreshCampaigns(before);
        Path latest = snapshots.latest().orElse(null);
        LoadedModels after = new LoadedModels(models, latest, campaigns, refreshPersonas(before));
        boolean changed = !after.equals(before);
        if (changed) {
            current.set(after);
        }
        return changed;
    }

    /**
     * The current uplift model of every campaign, loaded the way task models are: an unchanged version is kept, a
     * new one verified before it is served, and a damaged one logged while the one before it keeps serving.
     */
    private Map<String, PreparedUplift> refreshCampaigns(LoadedModels before) {
        Map<String, PreparedUplift> campaigns = new TreeMap<>();
        for (String campaign : upliftStore.campaignsWithCurrent()) {
            PreparedUplift loaded = before.campaigns().get(campaign);
            Optional<String> version = upliftStore.currentVersion(campaign);
            if (version.isEmpty()) {
                continue;
            }
            if (loaded != null && loaded.version().equals(version.get())) {
                campaigns.put(campaign, loaded);
                continue;
            }
            try {
                UpliftBundle bundle = upliftStore.load(campaign, version.get());
                campaigns.put(campaign, PreparedUplift.inInputOrder(campaign, bundle.version(), bundle.model()));
                log.info("serving uplift model {} of campaign {}", version.get(), campaign);
            } catch (BundleException e) {
                log.error("cannot load uplift model {} of campaign {}: {}; keeping {}", version.get(), campaign, e.getMessage(),
                        loaded == null ? "none" : loaded.version());
                if (loaded != null) {
                    campaigns.put(campaign, loaded);
                }
            }
        }
        return campaigns;
    }

    /** The current persona model, loaded like the others: kept when unchanged, verified before a new one is served. */
    private Optional<ServedPersonas> refreshPersonas(LoadedModels before) {
        Optional<ServedPersonas> loaded = before.personas();
        Optional<String> version = personaStore.currentVersion();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        if (loaded.isPresent() && loaded.get().version().equals(version.get())) {
            return loaded;
        }
        try {
            PersonaBundle bundle = personaStore.load(version.get());
            log.info("serving persona model {}", version.get());
            return Optional.of(new ServedPersonas(PreparedPersona.inInputOrder(bundle.version(), bundle.model()), bundle.card()));
        } catch (BundleException e) {
            log.error("cannot load persona model {}: {}; keeping {}", version.get(), e.getMessage(),
                    loaded.map(ServedPersonas::version).orElse("none"));
            return loaded;
        }
    }

    /** Checks that failed since start; each was logged and the check after it ran as usual. */
    public long refreshFailures() {
        return poller.failures();
    }

    @Override
    public void close() {
        poller.close();
    }
}
