import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The floor the benchmark compares kube2ecs with: what any converter of the same input must do at
 * least, in the same JVM settings. Parses every YAML document of the input folder with
 * snakeyaml-engine and writes the given number of bytes in files of 4 KiB.
 * Usage: java -cp snakeyaml-engine.jar bench/Floor.java INPUT_DIR OUTPUT_DIR BYTES
 */
public final class Floor {

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long bytes = Long.parseLong(args[2]);
        int documents = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(input)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            Load load = new Load(LoadSettings.builder().build());
            for (Object document : load.loadAllFromString(Files.readString(file, StandardCharsets.UTF_8))) {
                if (document != null) {
                    documents++;
                }
            }
        }
        Files.createDirectories(output);
        byte[] block = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);
        for (long written = 0, n = 0; written < bytes; written += block.length, n++) {
            Files.write(output.resolve("f" + n), block);
        }
        System.out.println(documents + " documents, " + bytes + " bytes");
    }
}
