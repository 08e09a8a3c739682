package com.fieldsync.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile packet cannot make FieldSync read files, fetch URLs or expand entities. */
class SyncPacketSafetyTest {
    private static final String LEAK = "leaked-secret-7f3a";

    /** Everything a handler is given, as one text. */
    private static final class Recorder implements RowHandler {
        final StringBuilder seen = new StringBuilder();

        @Override
        public void salesmanCode(String salesmanCode) {
            seen.append(salesmanCode).append('\n');
        }

        @Override
        public void table(String table) {
            seen.append(table).append('\n');
        }

        @Override
        public void row(String table, SyncPacket.Row row) {
            seen.append(row).append('\n');
        }
    }

    @Test
    void externalEntitiesAndDtdsAreRefusedWithoutReadingAFileOrFetchingAUrl(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("entity.txt"), LEAK);
        Path dtd = Files.writeString(dir.resolve("external.dtd"), "<!ENTITY e '" + LEAK + "'>");
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = (exchange.getRequestURI().getPath().endsWith(".dtd") ? "<!ENTITY e '" + LEAK + "'>" : LEAK)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String http = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            String prolog = "<?xml version=\"1.0\"?>\n";
            String inField = "<NavMobileSync><table tablename=\"T\"><r><F>&e;</F></r></table></NavMobileSync>";
            String inAttribute = "<NavMobileSync salesmancode=\"&e;\"><table tablename=\"T\"/></NavMobileSync>";
            List<String> packets = List.of(
                    prolog + "<!DOCTYPE NavMobileSync [<!ENTITY e SYSTEM \"" + file.toUri() + "\">]>\n" + inField,
                    prolog + "<!DOCTYPE NavMobileSync [<!ENTITY e SYSTEM \"" + http + "entity.txt\">]>\n" + inField,
                    prolog + "<!DOCTYPE NavMobileSync [<!ENTITY e SYSTEM \"" + file.toUri() + "\">]>\n" + inAttribute,
                    prolog + "<!DOCTYPE NavMobileSync [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" + inField,
                    prolog + "<!DOCTYPE NavMobileSync SYSTEM \"" + dtd.toUri() + "\">\n" + inField,
                    prolog + "<!DOCTYPE NavMobileSync SYSTEM \"" + http + "external.dtd\">\n" + inField,
                    prolog + "<!DOCTYPE NavMobileSync [<!ENTITY % p SYSTEM \"" + http + "external.dtd\"> %p;]>\n"
                            + inField,
                    "<!DOCTYPE NavMobileSync [<!ENTITY e \"" + LEAK + "\">]>" + inField);
            String passwd = Files.isReadable(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "";
            String root = passwd.lines().findFirst().orElse("");
            for (String packet : packets) {
                Recorder recorder = new Recorder();
                byte[] content = packet.getBytes(StandardCharsets.UTF_8);

                PacketException refused = assertThrows(
                        PacketException.class,
                        () -> SyncPacketReader.read(
                                new ByteArrayInputStream(content), PacketFormat.XML, 1 << 20, recorder),
                        packet);

                String message = refused.getMessage();
                assertTrue(message.contains("DOCTYPE is not allowed"), message);
                assertFalse(message.contains(LEAK), message);
                assertTrue(root.isEmpty() || !message.contains(root), message);
                assertEquals("", recorder.seen.toString(), "handed over from\n" + packet);
                assertEquals(0, fetched.get(), "fetched over HTTP for\n" + packet);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theBillionLaughsAreNotExpanded() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE NavMobileSync [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String packet = dtd + "<NavMobileSync salesmancode=\"&a9;\"><table tablename=\"&a9;\"><r><F>&a9;</F></r>"
                + "</table></NavMobileSync>";
        Recorder recorder = new Recorder();

        PacketException refused = assertThrows(
                PacketException.class,
                () -> SyncPacketReader.read(
                        new ByteArrayInputStream(packet.getBytes(StandardCharsets.UTF_8)),
                        PacketFormat.XML,
                        1 << 20,
                        recorder));

        assertTrue(refused.getMessage().contains("DOCTYPE is not allowed"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 500, refused.getMessage());
        assertEquals("", recorder.seen.toString());
    }

    @Test
    void anUndeclaredEntityIsRefusedToo() {
        String packet = "<NavMobileSync><table tablename=\"T\"><r><F>&e;</F></r></table></NavMobileSync>";

        assertThrows(
                PacketException.class,
                () -> SyncPacketReader.readAll(
                        new ByteArrayInputStream(packet.getBytes(StandardCharsets.UTF_8)), PacketFormat.XML, 1000));
    }
}
