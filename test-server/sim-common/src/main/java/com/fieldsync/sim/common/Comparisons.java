package com.fieldsync.sim.common;

import java.util.function.Predicate;

/** Comparing stored values, for {@code $filter} and {@code $orderby}. */
public final class Comparisons {
    private Comparisons() {}

    /**
     * The test of a comparison operator ({@code eq ne gt ge lt le}) on a {@code compareTo} result, or null for any
     * other name.
     */
    public static Predicate<Integer> operator(String name) {
        switch (name) {
            case "eq":
                return c -> c == 0;
            case "ne":
                return c -> c != 0;
            case "gt":
                return c -> c > 0;
            case "ge":
                return c -> c >= 0;
            case "lt":
                return c -> c < 0;
            case "le":
                return c -> c <= 0;
            default:
                return null;
        }
    }

    /** {@code stored.compareTo(literal)}, where the literal was read as the stored value's type. */
    @SuppressWarnings("unchecked")
    public static int compare(Comparable<?> stored, Object literal) {
        return ((Comparable<Object>) stored).compareTo(literal);
    }
}
