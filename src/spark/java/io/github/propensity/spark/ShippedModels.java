// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.scoring.CampaignModel;
import io.github.propensity.scoring.PersonaChoice;
import io.github.propensity.scoring.RunModels;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.Sha256;
import io.github.propensity.storage.VersionedBundles;
import io.github.propensity.uplift.UpliftStore;
import io.github.propensity.value.ValueStore;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bundles a run scores with, as the bytes of their files, read on the driver after its stores verified them:
 * each task's current bundle, the current value model (bands a CLV column), the campaigns' uplift models and the
 * persona model. Broadcast to the executors, which write them to a local folder laid out as a model store and load
 * them through the same stores again, so an executor verifies each file's hash exactly as the CLI does and no
 * executor needs the driver's file system.
 *
 * @param files     relative path (kind/version/file, and kind/CURRENT) to its bytes
 * @param tasks     the tasks, in the order the scores carry them
 * @param campaigns the uplift models, in the order of their columns
 * @param persona   the persona model, or none
 * @param sha256    one hash over every path and byte, naming this set of models on the executors
 */
record ShippedModels(Map<String, byte[]> files, List<Task> tasks, List<Campaign> campaigns, Persona persona, String sha256)
        implements Serializable {
    ShippedModels {
        files = new TreeMap<>(files);
        tasks = List.copyOf(tasks);
        campaigns = List.copyOf(campaigns);
        Objects.requireNonNull(persona, "persona");
    }

    /** A campaign's uplift model version, and whether the user named it or the run found it. */
    record Campaign(String campaign, String version, CampaignModel.Selection selection) implements Serializable {
    }

    /** The persona model a run ships, if any. */
    sealed interface Persona extends Serializable {
        record None() implements Persona {
        }

        record Model(String version, PersonaChoice.Selection selection) implements Persona {
        }
    }

    /**
     * Takes the files of the bundles the driver loaded: {@code loaded} each task's (verified by the store), the
     * campaigns' and persona model chosen, and the current value model of {@code models} if there is one.
     */
    static ShippedModels read(Path models, Map<Task, ModelBundle> loaded, List<CampaignModel> campaigns, Optional<PersonaChoice> persona) {
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<Task, ModelBundle> task : loaded.entrySet()) {
            take(files, models, task.getKey().id(), task.getValue().version());
        }
        Optional<String> value = new ValueStore(models).currentVersion();
        value.ifPresent(version -> take(files, models, ValueStore.KIND, version));
        List<Campaign> shippedCampaigns = new ArrayList<>();
        for (CampaignModel campaign : campaigns) {
            take(files, models, UpliftStore.KIND_FOLDER + "/" + campaign.campaign(), campaign.version());
            shippedCampaigns.add(new Campaign(campaign.campaign(), campaign.version(), campaign.selection()));
        }
        persona.ifPresent(choice -> take(files, models, PersonaStore.KIND, choice.version()));
        Persona shippedPersona = persona.<Persona>map(choice -> new Persona.Model(choice.version(), choice.selection()))
                .orElse(new Persona.None());
        MessageDigest digest = Sha256.newDigest();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return new ShippedModels(files, List.copyOf(loaded.keySet()), shippedCampaigns, shippedPersona, Sha256.hex(digest));
    }

    /** Takes one bundle's files and a CURRENT pointer at it; the store that loads them checks every file's hash. */
    private static void take(Map<String, byte[]> files, Path models, String kind, String version) {
        Path directory = models.resolve(kind).resolve(version);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                files.put(kind + "/" + version + "/" + file.getFileName(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model bundle " + directory + ": " + e.getMessage(), e);
        }
        files.put(kind + "/" + VersionedBundles.CURRENT_POINTER, (version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the files under {@code root} and loads every bundle from there, verified by its store. */
    RunModels loadInto(Path root) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the models under " + root + ": " + e.getMessage(), e);
        }
        ModelStore store = new ModelStore(root);
        Map<Task, ModelBundle> bundles = new LinkedHashMap<>();
        for (Task task : tasks) {
            bundles.put(task, store.loadCurrent(task));
        }
        UpliftStore uplift = new UpliftStore(root);
        List<CampaignModel> loadedCampaigns = new ArrayList<>();
        for (Campaign campaign : campaigns) {
            loadedCampaigns.add(new CampaignModel(campaign.campaign(), campaign.version(),
                    uplift.load(campaign.campaign(), campaign.version()).model(), campaign.selection()));
        }
        Optional<PersonaChoice> loadedPersona = Optional.empty();
        if (persona instanceof Persona.Model model) {
            loadedPersona = Optional.of(new PersonaChoice(model.version(), new PersonaStore(root).load(model.version()).model(),
                    model.selection()));
        }
        return new RunModels(bundles, root, loadedCampaigns, loadedPersona);
    }

    /** The versions, for logs. */
    List<String> versions() {
        List<String> versions = new ArrayList<>();
        for (String name : files.keySet()) {
            if (name.endsWith("/" + BundleManifest.FILE)) {
                versions.add(name.substring(0, name.lastIndexOf('/')));
            }
        }
        return versions;
    }
}
