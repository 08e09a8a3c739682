package com.fieldsync.it.server;

import java.time.Duration;
import java.util.List;

/**
 * What one asadmin invocation did.
 *
 * @param command the full command line, JVM and CLI jar included
 * @param exitCode the process exit code, or {@code -1} if it was killed after its timeout
 * @param output standard output and standard error, interleaved as written
 * @param duration wall time from launch to exit
 */
public record AsadminResult(List<String> command, int exitCode, String output, Duration duration) {

    public AsadminResult {
        command = List.copyOf(command);
    }

    /** True if asadmin exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The asadmin subcommand and its arguments, without the JVM and connection options. */
    public String describe() {
        int jar = command.indexOf("-jar");
        return String.join(" ", jar < 0 ? command : command.subList(jar + 2, command.size()));
    }
}
