import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The floor the benchmark compares kube2ecs with: what any converter of the same input into the same
 * files must do at least, in the same JVM settings. Parses every YAML document of the input folder
 * with snakeyaml-engine (one thread), then writes a file of the same size at every path of a
 * reference output (kube2ecs's own output of that input): as many folders, files and bytes.
 * Usage: javac -cp snakeyaml-engine.jar -d DIR Floor.java; java -cp snakeyaml-engine.jar:DIR Floor
 * INPUT_DIR OUTPUT_DIR REFERENCE_OUTPUT_DIR
 */
public final class Floor {

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path reference = Path.of(args[2]);
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
        List<Path> outputs;
        try (Stream<Path> walk = Files.walk(reference)) {
            outputs = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        for (Path file : outputs) {
            Path target = output.resolve(reference.relativize(file).toString());
            Files.createDirectories(target.getParent());
            byte[] content = new byte[(int) Files.size(file)];
            java.util.Arrays.fill(content, (byte) 'x');
            Files.write(target, content);
            bytes += content.length;
        }
        System.out.println(documents + " documents, " + outputs.size() + " files, " + bytes + " bytes");
    }
}
