package com.fieldsync.it.ear;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads log records of a level from Payara's {@code server.log} (ODL format: a record starts with
 * {@code [timestamp] [Payara …] [LEVEL] [message id] [logger] …[[} and its message follows on the
 * next lines until {@code ]]}), so that a test can report what the server complained about while it
 * deployed something.
 */
final class ServerLogRecords {

    private static final Pattern RECORD_START = Pattern.compile(
            "^\\[(\\d{4}-\\d\\d-\\d\\dT[^\\]]+)\\] \\[[^\\]]*\\] \\[([A-Z]+)\\] \\[([^\\]]*)\\] \\[([^\\]]*)\\]");
    private static final int MAX_LINES_PER_RECORD = 6;

    private final Path log;

    ServerLogRecords(Path log) {
        this.log = log;
    }

    /** The current end of the log, to pass to {@link #since(long, String)} later. */
    long mark() {
        try {
            return Files.isRegularFile(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of {@code level} written after {@code offset}, each shortened to its header's time,
     * message id and logger plus the first lines of its message (stack traces cut).
     *
     * @param offset a value of {@link #mark()}; if the log rotated since (it is shorter), from its start
     * @param level e.g. {@code SEVERE}
     */
    List<String> since(long offset, String level) {
        List<String> found = new ArrayList<>();
        List<String> lines = linesFrom(offset);
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = RECORD_START.matcher(lines.get(i));
            if (!start.find() || !level.equals(start.group(2))) {
                continue;
            }
            StringBuilder record = new StringBuilder()
                    .append(start.group(1))
                    .append(' ')
                    .append(level)
                    .append(' ')
                    .append(start.group(3))
                    .append(' ')
                    .append(start.group(4))
                    .append(':');
            int taken = 0;
            for (int j = i + 1;
                    j < lines.size()
                            && taken < MAX_LINES_PER_RECORD
                            && !RECORD_START.matcher(lines.get(j)).find();
                    j++) {
                String line = lines.get(j).strip();
                boolean last = line.endsWith("]]");
                if (last) {
                    line = line.substring(0, line.length() - 2).strip();
                }
                // Stack frames say little here; the message and its causes do.
                if (!line.isEmpty() && !line.startsWith("at ") && !line.startsWith("...")) {
                    record.append("\n    ").append(line);
                    taken++;
                }
                if (last) {
                    break;
                }
            }
            found.add(record.toString());
        }
        return found;
    }

    private List<String> linesFrom(long offset) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = offset <= file.length() ? offset : 0;
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
