package com.fieldsync.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Typed access to admin settings. Values are read on every call, so a changed JNDI value takes
 * effect without a redeploy (within the config source's cache time). A malformed number falls back
 * to its default and is reported by {@link #problem(String, int, int, int)}; it never fails a
 * deployment.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    @Inject
    Config config;

    /** Problems already logged: settings are read every round, the log should say it once. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** The trimmed value, empty when unset or blank. */
    public Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return string(key).map(v -> v.equalsIgnoreCase("true")).orElse(defaultValue);
    }

    /** An integer in [min, max], or the default when unset or invalid (logged, naming the key). */
    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = string(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Optional<String> problem = problem(key, defaultValue, min, max);
        if (problem.isPresent()) {
            if (warned.add(problem.get())) {
                LOG.warning(problem.get());
            }
            return defaultValue;
        }
        return Integer.parseInt(raw.get());
    }

    /** Why the value of {@code key} is unusable, or empty if it is unset or valid. */
    public Optional<String> problem(String key, int defaultValue, int min, int max) {
        Optional<String> raw = string(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                return Optional.of(key + " must be between " + min + " and " + max + " but is " + value
                        + "; using the default " + defaultValue);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(
                    key + " must be a whole number but is '" + raw.get() + "'; using the default " + defaultValue);
        }
    }
}
