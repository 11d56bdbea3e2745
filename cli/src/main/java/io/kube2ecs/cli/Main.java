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
        // bin/kube2ecs runs this same jar as a client of a conversion server, or as that server
        String server = System.getProperty("kube2ecs.client");
        if (server != null) {
            System.exit(new ServerClient(Path.of(server), Path.of("").toAbsolutePath(), Terminal.detect(), System.in, System.out, System.err)
                    .run(java.util.List.of(args)));
        }
        String socket = System.getProperty("kube2ecs.serve");
        if (socket != null) {
            System.exit(serve(Path.of(socket)));
        }
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

    private static int serve(Path socket) {
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        PrintWriter log = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Path jar = null;
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            jar = java.nio.file.Files.isRegularFile(location) ? location : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // not run from a jar: nothing to watch for a rebuild
        }
        try {
            return new ConversionServer(socket, java.time.Duration.ofSeconds(Long.getLong("kube2ecs.serve.idle", 1800)), jar, log).serve();
        } catch (java.io.IOException e) {
            log.println("kube2ecs server: cannot listen on " + socket + ": " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }
}
