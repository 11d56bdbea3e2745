package io.kube2ecs.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the real CLI in-process with captured streams, the way {@link Main} does: the bundled plugins'
 * pipeline is built on its own thread while the command line is parsed.
 */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    static Result runWithStdin(Path workingDirectory, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Kube2Ecs(new PrintWriter(out, true), new PrintWriter(err, true),
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), workingDirectory).prepareBundledPipeline().run(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs as if standard input and standard error were an interactive terminal. */
    static Result runOnTerminal(Path workingDirectory, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Kube2Ecs(new PrintWriter(out, true), new PrintWriter(err, true),
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), workingDirectory,
                new Terminal(true, true)).prepareBundledPipeline().run(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(Path workingDirectory, String... args) {
        return runWithStdin(workingDirectory, "", args);
    }

    private CliRunner() {
    }
}
