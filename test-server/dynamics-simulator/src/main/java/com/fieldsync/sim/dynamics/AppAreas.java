package com.fieldsync.sim.dynamics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The application areas served, each with its API key, and the mobile users known in each. Codes are compared
 * case-insensitively and kept upper-case (the docs' samples call {@code MyAppArea} and show its storage path as
 * {@code MYAPPAREA}); mobile user names are kept and compared as given. Thread-safe.
 */
final class AppAreas {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Set<String> users = ConcurrentHashMap.newKeySet();

    /**
     * The code upper-case.
     *
     * @throws IllegalArgumentException for a code that cannot be a path segment
     */
    static String normalize(String appArea) {
        if (appArea == null || !CODE.matcher(appArea).matches()) {
            throw new IllegalArgumentException("not an application area code: " + appArea);
        }
        return appArea.toUpperCase(Locale.ROOT);
    }

    /**
     * The name as given.
     *
     * @throws IllegalArgumentException for a blank name or one with a slash or control character
     */
    static String checkUser(String mobileUser) {
        if (mobileUser == null
                || mobileUser.isBlank()
                || mobileUser.chars().anyMatch(c -> c == '/' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not a mobile user name: " + mobileUser);
        }
        return mobileUser;
    }

    /** Serves {@code appArea} with {@code apiKey}, or changes its key. */
    void register(String appArea, String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("an api key is required");
        }
        keys.put(normalize(appArea), apiKey);
    }

    /** Whether {@code appArea} is served and {@code apiKey} is its key. */
    boolean keyMatches(String appArea, String apiKey) {
        return apiKey != null && apiKey.equals(keys.get(appArea.toUpperCase(Locale.ROOT)));
    }

    /** The key of {@code appArea}, or null when it is not served. */
    String key(String appArea) {
        return keys.get(appArea.toUpperCase(Locale.ROOT));
    }

    /** Every application area and its key, by code. */
    Map<String, String> keys() {
        return new TreeMap<>(keys);
    }

    void addUser(String appArea, String mobileUser) {
        users.add(normalize(appArea) + "/" + checkUser(mobileUser));
    }

    boolean knows(String appArea, String mobileUser) {
        return users.contains(appArea.toUpperCase(Locale.ROOT) + "/" + mobileUser);
    }
}
