// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import java.util.Objects;

/**
 * How the server listens, validated once. Binding anywhere but loopback requires API keys: a scoring service
 * reachable from the network must not answer strangers.
 *
 * @param keysRequired true when requests must carry an API key
 */
public record ServerSettings(String host, int port, long maxBodyBytes, boolean keysRequired) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0-65535 (0 picks a free port)");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1 KB");
        }
        if (!isLoopback(host) && !keysRequired) {
            throw new IllegalArgumentException("binding to " + host + " exposes the service beyond this machine: give --keys FILE");
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
