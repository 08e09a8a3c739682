package com.fieldsync.it.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Payara's {@code --portbase} scheme, and the search for a base whose ports are all free.
 *
 * <p>{@code create-domain --portbase B} derives every listener port from B (read from Payara
 * 6.2025.10's {@code PortBaseHelper} and the create-domain output); the Hazelcast ports are
 * derived from it too, whatever {@code --hazelcastdasport} says.
 */
final class PortBase {

    static final int JAVA_DEBUGGER = 9;
    static final int IIOP = 37;
    static final int IIOP_SSL = 38;
    static final int IIOP_MUTUALAUTH = 39;
    static final int ADMIN = 48;
    static final int HAZELCAST_DAS = 49;
    static final int HAZELCAST_START = 59;
    static final int OSGI_SHELL = 66;
    static final int JMS = 76;
    static final int HTTP = 80;
    static final int HTTPS = 81;
    static final int JMX = 86;

    private static final int[] OFFSETS = {
        JAVA_DEBUGGER,
        IIOP,
        IIOP_SSL,
        IIOP_MUTUALAUTH,
        ADMIN,
        HAZELCAST_DAS,
        HAZELCAST_START,
        OSGI_SHELL,
        JMS,
        HTTP,
        HTTPS,
        JMX
    };

    // Bases are multiples of 100 so that two domains never share a port.
    private static final int STEP = 100;
    private static final int LOWEST = 10_000;
    // Ports in the kernel's ephemeral range can be taken by any outgoing connection between our
    // check and the server's bind, so bases stay below it.
    private static final int DEFAULT_EPHEMERAL_LOW = 32_768;

    // Two harnesses in one JVM must not pick the same base before either server has bound it.
    private static final Set<Integer> RESERVED = new HashSet<>();

    private PortBase() {}

    /**
     * Finds and reserves (for this JVM) a base whose derived ports are all free on loopback and
     * on the wildcard address. Starts at a random base so parallel builds rarely collide.
     */
    static synchronized int reserveFree() {
        int highestBase = (ephemeralLow() - JMX - 1) / STEP * STEP;
        int count = (highestBase - LOWEST) / STEP + 1;
        if (count < 1) {
            throw new IllegalStateException("No port range below the ephemeral ports starting at " + ephemeralLow());
        }
        int first = ThreadLocalRandom.current().nextInt(count);
        for (int i = 0; i < count; i++) {
            int base = LOWEST + ((first + i) % count) * STEP;
            if (!RESERVED.contains(base) && allFree(base)) {
                RESERVED.add(base);
                return base;
            }
        }
        throw new IllegalStateException(
                "No free Payara port base between " + LOWEST + " and " + highestBase + " on 127.0.0.1");
    }

    static synchronized void release(int base) {
        RESERVED.remove(base);
    }

    private static boolean allFree(int base) {
        for (int offset : OFFSETS) {
            if (!isFree(base + offset)) {
                return false;
            }
        }
        return true;
    }

    // Binding both addresses catches a listener on either: on Linux a wildcard listener blocks
    // a loopback bind of the same port and vice versa.
    private static boolean isFree(int port) {
        return canBind(InetAddress.getLoopbackAddress(), port) && canBind(null, port);
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralLow() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                // Line-wise: a whole-file read trusts the size /proc reports, and some kernels
                // (gVisor here) report one that truncates the content.
                try (BufferedReader reader = Files.newBufferedReader(range)) {
                    String[] bounds = reader.readLine().trim().split("\\s+");
                    return Math.min(Integer.parseInt(bounds[0]), DEFAULT_EPHEMERAL_LOW);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall back to the IANA/Linux default below.
        }
        return DEFAULT_EPHEMERAL_LOW;
    }
}
