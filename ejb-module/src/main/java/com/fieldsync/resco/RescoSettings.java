package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Resco connector's admin settings. {@link #toString()} never shows the password.
 *
 * @param url the organisation's OData base, ending in {@code /} (path or host form)
 * @param callbackUrl where Resco reaches FieldSync's web module, ending in {@code /}; null: no
 *     webhooks, polling only
 * @param hookActions the webhook actions registered per mapped entity set
 * @param startFrom where a new inbound feed starts reading; null: when first polled
 */
record RescoSettings(
        boolean enabled,
        String url,
        String username,
        String password,
        int connectTimeoutMillis,
        int readTimeoutMillis,
        boolean inboundEnabled,
        Instant startFrom,
        Duration lookBack,
        String callbackUrl,
        List<String> hookActions,
        int discoverySeconds,
        RescoMapping mapping,
        List<String> problems) {

    static final String PREFIX = "fieldsync.resco.";
    static final String ENABLED = PREFIX + "enabled";
    static final String URL = PREFIX + "url";
    static final String USERNAME = PREFIX + "username";
    static final String PASSWORD = PREFIX + "password";
    static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout-ms";
    static final String READ_TIMEOUT = PREFIX + "read-timeout-ms";
    static final String INBOUND_ENABLED = PREFIX + "inbound.enabled";
    static final String START_FROM = PREFIX + "inbound.start-from";
    static final String LOOK_BACK = PREFIX + "inbound.look-back-seconds";
    static final String CALLBACK_URL = PREFIX + "webhook.callback-url";
    static final String HOOK_ACTIONS = PREFIX + "webhook.actions";
    static final String DISCOVERY_SECONDS = PREFIX + "discovery-interval-seconds";
    static final List<String> ACTIONS = List.of("Create", "Update", "Delete");

    static RescoSettings from(Settings s) {
        List<String> problems = new ArrayList<>();
        String url = absoluteUrl(
                s, URL, "the organisation's OData base, e.g. https://myorg.rescocrm.com/odata/v4/", problems);
        String username = s.string(USERNAME).orElse(null);
        if (username == null) {
            problems.add(USERNAME + " is not set (the Resco organisation user)");
        }
        String password = s.string(PASSWORD).orElse(null);
        if (password == null) {
            problems.add(PASSWORD + " is not set (the Resco user's password)");
        }
        s.problem(CONNECT_TIMEOUT, 5_000, 100, 600_000).ifPresent(problems::add);
        s.problem(READ_TIMEOUT, 30_000, 100, 600_000).ifPresent(problems::add);
        s.problem(LOOK_BACK, 120, 0, 86_400).ifPresent(problems::add);
        s.problem(DISCOVERY_SECONDS, 300, 10, 86_400).ifPresent(problems::add);
        Instant start = null;
        Optional<String> text = s.string(START_FROM);
        if (text.isPresent()) {
            try {
                start = Instant.parse(text.get());
            } catch (DateTimeParseException e) {
                problems.add(START_FROM + " must be an ISO-8601 UTC instant such as 2024-01-01T00:00:00Z, not '"
                        + text.get() + "'");
            }
        }
        String callback = s.string(CALLBACK_URL).isPresent()
                ? absoluteUrl(s, CALLBACK_URL, "FieldSync's web module as Resco reaches it", problems)
                : null;
        List<String> actions = new ArrayList<>();
        for (String a : s.string(HOOK_ACTIONS, "Create,Update").split(",")) {
            String action = a.trim();
            if (action.isEmpty()) {
                continue;
            }
            Optional<String> canonical = ACTIONS.stream()
                    .filter(known -> known.equalsIgnoreCase(action))
                    .findFirst();
            if (canonical.isEmpty()) {
                problems.add(HOOK_ACTIONS + " lists '" + action + "'; allowed: " + String.join(", ", ACTIONS));
            } else if (!actions.contains(canonical.get())) {
                actions.add(canonical.get());
            }
        }
        RescoMapping mapping = RescoMapping.from(s);
        problems.addAll(mapping.problems());
        return new RescoSettings(
                s.bool(ENABLED, false),
                url,
                username,
                password,
                s.integer(CONNECT_TIMEOUT, 5_000, 100, 600_000),
                s.integer(READ_TIMEOUT, 30_000, 100, 600_000),
                s.bool(INBOUND_ENABLED, true),
                start,
                Duration.ofSeconds(s.integer(LOOK_BACK, 120, 0, 86_400)),
                callback,
                List.copyOf(actions),
                s.integer(DISCOVERY_SECONDS, 300, 10, 86_400),
                mapping,
                List.copyOf(problems));
    }

    private static String absoluteUrl(Settings s, String key, String what, List<String> problems) {
        String url = s.string(key).orElse(null);
        if (url == null) {
            problems.add(key + " is not set (" + what + ")");
            return null;
        }
        if (!url.endsWith("/")) {
            url = url + "/";
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(key + " must be an absolute http(s) URL");
            } else if (uri.getUserInfo() != null) {
                problems.add(key + " must not carry credentials");
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(key + " must not have a query or fragment");
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + " is not a valid URL");
        }
        return url;
    }

    Optional<String> problem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The {@code Authorization} header value. */
    String authorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The settings a REST client is built from; a change of any of them means a new client. */
    ClientKey clientKey() {
        return new ClientKey(url, username, password, connectTimeoutMillis, readTimeoutMillis);
    }

    /** Connection settings only. */
    record ClientKey(String url, String username, String password, int connectTimeoutMillis, int readTimeoutMillis) {
        @Override
        public String toString() {
            return "Resco[url=" + url + ", username=" + username + ", password="
                    + (password == null ? "unset" : "****") + ", connectTimeoutMillis=" + connectTimeoutMillis
                    + ", readTimeoutMillis=" + readTimeoutMillis + "]";
        }
    }

    @Override
    public String toString() {
        return clientKey() + "[callbackUrl=" + (callbackUrl == null ? "none" : callbackUrl) + ", mapping=" + mapping
                + "]";
    }
}
