// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.Sha256;

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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The current bundle of each task the job scores, as the bytes of its files, read on the driver after the store
 * verified it: broadcast to the executors, which write them to a local folder laid out as a model store and load
 * them through {@link ModelStore} again, so an executor verifies each file's hash exactly as the CLI does and no
 * executor needs the driver's file system.
 *
 * @param files   relative path (task/version/file, and task/CURRENT) to its bytes
 * @param tasks   the tasks, in the order the scores carry them
 * @param sha256  one hash over every path and byte, naming this set of models on the executors
 */
record ShippedModels(Map<String, byte[]> files, List<Task> tasks, String sha256) implements Serializable {
    ShippedModels {
        files = new TreeMap<>(files);
        tasks = List.copyOf(tasks);
    }

    /** Loads and verifies each task's current bundle in {@code models} and takes its files. */
    static ShippedModels read(Path models, List<Task> tasks, Map<Task, ModelBundle> loaded) {
        ModelStore store = new ModelStore(models);
        Map<String, byte[]> files = new TreeMap<>();
        for (Task task : tasks) {
            ModelBundle bundle = store.loadCurrent(task);
            loaded.put(task, bundle);
            try (Stream<Path> entries = Files.list(bundle.directory())) {
                for (Path file : entries.filter(Files::isRegularFile).toList()) {
                    files.put(task.id() + "/" + bundle.version() + "/" + file.getFileName(), Files.readAllBytes(file));
                }
                files.put(task.id() + "/" + ModelStore.CURRENT_POINTER, (bundle.version() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model bundle " + bundle.directory() + ": " + e.getMessage(), e);
            }
        }
        MessageDigest digest = Sha256.newDigest();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return new ShippedModels(files, tasks, Sha256.hex(digest));
    }

    /** Writes the files under {@code root} and loads each task's bundle from there, verified by the store. */
    Map<Task, ModelBundle> loadInto(Path root) {
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
        return bundles;
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
