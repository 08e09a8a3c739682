package com.fieldsync.sim.dynamics;

import java.security.SecureRandom;
import java.util.Base64;

/** The opaque random strings the platform hands out: URL signatures and SQS-like receipt handles. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A signature for a storage URL: URL-safe, so it needs no encoding in a query string. */
    static String signature() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
    }

    /**
     * A receipt handle: long and with {@code +} and {@code /} in it like SQS's, which is harmless in the JSON or XML
     * bodies it travels in.
     */
    static String receiptHandle() {
        return Base64.getEncoder().encodeToString(bytes(96));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
