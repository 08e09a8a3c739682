package com.fieldsync.sim.common;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK {@code HttpServer} on a pool of daemon threads, as a simulator runs it. Thread-safe. */
public final class SimServer {
    private static final int THREADS = 16;

    static {
        // Must be set before HttpServer's configuration class loads: without it Nagle plus delayed ACKs hold every
        // small answer ~40 ms on loopback (67 requests/s on one connection), and every latency figure measures that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host}:{@code port} (0: any free port) and serves each context path with its handler, on threads
     * named {@code threadPrefix-N}.
     */
    public static SimServer start(String host, int port, String threadPrefix, Map<String, HttpHandler> contexts)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads(threadPrefix));
        server.setExecutor(executor);
        contexts.forEach(server::createContext);
        server.start();
        return new SimServer(server, executor);
    }

    /** {@code http://host:port/}, an IPv6 host in brackets. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server at once (exchanges in flight are cut) and its threads; idempotent. */
    public void close() {
        close(() -> {});
    }

    /** As {@link #close()}, running {@code afterStop} (once) between stopping the server and its threads. */
    public void close(Runnable afterStop) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        afterStop.run();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * For a simulator's {@code main}: closes {@code simulator} on JVM shutdown (hook thread {@code hookName}), prints
     * {@code banner} to stdout, then waits until the process is killed.
     */
    public static void runUntilKilled(AutoCloseable simulator, String hookName, String banner)
            throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(simulator), hookName));
        System.out.println(banner);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void closeQuietly(AutoCloseable simulator) {
        try {
            simulator.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
