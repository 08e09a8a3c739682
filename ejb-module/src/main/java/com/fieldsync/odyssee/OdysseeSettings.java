package com.fieldsync.odyssee;

import com.fieldsync.config.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Odyssee connector's admin settings. {@link #toString()} never shows the password.
 *
 * @param url API base URL; the API lives under {@code url + "api/"}
 * @param credentialsFormat how user, password and domain form the Basic credentials
 */
record OdysseeSettings(
        boolean enabled,
        String url,
        String username,
        String password,
        String domain,
        String credentialsFormat,
        int connectTimeoutMillis,
        int readTimeoutMillis,
        List<String> problems) {

    static final String ENABLED = "fieldsync.odyssee.enabled";
    static final String URL = "fieldsync.odyssee.url";
    static final String USERNAME = "fieldsync.odyssee.username";
    static final String PASSWORD = "fieldsync.odyssee.password";
    static final String DOMAIN = "fieldsync.odyssee.domain";
    static final String CREDENTIALS_FORMAT = "fieldsync.odyssee.credentials-format";
    static final String CONNECT_TIMEOUT = "fieldsync.odyssee.connect-timeout-ms";
    static final String READ_TIMEOUT = "fieldsync.odyssee.read-timeout-ms";
    static final String DEFAULT_FORMAT = "{username}:{password}@{domain}";

    static OdysseeSettings from(Settings s) {
        List<String> problems = new ArrayList<>();
        String url = s.string(URL).orElse(null);
        if (url == null) {
            problems.add(URL + " is not set (the Odyssee API base URL, e.g. https://example.odyssee-mobile.com/)");
        } else {
            if (!url.endsWith("/")) {
                url = url + "/";
            }
            try {
                URI uri = URI.create(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add(URL + " must be an absolute http(s) URL");
                } else if (uri.getUserInfo() != null) {
                    problems.add(URL + " must not carry credentials; use " + USERNAME + " and " + PASSWORD);
                }
            } catch (IllegalArgumentException e) {
                problems.add(URL + " is not a valid URL");
            }
        }
        String username = s.string(USERNAME).orElse(null);
        if (username == null) {
            problems.add(USERNAME + " is not set (the Odyssee API user)");
        }
        String password = s.string(PASSWORD).orElse(null);
        if (password == null) {
            problems.add(PASSWORD + " is not set (the Odyssee API user's password)");
        }
        String format = s.string(CREDENTIALS_FORMAT, DEFAULT_FORMAT);
        if (!format.contains("{username}") || !format.contains("{password}")) {
            problems.add(CREDENTIALS_FORMAT + " must contain {username} and {password}");
        }
        s.problem(CONNECT_TIMEOUT, 5_000, 100, 600_000).ifPresent(problems::add);
        s.problem(READ_TIMEOUT, 30_000, 100, 600_000).ifPresent(problems::add);
        return new OdysseeSettings(
                s.bool(ENABLED, true),
                url,
                username,
                password,
                s.string(DOMAIN, ""),
                format,
                s.integer(CONNECT_TIMEOUT, 5_000, 100, 600_000),
                s.integer(READ_TIMEOUT, 30_000, 100, 600_000),
                List.copyOf(problems));
    }

    Optional<String> problem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The {@code Authorization} header value. */
    String authorization() {
        String format = domain.isEmpty() ? credentialsFormat.replace("@{domain}", "") : credentialsFormat;
        String plain = format.replace("{username}", username)
                .replace("{domain}", domain)
                .replace("{password}", password);
        return "Basic " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OdysseeSettings[url=" + url + ", username=" + username + ", domain=" + domain + ", password="
                + (password == null ? "unset" : "****") + ", connectTimeoutMillis=" + connectTimeoutMillis
                + ", readTimeoutMillis=" + readTimeoutMillis + "]";
    }
}
