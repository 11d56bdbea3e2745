package io.kube2ecs.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ServerClient} and {@link ConversionServer} say to each other over a Unix socket. The
 * client sends one {@link Request}; then the server sends frames (a type byte, a length, the bytes)
 * of standard output and error, asks for standard input only if the command reads it, and ends with
 * the exit status. The client sends standard input in frames once asked, and closes the socket to
 * cancel the run.
 */
final class ServerProtocol {

    static final int MAGIC = 0x6b326563;
    /** Raised whenever a frame or the request changes: a client and server of other versions never talk. */
    static final int VERSION = 2;

    /** Server to client: bytes of standard output. */
    static final byte OUT = 1;
    /** Server to client: bytes of standard error. */
    static final byte ERR = 2;
    /** Server to client: the command reads standard input; send it. */
    static final byte STDIN_WANTED = 3;
    /** Server to client: the run ended with this status (4 bytes). */
    static final byte EXIT = 4;
    /** Server to client: this command is not served (a cluster read, own plugins, another version or platform); run it yourself. */
    static final byte RUN_HERE = 5;

    /** Client to server: bytes of standard input. */
    static final byte STDIN = 1;
    /** Client to server: standard input ended. */
    static final byte STDIN_END = 2;

    /**
     * The client's exit status when the server did not run the command (or none answered): the
     * launcher then runs it in a JVM of its own. Not one of {@link ExitCodes}.
     */
    static final int NOT_SERVED = 75;

    /** No argument, path or frame is anywhere near this long; a longer one means a stream out of step. */
    private static final int MAX_LENGTH = 1 << 24;

    private ServerProtocol() {
    }

    /**
     * What a conversion's result depends on that a JVM takes from its environment once, at start-up,
     * and a served run therefore takes from the run that started the server: the default locale
     * ({@code String.format}, {@code toLowerCase()} in the plugins), the default charset, and the
     * encoding of file names, outside which a path cannot even be made (a server started with
     * {@code LANG=C} fails on an {@code é} in a later run's folder). A server whose platform is not
     * its client's leaves the run to the client.
     *
     * @return this JVM's platform, compared as it is
     */
    static String platform() {
        return String.join(" ", java.util.Locale.getDefault().toLanguageTag(),
                java.util.Locale.getDefault(java.util.Locale.Category.FORMAT).toLanguageTag(),
                java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY).toLanguageTag(),
                java.nio.charset.Charset.defaultCharset().name(), String.valueOf(System.getProperty("sun.jnu.encoding")));
    }

    /**
     * One command to run.
     *
     * @param workingDirectory the client's working directory, where relative paths start
     * @param args             the command line
     * @param terminal         which of the client's streams are a terminal
     * @param platform         the client's {@link #platform()}
     */
    record Request(Path workingDirectory, List<String> args, Terminal terminal, String platform) {

        /** A request from this JVM. */
        Request(Path workingDirectory, List<String> args, Terminal terminal) {
            this(workingDirectory, args, terminal, ServerProtocol.platform());
        }

        void write(DataOutputStream out) throws IOException {
            write(out, workingDirectory.toString(), args, terminal, platform);
        }

        /** Also writes requests a real client never sends, for tests of what the server does with them. */
        static void write(DataOutputStream out, String workingDirectory, List<String> args, Terminal terminal, String platform)
                throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeString(out, platform);
            writeString(out, workingDirectory);
            out.writeInt(args.size());
            for (String arg : args) {
                writeString(out, arg);
            }
            out.writeBoolean(terminal.stdin());
            out.writeBoolean(terminal.stderr());
            out.flush();
        }

        /**
         * @return the request, or null when the client speaks another version of this protocol or
         *         runs on another {@link #platform()}
         */
        static Request read(DataInputStream in) throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return null;
            }
            String platform = readString(in);
            if (!platform.equals(ServerProtocol.platform())) {
                return null; // before any path is made: the client's may not be one in this JVM's encoding
            }
            Path workingDirectory = Path.of(readString(in));
            int count = in.readInt();
            if (count < 0 || count > 100_000) {
                throw new IOException("a request of " + count + " arguments");
            }
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(readString(in));
            }
            Terminal terminal = new Terminal(in.readBoolean(), in.readBoolean());
            return new Request(workingDirectory, List.copyOf(args), terminal, platform);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in, in.readInt()), StandardCharsets.UTF_8);
    }

    static void writeFrame(DataOutputStream out, byte type, byte[] bytes, int offset, int length) throws IOException {
        out.writeByte(type);
        out.writeInt(length);
        out.write(bytes, offset, length);
    }

    static byte[] readBytes(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("a frame of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** An input stream that reads in chunks only; a single byte is a chunk of one. */
    abstract static class ChunkInput extends java.io.InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /**
     * A stream that reads the channel itself. Not {@link java.nio.channels.Channels#newInputStream}:
     * its streams take the channel's blocking lock, so a read waiting for the peer would hold up
     * every write the other way, and each side waits while reading.
     */
    static java.io.InputStream input(java.nio.channels.SocketChannel channel) {
        return new ChunkInput() {
            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(java.nio.ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    /** A stream that writes to the channel itself; see {@link #input}. */
    static java.io.OutputStream output(java.nio.channels.SocketChannel channel) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    /**
     * @param channel a connected Unix socket
     * @return the name of the user whose process is at its other end, or null when the system does
     *         not tell (then nobody is trusted)
     */
    static String peer(java.nio.channels.SocketChannel channel) {
        try {
            return channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * @return the next frame's type, or -1 at the end of the stream
     */
    static int readType(DataInputStream in) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            return -1;
        }
    }
}
