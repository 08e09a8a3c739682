package com.fieldsync.sim.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A simulator {@code main}'s options: each {@code --name value}, nothing else. */
public final class CommandLine {
    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code args} as {@code --name value} pairs among {@code names} (given without the dashes). An unknown
     * option prints {@code usage} to stderr and exits with status 2.
     *
     * @throws IllegalArgumentException when an option has no value
     */
    public static CommandLine parse(String[] args, String usage, String... names) {
        List<String> known = List.of(names);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--") || !known.contains(option.substring(2))) {
                System.err.println("usage: " + usage);
                System.exit(2);
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            values.put(option.substring(2), value);
        }
        return new CommandLine(values);
    }

    /** The value of {@code --name}, or {@code otherwise} when it was not given. */
    public String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** The integer value of {@code --name}, or {@code otherwise} when it was not given. */
    public int getInt(String name, int otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }
}
