package io.kube2ecs.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends one command to a {@link ConversionServer} and plays its output back on this process's
 * streams, so a served run looks exactly like one run here: the same output, diagnostics and exit
 * status. Loads nothing but the JDK's own classes, so its JVM starts in a few tens of milliseconds.
 */
final class ServerClient {

    /** The client's exit status when no server answered on the socket; the launcher then starts one. */
    static final int NO_SERVER = 76;

    private final Path socket;
    private final Path workingDirectory;
    private final Terminal terminal;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final String user;

    ServerClient(Path socket, Path workingDirectory, Terminal terminal, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this(socket, workingDirectory, terminal, stdin, stdout, stderr, System.getProperty("user.name"));
    }

    /** @param user whose server to talk to: this process's user, or another in tests */
    ServerClient(Path socket, Path workingDirectory, Terminal terminal, InputStream stdin, OutputStream stdout, OutputStream stderr,
                 String user) {
        this.user = user;
        this.socket = socket;
        this.workingDirectory = workingDirectory;
        this.terminal = terminal;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param args the command line
     * @return the run's exit status; {@link ServerProtocol#NOT_SERVED} when the server would not run
     *         it, or belongs to another user (then that is said), {@link #NO_SERVER} when none
     *         answered (otherwise nothing was printed or read)
     */
    int run(List<String> args) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return NO_SERVER;
        }
        boolean answered = false;
        try (channel) {
            String owner = ServerProtocol.peer(channel);
            if (!user.equals(owner)) {
                // whoever made the socket's folder, only a server of this user may see the input and the
                // command line, and write to this terminal
                PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
                err.println("kube2ecs: " + socket + " is served by " + (owner == null ? "a process of unknown user" : "user " + owner)
                        + ", not by " + user + "; converting here");
                return ServerProtocol.NOT_SERVED;
            }
            DataOutputStream toServer = new DataOutputStream(new BufferedOutputStream(ServerProtocol.output(channel)));
            DataInputStream fromServer = new DataInputStream(new BufferedInputStream(ServerProtocol.input(channel), 1 << 16));
            new ServerProtocol.Request(workingDirectory, args, terminal).write(toServer);
            while (true) {
                int type = ServerProtocol.readType(fromServer);
                if (type == ServerProtocol.OUT || type == ServerProtocol.ERR) {
                    byte[] bytes = ServerProtocol.readBytes(fromServer, fromServer.readInt());
                    OutputStream target = type == ServerProtocol.OUT ? stdout : stderr;
                    target.write(bytes);
                    target.flush();
                    answered = true;
                } else if (type == ServerProtocol.STDIN_WANTED) {
                    answered = true; // what it reads is gone from our standard input: no running it again here
                    sendStdin(toServer);
                } else if (type == ServerProtocol.EXIT) {
                    return fromServer.readInt();
                } else if (type == ServerProtocol.RUN_HERE && !answered) {
                    return ServerProtocol.NOT_SERVED;
                } else {
                    return lost(answered, type < 0 ? "it closed the connection" : "it sent frame " + type);
                }
            }
        } catch (IOException e) {
            return lost(answered, e.getMessage());
        }
    }

    /** The server stopped mid-run (killed, out of memory): say so, or let the launcher run the command here if nothing happened yet. */
    private int lost(boolean answered, String why) {
        if (!answered) {
            return NO_SERVER;
        }
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        err.println("kube2ecs: the conversion server stopped before the run ended (" + why + "); its output folder is left as it was");
        err.println("    hint: run it again; KUBE2ECS_SERVER=off runs every conversion in its own JVM");
        return ExitCodes.INTERNAL;
    }

    private void sendStdin(DataOutputStream toServer) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[1 << 16];
            try {
                int count;
                while ((count = stdin.read(buffer)) >= 0) {
                    synchronized (toServer) {
                        ServerProtocol.writeFrame(toServer, ServerProtocol.STDIN, buffer, 0, count);
                        toServer.flush();
                    }
                }
                synchronized (toServer) {
                    toServer.writeByte(ServerProtocol.STDIN_END);
                    toServer.flush();
                }
            } catch (IOException e) {
                // the run ended or the server went away; the main thread reports which
            }
        }, "kube2ecs-client-stdin");
        pump.setDaemon(true);
        pump.start();
    }
}
