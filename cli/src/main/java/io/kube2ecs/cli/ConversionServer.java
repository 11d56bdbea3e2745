package io.kube2ecs.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A JVM kept between conversions, so that a later run finds its code compiled instead of starting
 * cold: on two cores a fresh JVM spends about a third of a 1,000-application conversion compiling,
 * and its C1-only code runs at half the speed C2's would. The launcher ({@code bin/kube2ecs}) starts
 * one in the background after a conversion and sends later ones to it through {@link ServerClient};
 * each run gets a new {@link Kube2Ecs} with the client's working directory, terminal, streams and
 * arguments, and a pipeline built anew, so nothing of one run reaches the next.
 *
 * <p>Only conversions of files with the bundled plugins are served: a cluster read depends on the
 * client's environment (kubeconfig, in-cluster variables), and plugin jars would pile up class
 * loaders; those run in the client's own JVM, as does a client whose locale or encodings are not
 * the server's. Runs are served one at a time. The socket lives in a folder only its user may
 * enter, and each end checks that the other is a process of the same user. The server leaves when
 * idle for a while, when its socket is removed, or when its jar is rebuilt.
 */
final class ConversionServer {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** A client sends its request as soon as it connects; it takes a few milliseconds. */
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);

    private final Path socket;
    private final Duration idleLimit;
    private final Path jar;
    private final PrintWriter log;
    private final Duration requestLimit;
    private final String user;

    /**
     * @param socket    where to listen; its folder must be private to this user
     * @param idleLimit how long to wait for a client before leaving
     * @param jar       the jar this server runs from, to leave when it is rebuilt; null to not watch
     * @param log       where the server's own messages go (the launcher sends them to a file)
     */
    ConversionServer(Path socket, Duration idleLimit, Path jar, PrintWriter log) {
        this(socket, idleLimit, jar, log, REQUEST_LIMIT, System.getProperty("user.name"));
    }

    /**
     * @param requestLimit how long a client may take to send its request once connected
     * @param user         the only user whose clients are served: this process's, or another in tests
     */
    ConversionServer(Path socket, Duration idleLimit, Path jar, PrintWriter log, Duration requestLimit, String user) {
        this.user = user;
        this.socket = socket.toAbsolutePath();
        this.idleLimit = idleLimit;
        this.jar = jar;
        this.log = log;
        this.requestLimit = requestLimit;
    }

    /**
     * Serves until idle, the socket is gone or the jar changed.
     *
     * @return the process's exit status: {@link ExitCodes#OK}, or {@link ExitCodes#USAGE} when the
     *         socket's folder is not private
     */
    int serve() throws IOException {
        Path folder = socket.getParent();
        String problem = privateFolderProblem(folder);
        if (problem != null) {
            log.println("kube2ecs server: " + problem + "; not serving");
            log.flush();
            return ExitCodes.USAGE;
        }
        Object jarStamp = stamp(jar);
        try (FileChannel lockFile = FileChannel.open(folder.resolve(socket.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                return ExitCodes.OK; // another server took this socket first
            }
            Files.deleteIfExists(socket); // left by a server that was killed
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                 Selector selector = Selector.open()) {
                server.bind(UnixDomainSocketAddress.of(socket));
                Object socketKey = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
                long lastUsed = System.nanoTime();
                try {
                    while (true) {
                        selector.select(Math.max(1, Math.min(CHECK_EVERY.toMillis(), idleLimit.toMillis())));
                        selector.selectedKeys().clear();
                        SocketChannel client = server.accept();
                        if (client != null) {
                            handle(client);
                            lastUsed = System.nanoTime();
                            continue;
                        }
                        if (System.nanoTime() - lastUsed >= idleLimit.toNanos() || !isOurs(socket, socketKey)
                                || !Objects.equals(jarStamp, stamp(jar))) {
                            return ExitCodes.OK;
                        }
                    }
                } finally {
                    if (isOurs(socket, socketKey)) {
                        Files.deleteIfExists(socket);
                    }
                }
            }
        }
    }

    /** Runs one client's command; a client that goes away cancels its run, which then writes nothing. */
    private void handle(SocketChannel client) {
        try (client) {
            String peer = ServerProtocol.peer(client);
            if (!user.equals(peer)) {
                // the private folder keeps other users out; this holds too if its permissions were changed since
                log.println("kube2ecs server: refused a client of " + (peer == null ? "an unknown user" : "user " + peer));
                log.flush();
                return;
            }
            ServerProtocol.Request request;
            try {
                request = readRequest(client);
            } catch (java.net.SocketTimeoutException e) {
                log.println("kube2ecs server: a client sent no request within " + requestLimit.toMillis() + " ms; it was let go");
                log.flush();
                return;
            } catch (RuntimeException e) {
                // a request this JVM cannot take (a path with a NUL character, say) is the caller's to run;
                // it must not end the server for every client after it
                log.println("kube2ecs server: a request could not be read: " + e.getClass().getName());
                log.flush();
                request = null;
            }
            client.configureBlocking(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(ServerProtocol.input(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ServerProtocol.output(client)));
            // a relative folder would be resolved against the server's own, which is /
            if (request == null || !request.workingDirectory().isAbsolute() || !Kube2Ecs.serves(request.args(), request.workingDirectory())) {
                out.writeByte(ServerProtocol.RUN_HERE);
                out.flush();
                return;
            }
            run(request, in, out);
        } catch (IOException e) {
            log.println("kube2ecs server: a client went away: " + e.getMessage());
            log.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // only this client's run is lost; its message could hold what it read, which stays out of the log
            log.println("kube2ecs server: a request failed: " + e.getClass().getName());
            log.flush();
        } finally {
            // a run's input and model are garbage now: give the memory back while nobody waits
            System.gc();
        }
    }

    private void run(ServerProtocol.Request request, DataInputStream in, DataOutputStream out) throws IOException, InterruptedException {
        ClientInput stdin = new ClientInput(out);
        PrintWriter stdout = printer(out, ServerProtocol.OUT);
        PrintWriter stderr = printer(out, ServerProtocol.ERR);
        int[] status = {ExitCodes.INTERNAL};
        long started = System.nanoTime();
        RunThread run = new RunThread(() -> status[0] = new Kube2Ecs(stdout, stderr, () -> stdin.requested(), request.workingDirectory(),
                request.terminal()).served().prepareBundledPipeline().run(request.args().toArray(String[]::new)));
        Thread reader = new Thread(() -> readClient(in, stdin, run), "kube2ecs-server-input");
        reader.setDaemon(true);
        run.start();
        reader.start();
        run.join();
        if (run.cancelled) {
            log.println("kube2ecs server: the client went away before its run ended; the run was cancelled");
            log.flush();
            return;
        }
        stdout.flush();
        stderr.flush();
        // before the exit status, so the line is there once the client is done; neither the command
        // line nor the working directory: an --option value may be a secret
        log.println(String.format(java.util.Locale.ROOT, "served: exit %d in %.3f s", status[0], (System.nanoTime() - started) / 1e9));
        log.flush();
        synchronized (out) {
            out.writeByte(ServerProtocol.EXIT);
            out.writeInt(status[0]);
            out.flush();
        }
    }

    /**
     * Reads the request, waiting for it at most {@link #requestLimit}: runs are served one at a time,
     * so a client stopped between connecting and sending it (Ctrl-Z) would otherwise hold up every
     * client after it, and keep the server from ever being idle.
     */
    private ServerProtocol.Request readRequest(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            client.register(selector, SelectionKey.OP_READ);
            long deadline = System.nanoTime() + requestLimit.toNanos();
            InputStream timed = new ServerProtocol.ChunkInput() {
                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    while (length > 0) {
                        int count = client.read(java.nio.ByteBuffer.wrap(bytes, offset, length));
                        if (count != 0) {
                            return count;
                        }
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new java.net.SocketTimeoutException("no request");
                        }
                        selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
                        selector.selectedKeys().clear();
                    }
                    return 0;
                }
            };
            // not buffered, so that nothing the client sends after its request is taken here
            return ServerProtocol.Request.read(new DataInputStream(timed));
        }
    }

    /**
     * A run's thread, cancelled without being interrupted. The pipeline asks
     * {@code Thread.currentThread().isInterrupted()} just before it commits, and this answers yes once
     * the client is gone. A real interrupt would also reach the core's waits for its worker threads
     * ({@code Workers.join}, the report's JSON job), which then stop waiting: the staging folder was
     * removed while the emitters still wrote into it, leaving thousands of their files in or beside
     * the output folder. The JDK's interruptible channels ask the same question, so the run's own
     * reads and writes of files fail at once after a cancel, which only shortens it.
     */
    private static final class RunThread extends Thread {
        private volatile boolean cancelled;

        RunThread(Runnable run) {
            super(run, "kube2ecs-server-run");
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isInterrupted() {
            return cancelled || super.isInterrupted();
        }
    }

    /** Reads what the client sends: standard input once asked, and the end of the connection, which cancels the run. */
    private static void readClient(DataInputStream in, ClientInput stdin, RunThread run) {
        try {
            while (true) {
                int type = ServerProtocol.readType(in);
                if (type == ServerProtocol.STDIN) {
                    stdin.add(ServerProtocol.readBytes(in, in.readInt()));
                } else if (type == ServerProtocol.STDIN_END) {
                    stdin.end();
                } else {
                    break;
                }
            }
        } catch (IOException e) {
            // the connection ended: the same as the client leaving
        }
        if (run.isAlive()) {
            // cancelled first, so that a run that reads its input to the end below is already cancelled
            run.cancel(); // the client was stopped (Ctrl-C): the pipeline then writes nothing
        }
        // what the client sent of its input is not all of it: reading on must fail, not see an end
        stdin.fail();
    }

    private static PrintWriter printer(DataOutputStream out, byte type) {
        OutputStream frames = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (out) {
                    ServerProtocol.writeFrame(out, type, bytes, offset, length);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (out) {
                    out.flush();
                }
            }
        };
        return new PrintWriter(new java.io.OutputStreamWriter(new BufferedOutputStream(frames, 1 << 13), StandardCharsets.UTF_8), true);
    }

    /**
     * @return why the folder does not keep other users out, or null when it does
     */
    static String privateFolderProblem(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return folder + " is not a folder";
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
            for (PosixFilePermission permission : permissions) {
                if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
                    return folder + " is open to other users (" + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                            + "); it must be rwx------";
                }
            }
            String owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                return folder + " belongs to " + owner;
            }
        } catch (UnsupportedOperationException e) {
            return folder + " has no POSIX permissions to check";
        }
        return null;
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by another server in this JVM
        }
    }

    private static boolean isOurs(Path socket, Object key) {
        try {
            return Objects.equals(key, Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private static Object stamp(Path jar) {
        if (jar == null) {
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey();
        } catch (IOException e) {
            return "gone";
        }
    }

    /** Standard input as the client sends it, asked for the first time the command wants it. */
    private static final class ClientInput extends ServerProtocol.ChunkInput {
        private static final byte[] END = new byte[0];
        private static final byte[] GONE = new byte[0];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private final DataOutputStream toClient;
        private boolean asked;
        private byte[] current;
        private int position;
        private boolean ended;
        private boolean gone;

        ClientInput(DataOutputStream toClient) {
            this.toClient = toClient;
        }

        synchronized InputStream requested() {
            if (!asked) {
                asked = true;
                try {
                    synchronized (toClient) {
                        toClient.writeByte(ServerProtocol.STDIN_WANTED);
                        toClient.flush();
                    }
                } catch (IOException e) {
                    fail(); // the client is gone, and the run is being cancelled
                }
            }
            return this;
        }

        void add(byte[] chunk) {
            if (chunk.length > 0) {
                chunks.add(chunk);
            }
        }

        void end() {
            chunks.add(END);
        }

        /** The client went away: reading past what it sent fails (after a complete input, that is still its end). */
        void fail() {
            chunks.add(GONE);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!ended && !gone && (current == null || position == current.length)) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the client went away");
                }
                position = 0;
                ended = current == END;
                gone = current == GONE;
            }
            if (gone) {
                throw new InterruptedIOException("the client went away");
            }
            if (ended) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
