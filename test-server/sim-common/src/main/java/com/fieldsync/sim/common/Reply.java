package com.fieldsync.sim.common;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** An answer about to be written, in whatever body format the simulator speaks. */
public interface Reply {

    /** The status it answers. */
    int status();

    /** Writes it whole. */
    void send(HttpExchange exchange) throws IOException;

    /** Writes its status and headers but only a truncated, invalid body: the {@link Fault#malformedBody()} fault. */
    void sendTruncated(HttpExchange exchange) throws IOException;
}
