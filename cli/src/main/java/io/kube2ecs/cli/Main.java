package io.kube2ecs.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The {@code kube2ecs} process: the only place that touches the console and exits.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        // the pipeline is built once per process: Guice's generated fast-class bytecode would cost more
        // start-up time than reflection costs over one run
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        InputStream stdin = System.in;
        int status = new Kube2Ecs(out, err, () -> stdin, Path.of("").toAbsolutePath(), Terminal.detect())
                .prepareBundledPipeline().run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
