package com.fieldsync.sim.common;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Reading and writing query strings. */
public final class QueryStrings {
    private QueryStrings() {}

    /**
     * Hands each {@code name=value} pair of a raw query string, decoded, to {@code pair} in order (null or empty: none);
     * empty pairs are skipped and a pair without {@code =} has the value {@code ""}. A part that does not decode is
     * thrown as {@code refusal} makes it of the message {@code malformed query string near '<part>'}, once the pairs
     * before it have been handed over.
     */
    public static void forEachPair(
            String rawQuery, Function<String, ? extends RuntimeException> refusal, BiConsumer<String, String> pair) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq), refusal);
            String value = eq < 0 ? "" : decode(part.substring(eq + 1), refusal);
            pair.accept(name, value);
        }
    }

    /** A query-string part decoded ({@code +} is a space); what does not decode is thrown as in {@link #forEachPair}. */
    public static String decode(String s, Function<String, ? extends RuntimeException> refusal) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refusal.apply("malformed query string near '" + s + "'");
        }
    }

    /** A value encoded for a link: {@code %20} rather than {@code +}, so that the link is read the same by any client. */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The value of the count option {@code option} ({@code $top}, {@code $skip}…) given as {@code text}, or {@code
     * absent} when null; anything but a non-negative integer is thrown as {@code refusal} makes it of the message.
     */
    public static int count(
            String option, String text, int absent, Function<String, ? extends RuntimeException> refusal) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw refusal.apply("invalid " + option + " '" + text + "': a non-negative integer");
    }
}
