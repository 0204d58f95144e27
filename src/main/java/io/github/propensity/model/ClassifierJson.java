// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** The JSON envelope of the format-2 classifier files: a {@code format} name first, then the model's own fields. */
final class ClassifierJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifierJson() {
    }

    static ObjectNode document(String format) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        return root;
    }

    static byte[] write(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + document.path("format").asText() + " file", e);
        }
    }

    /** The document, or a {@link BundleException} saying why it is not one of {@code format}. */
    static JsonNode read(byte[] bytes, String format, String what) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BundleException(what + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !format.equals(root.path("format").asText())) {
            throw new BundleException(what + " is not of format " + format);
        }
        return root;
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleException("unreadable XGBoost tree: " + e.getOriginalMessage(), e);
        }
    }
}
