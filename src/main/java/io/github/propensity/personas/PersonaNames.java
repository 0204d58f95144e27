// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names and descriptions a team chose, by persona id, from a JSON file:
 * {@code {"1": "Power users", "2": {"name": "Stalled sign-ups", "description": "Signed up, never came back"}}}.
 *
 * @param source the file, for messages
 */
public record PersonaNames(Path source, Map<Integer, Chosen> byId) {
    /** One persona's chosen name and description ("" when none). */
    public record Chosen(String name, String description) {
        public Chosen {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    public PersonaNames {
        byId = Map.copyOf(byId);
    }

    public static PersonaNames read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (JacksonException e) {
            throw DataException.inFile(file, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw DataException.inFile(file, "must be a JSON object mapping persona ids to names, e.g. {\"1\": \"Power users\"}");
        }
        Map<Integer, Chosen> names = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            int id;
            try {
                id = Integer.parseInt(field.getKey().strip());
            } catch (NumberFormatException e) {
                throw DataException.inFile(file, "key '" + field.getKey() + "' is not a persona id (a whole number, see the card)");
            }
            JsonNode value = field.getValue();
            String name = value.isTextual() ? value.asText() : value.path("name").asText("");
            String description = value.isObject() ? value.path("description").asText("") : "";
            if (name.isBlank()) {
                throw DataException.inFile(file, "persona " + id + " has no name (give a string or {\"name\": ..., \"description\": ...})");
            }
            names.put(id, new Chosen(name.strip(), description.strip()));
        }
        return new PersonaNames(file, names);
    }

    /** Fails naming the ids this file names that the model does not have. */
    void requireKnown(Set<Integer> ids) {
        TreeMap<Integer, Chosen> unknown = new TreeMap<>(byId);
        unknown.keySet().removeAll(ids);
        if (!unknown.isEmpty()) {
            throw DataException.inFile(source, "names persona ids " + unknown.keySet() + " that the fitted model does not have; its ids are "
                    + new TreeSet<>(ids));
        }
    }
}
