package io.kube2ecs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversion server and its client over a real Unix socket: a served run must be the same run
 * as one in the caller's own JVM — the same files byte for byte, the same console output and exit
 * status — and anything the server does not serve must come back untouched for the launcher to run.
 */
class ConversionServerTest {

    private static final Path E2E = Path.of("src/test/resources/e2e");
    /** Short, so that the test of a client that never sends its request is quick; real clients take milliseconds. */
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(2);

    @TempDir
    Path temp;

    private Path socket;
    private ExecutorService executor;
    private Future<Integer> server;
    private final StringWriter serverLog = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("sock"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = folder.resolve("s.sock");
        executor = Executors.newSingleThreadExecutor();
        server = executor.submit(new ConversionServer(socket, Duration.ofMinutes(5), null, new PrintWriter(serverLog, true),
                REQUEST_LIMIT, System.getProperty("user.name"))::serve);
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(socket), "the server did not listen: " + serverLog);
    }

    @AfterEach
    void stopServer() throws Exception {
        Files.deleteIfExists(socket); // a server whose socket is gone leaves at its next check
        assertEquals(ExitCodes.OK, server.get(30, TimeUnit.SECONDS));
        executor.shutdownNow();
    }

    private record Run(int status, String out, String err) {
    }

    private Run client(Path workingDirectory, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = new ServerClient(socket, workingDirectory, Terminal.NONE, in, out, err).run(List.of(args));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aServedConversionWritesWhatARunHereWrites() throws IOException {
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        CliRunner.Result here = CliRunner.run(temp, "convert", "-f", input.toString(), "-o", "o-local");
        // twice: the second run finds the first one's compiled code and must not find anything else of it
        Run first = client(temp, "", "convert", "-f", input.toString(), "-o", "o-served1");
        Run second = client(temp, "", "convert", "-f", input.toString(), "-o", "o-served2");

        assertEquals(ExitCodes.OK, here.exitCode(), here.err());
        for (Run served : List.of(first, second)) {
            assertEquals(here.exitCode(), served.status());
            assertEquals(here.out(), served.out());
            assertEquals(here.err().replace("o-local", "OUT"), served.err().replaceAll("o-served[12]", "OUT"));
        }
        Map<String, String> expected = files(temp.resolve("o-local"));
        assertTrue(expected.size() > 10, "the conversion wrote " + expected.keySet());
        assertEquals(expected, files(temp.resolve("o-served1")));
        assertEquals(expected, files(temp.resolve("o-served2")));
    }

    @Test
    void standardInputIsSentWhenTheCommandReadsIt() throws IOException {
        String manifest = Files.readString(E2E.resolve("workloads-irsa-sgp/input/workloads.yaml"));
        CliRunner.Result here = CliRunner.runWithStdin(temp, manifest, "convert", "-f", "-", "-o", "o-local", "-t", "ecs-json");
        Run served = client(temp, manifest, "convert", "-f", "-", "-o", "o-served", "-t", "ecs-json");

        assertEquals(here.exitCode(), served.status(), served.err());
        assertEquals(files(temp.resolve("o-local")), files(temp.resolve("o-served")));
        assertFalse(files(temp.resolve("o-served")).isEmpty());
    }

    @Test
    void relativePathsStartInTheClientsWorkingDirectory() throws IOException {
        Path project = Files.createDirectory(temp.resolve("project"));
        Files.copy(E2E.resolve("workloads-irsa-sgp/input/workloads.yaml"), project.resolve("app.yaml"));
        Run served = client(project, "", "convert", "-f", "app.yaml", "-o", "out", "-t", "terraform");

        assertEquals(ExitCodes.OK, served.status(), served.err());
        assertTrue(Files.isRegularFile(project.resolve("out/terraform/main.tf")), served.err());
    }

    @Test
    void timingsOfAServedRunShowNoJvmStartUp() {
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        Run served = client(temp, "", "convert", "-f", input.toString(), "-o", "out", "--timings");
        CliRunner.Result here = CliRunner.run(temp, "convert", "-f", input.toString(), "-o", "out-here", "--timings");

        assertTrue(served.err().contains("timings: served command-line "), served.err());
        assertTrue(here.err().contains("timings: jvm "), here.err());
    }

    @Test
    void badInputGetsTheSameDiagnosticsAndExitStatus() {
        Path input = E2E.resolve("syntax-error-writes-nothing/input").toAbsolutePath();
        CliRunner.Result here = CliRunner.run(temp, "convert", "-f", input.toString(), "-o", "out");
        Run served = client(temp, "", "convert", "-f", input.toString(), "-o", "out");

        assertEquals(ExitCodes.CONVERSION_ERRORS, served.status());
        assertEquals(here.err(), served.err());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void aUsageErrorIsPrintedByTheServerAsItWouldBeHere() {
        CliRunner.Result here = CliRunner.run(temp, "convert", "-f", "x.yaml", "--no-such-option");
        Run served = client(temp, "", "convert", "-f", "x.yaml", "--no-such-option");

        assertEquals(ExitCodes.USAGE, served.status());
        assertEquals(here.err(), served.err());
    }

    @Test
    void clusterReadsAndPluginJarsAreLeftToTheCaller() throws IOException {
        Files.createDirectory(temp.resolve("plugins"));
        for (String[] args : List.of(new String[] {"convert", "-o", "out"},
                new String[] {"convert", "--cluster", "--context", "prod"},
                new String[] {"convert", "-f", "a.yaml", "--plugin-dir", "plugins"},
                new String[] {"convert", "-f", "a.yaml", "--plugin-path", "plugins"},
                new String[] {"plugins"})) {
            Run served = client(temp, "", args);
            assertEquals(ServerProtocol.NOT_SERVED, served.status(), String.join(" ", args));
            assertEquals("", served.out() + served.err(), String.join(" ", args));
        }
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void pluginFoldersOfTheProfileAtFilesAndHelpAreLeftToTheCaller() throws IOException {
        Files.createDirectory(temp.resolve("plugins"));
        Files.writeString(temp.resolve("with-plugins.yaml"), "region: eu-west-1\nplugins:\n  dirs: [plugins]\n");
        Files.writeString(temp.resolve("args"), "-o\nout\n");
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        for (String[] args : List.of(new String[] {"convert", "-f", input.toString(), "-o", "out", "--profile", "with-plugins.yaml"},
                new String[] {"convert", "-f", input.toString(), "@args"},
                new String[] {"convert", "-f", input.toString(), "--help"})) {
            Run served = client(temp, "", args);
            assertEquals(ServerProtocol.NOT_SERVED, served.status(), String.join(" ", args));
            assertEquals("", served.out() + served.err(), String.join(" ", args));
        }
        assertFalse(Files.exists(temp.resolve("out")));

        // a profile without plugin folders is served, and read from the client's folder
        Files.writeString(temp.resolve("plain.yaml"), "region: eu-west-1\n");
        CliRunner.Result here = CliRunner.run(temp, "convert", "-f", input.toString(), "-o", "o-local", "--profile", "plain.yaml");
        Run served = client(temp, "", "convert", "-f", input.toString(), "-o", "o-served", "--profile", "plain.yaml");
        assertEquals(ExitCodes.OK, served.status(), served.err());
        assertEquals(files(temp.resolve("o-local")), files(temp.resolve("o-served")));
        assertEquals(here.err().replace("o-local", "OUT"), served.err().replace("o-served", "OUT"));
    }

    @Test
    void theLogHasALinePerRunAndNothingOfItsInputOrCommandLine() throws IOException {
        String secret = "pa55-" + System.nanoTime();
        String manifest = Files.readString(E2E.resolve("workloads-irsa-sgp/input/workloads.yaml")) + """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: default}
                stringData: {PASSWORD: %s}
                """.formatted(secret);
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Run served;
        Run broken;
        try {
            // the launcher sends the server's own standard output and error to its log as well
            System.setOut(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
            served = client(temp, manifest, "convert", "-f", "-", "-o", "out", "--include-secret-values",
                    "--option", "emit-ecs-json.token=" + secret);
            broken = client(temp, manifest + "  bad: [" + secret, "convert", "-f", "-", "-o", "out2", "--stacktrace");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertTrue(Files.readString(temp.resolve("out/secret-values.env")).contains(secret), served.err());
        assertEquals(ExitCodes.CONVERSION_ERRORS, broken.status(), broken.err());
        assertEquals(List.of("served: exit " + served.status(), "served: exit " + broken.status()),
                serverLog.toString().lines().map(line -> line.replaceFirst(" in [0-9.]+ s$", "")).toList());
        assertFalse(serverLog.toString().contains(secret) || console.toString(StandardCharsets.UTF_8).contains(secret));
    }

    @Test
    void noServerListeningIsSaidByTheExitStatusAlone() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ServerClient(temp.resolve("none.sock"), temp, Terminal.NONE, InputStream.nullInputStream(),
                new ByteArrayOutputStream(), err).run(List.of("convert", "-f", "a.yaml"));

        assertEquals(ServerClient.NO_SERVER, status);
        assertEquals(0, err.size());
    }

    @Test
    void aSecondServerOnTheSameSocketLeavesAtOnce() throws IOException {
        int status = new ConversionServer(socket, Duration.ofMinutes(5), null, new PrintWriter(new StringWriter())).serve();

        assertEquals(ExitCodes.OK, status);
        assertTrue(Files.exists(socket), "the first server's socket must stay");
        assertTheServerStillServes();
    }

    @Test
    void aSocketFolderOtherUsersMayEnterIsRefused() throws IOException {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x---"));
        StringWriter log = new StringWriter();

        assertNotNull(ConversionServer.privateFolderProblem(open));
        assertEquals(ExitCodes.USAGE, new ConversionServer(open.resolve("s.sock"), Duration.ofMinutes(5), null,
                new PrintWriter(log, true)).serve());
        assertTrue(log.toString().contains("open to other users (rwxr-x---)"), log.toString());
        assertFalse(Files.exists(open.resolve("s.sock")));
        assertNull(ConversionServer.privateFolderProblem(socket.getParent()));
    }

    @Test
    void anIdleServerLeavesAndRemovesItsSocket() throws Exception {
        Path folder = socket.getParent();
        Path other = folder.resolve("idle.sock");
        int status = new ConversionServer(other, Duration.ofMillis(200), null, new PrintWriter(new StringWriter())).serve();

        assertEquals(ExitCodes.OK, status);
        assertFalse(Files.exists(other));
    }

    @Test
    void aClientThatGoesAwayWhileItsInputIsReadCancelsTheRun() throws Exception {
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        assertEquals(ExitCodes.OK, client(temp, "", "convert", "-f", input.toString(), "-o", "out").status());
        Map<String, String> before = snapshot(temp.resolve("out"));

        // the server cannot have run far: it waits for the input this client never finishes sending
        try (RawClient gone = new RawClient(temp, "convert", "-f", "-", "-o", "out")) {
            assertEquals(ServerProtocol.STDIN_WANTED, gone.awaitFrame(ServerProtocol.STDIN_WANTED));
            gone.sendStdin(Files.readString(input.resolve("workloads.yaml")));
        }

        assertTheServerStillServes();
        assertEquals(before, snapshot(temp.resolve("out")), "a cancelled run changed the output");
        assertNoStaging(temp);
        assertTrue(serverLog.toString().contains("the run was cancelled"), serverLog.toString());
    }

    @Test
    void aClientThatGoesAwayWhileTheFilesAreWrittenCancelsTheRun() throws Exception {
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        assertEquals(ExitCodes.OK, client(temp, "", "convert", "-f", input.toString(), "-o", "out").status());
        Map<String, String> before = snapshot(temp.resolve("out"));
        Path big = generate(temp.resolve("big"), 1500);

        // the staging folder inside the output exists from the emitters' start until the commit, which
        // for this many applications is a second or more: the client leaves well before the commit
        try (RawClient gone = new RawClient(temp, "convert", "-f", big.toString(), "-o", "out")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!hasStaging(temp.resolve("out"))) {
                assertTrue(System.nanoTime() < deadline, "the run never began writing: " + serverLog);
                Thread.sleep(2);
            }
        }

        assertTheServerStillServes();
        assertEquals(before, snapshot(temp.resolve("out")), "a cancelled run changed the output");
        assertNoStaging(temp);
        assertTrue(serverLog.toString().contains("the run was cancelled"), serverLog.toString());
    }

    @Test
    void aClientThatNeverSendsItsRequestDoesNotHoldUpTheNext() throws Exception {
        ExecutorService nextClient = Executors.newSingleThreadExecutor();
        try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(UnixDomainSocketAddress.of(socket));
            nextClient.submit(() -> {
                assertTheServerStillServes();
                return null;
            }).get(1, TimeUnit.MINUTES);
        } finally {
            nextClient.shutdownNow();
        }
        assertTrue(serverLog.toString().contains("sent no request within 2000 ms"), serverLog.toString());
    }

    @Test
    void aRequestTheServerCannotTakeIsLeftToTheCallerAndTheServerStays() throws Exception {
        for (String workingDirectory : List.of(temp + "/a\0b", "relative/folder")) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                ServerProtocol.Request.write(new DataOutputStream(new BufferedOutputStream(ServerProtocol.output(channel))),
                        workingDirectory, List.of("convert", "-f", "a.yaml"), Terminal.NONE, ServerProtocol.platform());
                DataInputStream in = new DataInputStream(new BufferedInputStream(ServerProtocol.input(channel)));
                assertEquals(ServerProtocol.RUN_HERE, ServerProtocol.readType(in), workingDirectory);
            }
        }
        assertTheServerStillServes();
        assertFalse(server.isDone());
    }

    @Test
    void aClientWithAnotherLocaleOrEncodingRunsItsCommandItself() throws Exception {
        // what a client started with LANG=C (and this server with a UTF-8 locale), or the other way round, sends
        String other = ServerProtocol.platform().contains("UTF-8") ? "en-US en-US en-US US-ASCII ANSI_X3.4-1968" : "en-US en-US en-US UTF-8 UTF-8";
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        try (RawClient elsewhere = new RawClient(new ServerProtocol.Request(temp, List.of("convert", "-f", input.toString(), "-o", "out"),
                Terminal.NONE, other))) {
            elsewhere.awaitFrame(ServerProtocol.RUN_HERE);
        }
        assertFalse(Files.exists(temp.resolve("out")));
        assertTheServerStillServes();
    }

    @Test
    void aServerOfAnotherUserIsNotTalkedTo() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ServerClient(socket, temp, Terminal.NONE, InputStream.nullInputStream(), new ByteArrayOutputStream(), err,
                "someone-else").run(List.of("convert", "-f", "a.yaml"));

        assertEquals(ServerProtocol.NOT_SERVED, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is served by user " + System.getProperty("user.name")
                + ", not by someone-else; converting here"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClientOfAnotherUserIsRefused() throws Exception {
        Path other = socket.resolveSibling("other.sock");
        StringWriter log = new StringWriter();
        ExecutorService otherServer = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = otherServer.submit(new ConversionServer(other, Duration.ofMinutes(5), null,
                    new PrintWriter(log, true), REQUEST_LIMIT, "someone-else")::serve);
            for (int i = 0; i < 500 && !Files.exists(other); i++) {
                Thread.sleep(10);
            }
            Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
            int status = new ServerClient(other, temp, Terminal.NONE, InputStream.nullInputStream(), new ByteArrayOutputStream(),
                    new ByteArrayOutputStream()).run(List.of("convert", "-f", input.toString(), "-o", "out"));

            assertEquals(ServerClient.NO_SERVER, status);
            assertFalse(Files.exists(temp.resolve("out")));
            assertTrue(log.toString().contains("refused a client of user " + System.getProperty("user.name")), log.toString());
            Files.delete(other);
            assertEquals(ExitCodes.OK, serving.get(30, TimeUnit.SECONDS));
        } finally {
            otherServer.shutdownNow();
        }
    }

    @Test
    void manyRunsInOneServerLeaveNoThreadsOrOpenFilesBehind() throws Exception {
        servedRound(0);
        List<String> perRun = List.of("kube2ecs-server-run", "kube2ecs-server-input", "kube2ecs-plugins", "kube2ecs-parse",
                "kube2ecs-emit", "kube2ecs-report", "kube2ecs-client-stdin");
        // the pools are shut down, not waited for: their threads leave a moment after the run
        List<String> threads = eventually(ConversionServerTest::kube2ecsThreads, names -> names.stream().noneMatch(perRun::contains));
        long files = openFiles();
        for (int round = 1; round < 5; round++) {
            servedRound(round);
        }

        assertEquals(threads, eventually(ConversionServerTest::kube2ecsThreads, threads::equals));
        if (files >= 0) {
            assertEquals(files, (long) eventually(ConversionServerTest::openFiles, open -> open <= files), "open files");
        }
    }

    /** A conversion of files, one of standard input, one of bad input, and one whose client leaves. */
    private void servedRound(int round) throws IOException {
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        assertEquals(ExitCodes.OK, client(temp, "", "convert", "-f", input.toString(), "-o", "files" + round).status());
        String manifest = Files.readString(input.resolve("workloads.yaml"));
        assertEquals(ExitCodes.OK, client(temp, manifest, "convert", "-f", "-", "-o", "stdin" + round).status());
        assertEquals(ExitCodes.CONVERSION_ERRORS, client(temp, "", "convert", "-f",
                E2E.resolve("syntax-error-writes-nothing/input").toAbsolutePath().toString(), "-o", "bad" + round).status());
        try (RawClient gone = new RawClient(temp, "convert", "-f", "-", "-o", "gone" + round)) {
            gone.awaitFrame(ServerProtocol.STDIN_WANTED);
        }
    }

    private static List<String> kube2ecsThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("kube2ecs-")).sorted().toList();
    }

    /** @return how many files this JVM has open, or -1 where /proc does not say */
    private static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 1; // the listing's own
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** Polls until the value is right, for a minute at most, and returns the last one either way. */
    private static <T> T eventually(java.util.function.Supplier<T> value, java.util.function.Predicate<T> right) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        T last = value.get();
        while (!right.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            last = value.get();
        }
        return last;
    }

    /** A served conversion after whatever came before gives what a run here gives. */
    private void assertTheServerStillServes() throws IOException {
        Path input = E2E.resolve("workloads-irsa-sgp/input").toAbsolutePath();
        CliRunner.Result here = CliRunner.run(temp, "convert", "-f", input.toString(), "-o", "next-local");
        Run served = client(temp, "", "convert", "-f", input.toString(), "-o", "next-served");
        assertEquals(here.exitCode(), served.status(), served.err());
        assertEquals(here.err().replace("next-local", "OUT"), served.err().replace("next-served", "OUT"));
        assertEquals(files(temp.resolve("next-local")), files(temp.resolve("next-served")));
    }

    private static boolean hasStaging(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(".kube2ecs-staging-"));
        }
    }

    private static void assertNoStaging(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> left = walk.filter(p -> p.getFileName().toString().startsWith(".kube2ecs-staging-")).toList();
            assertEquals(List.of(), left, "a cancelled run left its staging folder");
        }
    }

    /**
     * Every file under root with its content and modification time, and every folder (whose own time
     * a staging folder made and removed inside it changes).
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                entries.put(root.relativize(path).toString(), Files.isRegularFile(path)
                        ? Files.getLastModifiedTime(path) + " " + Files.readString(path) : "<folder>");
            }
        }
        return entries;
    }

    /** count applications, each a ConfigMap, a Deployment and a Service in a file of its own. */
    static Path generate(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Files.writeString(folder.resolve("app" + i + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: app%1$d, namespace: ns%2$d}
                    data: {LOG_LEVEL: info, UPSTREAM: "http://app%1$d.ns%2$d.svc.cluster.local"}
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: app%1$d, namespace: ns%2$d, labels: {app: app%1$d}}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {app: app%1$d}}
                      template:
                        metadata: {labels: {app: app%1$d}}
                        spec:
                          containers:
                          - name: web
                            image: registry.example.com/app%1$d:1.0
                            ports: [{name: http, containerPort: 8080}]
                            envFrom: [{configMapRef: {name: app%1$d}}]
                            resources: {requests: {cpu: 250m, memory: 256Mi}}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: app%1$d, namespace: ns%2$d}
                    spec:
                      selector: {app: app%1$d}
                      ports: [{name: http, port: 80, targetPort: http}]
                    """.formatted(i, i % 10));
        }
        return folder;
    }

    /** Speaks the protocol by hand, to stop where {@link ServerClient} never would. */
    private final class RawClient implements AutoCloseable {
        private final SocketChannel channel;
        private final DataOutputStream out;
        private final DataInputStream in;
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        RawClient(Path workingDirectory, String... args) throws IOException {
            this(new ServerProtocol.Request(workingDirectory, List.of(args), Terminal.NONE));
        }

        RawClient(ServerProtocol.Request request) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            out = new DataOutputStream(new BufferedOutputStream(ServerProtocol.output(channel)));
            in = new DataInputStream(new BufferedInputStream(ServerProtocol.input(channel)));
            request.write(out);
        }

        /** @return the type of the first frame that is not output, which must be the one expected */
        int awaitFrame(byte expected) throws IOException {
            while (true) {
                int type = ServerProtocol.readType(in);
                if (type == ServerProtocol.OUT || type == ServerProtocol.ERR) {
                    stderr.write(ServerProtocol.readBytes(in, in.readInt()));
                    continue;
                }
                assertEquals(expected, type, "frame; so far: " + stderr.toString(StandardCharsets.UTF_8));
                return type;
            }
        }

        void sendStdin(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ServerProtocol.writeFrame(out, ServerProtocol.STDIN, bytes, 0, bytes.length);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            String text = Files.readString(path);
            // report.md and report.json name the output folder they were written to
            files.put(root.relativize(path).toString(), text.replace(root.getFileName().toString(), "OUT"));
        }
        return files;
    }
}
