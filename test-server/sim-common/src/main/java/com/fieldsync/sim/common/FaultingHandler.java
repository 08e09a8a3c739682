package com.fieldsync.sim.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The API side of a simulator: plays the queued {@link Faults}, has the simulator {@link #process process} the
 * request, and logs each {@link Call}. A call is logged before its answer is written, so a client that has its answer
 * always finds its call in the log; processing and logging happen under {@code settled}'s read lock, so that a test
 * reading the records under the write lock never sees a change whose call is not in the log yet.
 *
 * @param <R> the simulator's answer type
 */
public abstract class FaultingHandler<R extends Reply> implements HttpHandler {
    private final Faults faults;
    private final Consumer<Call> log;
    private final ReadWriteLock settled;

    protected FaultingHandler(Faults faults, Consumer<Call> log, ReadWriteLock settled) {
        this.faults = faults;
        this.log = log;
        this.settled = settled;
    }

    /** One request as read: method, decoded path, raw query (null for none) and body text. */
    public record Request(HttpExchange exchange, String method, String path, String query, String body) {}

    /** What {@code path} addresses, for the call log and fault matching ({@link Call#target()}); null for none. */
    protected abstract String target(String path);

    /** The answer of a {@link Fault.Kind#STATUS} fault. */
    protected abstract R simulatedStatus(int status);

    /** The answer of a {@link Fault.Kind#TOO_MANY_REQUESTS} fault, a 429 with {@code Retry-After}. */
    protected abstract R simulatedTooManyRequests(long retryAfterSeconds);

    /** The normal answer, effects applied. */
    protected abstract R process(Request request);

    /** Last chance to set headers on every answer actually written (faulted or not); nothing by default. */
    protected void beforeSend(HttpExchange exchange) {}

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        long arrivedAt = System.nanoTime();
        try {
            serve(exchange, arrivedAt);
        } finally {
            // without response headers sent, this closes the connection: that is how the drop faults drop it
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, long arrivedAt) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = Exchanges.body(exchange);
        String target = target(path);
        IntConsumer logAs = status -> log.accept(new Call(method, path, query, target, status, body, arrivedAt));

        Faults.Planned planned = faults.take(method, target);
        if (planned.latency() != null && !Exchanges.sleep(planned.latency().value())) {
            logAs.accept(0);
            return;
        }
        Fault fault = planned.action();
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.DROP_CONNECTION) {
            logAs.accept(0);
            return;
        }
        R response;
        settled.readLock().lock();
        try {
            if (kind == Fault.Kind.STATUS) {
                response = simulatedStatus((int) fault.value());
            } else if (kind == Fault.Kind.TOO_MANY_REQUESTS) {
                response = simulatedTooManyRequests(fault.value());
            } else {
                response = process(new Request(exchange, method, path, query, body));
            }
            if (kind == Fault.Kind.APPLY_THEN_DROP) {
                logAs.accept(0);
                return;
            }
            logAs.accept(response.status());
        } finally {
            settled.readLock().unlock();
        }
        beforeSend(exchange);
        if (kind == Fault.Kind.MALFORMED_BODY) {
            response.sendTruncated(exchange);
        } else {
            response.send(exchange);
        }
    }
}
