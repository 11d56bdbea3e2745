package io.kube2ecs.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.AwsResource;
import io.kube2ecs.api.model.CloudMapService;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.FargateSize;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.load.LoadedObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code report.md} and {@code report.json}: what became of each input object, every diagnostic,
 * the fields not converted, the environment values still to give, the Fargate sizes, and a
 * diagram of the migrated application. Written beside the targets' folders by a run that writes
 * output; holds no secret value (diagnostics never carry one, and inputs are listed by name only).
 */
public final class ConversionReport {

    /** Version of the {@code report.json} layout; raised when a field changes meaning or goes away. */
    public static final String SCHEMA_VERSION = "1";

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    /** The file names, relative to the output folder. */
    public static final String MARKDOWN = "report.md";
    /** The file names, relative to the output folder. */
    public static final String JSON = "report.json";

    /** The pod-template library's note on the chosen Fargate size and its headroom. */
    private static final String SIZING_NOTE = "POD005";

    /** What became of one input object. */
    enum Fate {
        CONVERTED("converted"), APPROXIMATED("converted with approximations"), NOT_CONVERTED("not converted");

        final String text;

        Fate(String text) {
            this.text = text;
        }
    }

    /**
     * What the report needs of an input object: the run lets go of the parsed objects themselves
     * before emitting, since they are the largest part of its memory.
     *
     * @param file       the input it came from
     * @param line       the line it starts on
     * @param ref        kind, namespace and name
     * @param apiVersion the {@code apiVersion} as written
     */
    public record ReadObject(String file, int line, ObjectRef ref, String apiVersion) {

        /**
         * @param object a loaded object
         * @return what the report keeps of it
         */
        public static ReadObject of(LoadedObject object) {
            return new ReadObject(object.file(), object.root().line(), object.ref(), object.apiVersion());
        }
    }

    /** Everything the report is made of. */
    public record Inputs(List<String> locations, List<String> targets, Collection<ReadObject> objects, Set<ObjectRef> mapped,
                         DeploymentModel model, List<Diagnostic> diagnostics, Collection<String> outputFiles) {
    }

    private final Inputs in;
    private final Map<ReadObject, List<Diagnostic>> byObject = new LinkedHashMap<>();
    private final List<Diagnostic> unattributed = new ArrayList<>();
    /** Indexes, so the report stays linear in the size of the input. */
    private final Map<ObjectRef, List<AwsResource>> resourcesByOrigin = new HashMap<>();
    private final Map<ObjectRef, ReadObject> objectsByRef = new HashMap<>();

    private ConversionReport(Inputs given) {
        // sorted, so the order of -f options and of folder traversal does not show
        this.in = new Inputs(given.locations().stream().sorted().toList(), given.targets(), given.objects().stream()
                .sorted(java.util.Comparator.comparing(ReadObject::file).thenComparingInt(ReadObject::line)).toList(),
                given.mapped(), given.model(), given.diagnostics(), given.outputFiles());
        Map<String, TreeMap<Integer, ReadObject>> byFile = new HashMap<>();
        for (ReadObject object : in.objects()) {
            byFile.computeIfAbsent(object.file(), f -> new TreeMap<>()).put(object.line(), object);
            byObject.put(object, new ArrayList<>());
        }
        for (AwsResource resource : in.model().resources()) {
            for (ObjectRef origin : resource.origins()) {
                resourcesByOrigin.computeIfAbsent(origin, o -> new ArrayList<>()).add(resource);
            }
        }
        resourcesByOrigin.values().forEach(list -> list.sort((a, b) -> a.id().compareTo(b.id())));
        in.objects().forEach(object -> objectsByRef.put(object.ref(), object));
        for (Diagnostic diagnostic : in.diagnostics()) {
            ReadObject owner = null;
            if (diagnostic.location() != null && byFile.containsKey(diagnostic.location().file())) {
                // objects of one file follow each other, so a line belongs to the last object starting at or before it
                Map.Entry<Integer, ReadObject> entry = byFile.get(diagnostic.location().file()).floorEntry(diagnostic.location().line());
                owner = entry == null ? null : entry.getValue();
            }
            if (owner == null) {
                unattributed.add(diagnostic);
            } else {
                byObject.get(owner).add(diagnostic);
            }
        }
    }

    /** Where the report's files go, one stream per file. */
    public interface Destination {
        /**
         * @param name {@link #MARKDOWN} or {@link #JSON}
         * @return a stream for it; closed by the report
         * @throws IOException when it cannot be created
         */
        java.io.OutputStream create(String name) throws IOException;
    }

    /**
     * Writes {@code report.md} and {@code report.json} to streams as they are produced: a large run's
     * report is tens of megabytes, which built whole (a StringBuilder that kept doubling, a map per
     * object and diagnostic) went straight into the collector's old generation and were copied as they grew.
     *
     * @param inputs what the run read, made and reported
     * @param files  where the two files go
     * @throws IOException when a file cannot be written
     */
    public static void write(Inputs inputs, Destination files) throws IOException {
        ConversionReport report = new ConversionReport(inputs);
        // the two files only read what the constructor built, so they are written side by side; both
        // go through a Writer, which encodes a character beyond the basic plane as its four UTF-8
        // bytes (Jackson's own UTF-8 output would escape it as two \\u sequences)
        try (java.io.Writer json = new java.io.OutputStreamWriter(files.create(JSON), StandardCharsets.UTF_8);
             java.io.Writer markdown = new java.io.BufferedWriter(new java.io.OutputStreamWriter(files.create(MARKDOWN),
                     StandardCharsets.UTF_8), 1 << 16);
             io.kube2ecs.core.concurrent.Workers workers = new io.kube2ecs.core.concurrent.Workers("kube2ecs-report", 2)) {
            java.util.concurrent.Future<Void> jsonDone = workers.submit(() -> {
                try {
                    report.json(json);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            try {
                report.markdown(new Text(markdown));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            } finally {
                awaitQuietly(jsonDone); // the streams close on the way out: the other file must be done
            }
            try {
                io.kube2ecs.core.concurrent.Workers.join(jsonDone);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.Future<?> job) {
        try {
            job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // reported by the caller
        }
    }

    private Fate fate(ReadObject object) {
        if (!in.mapped().contains(object.ref())) {
            return Fate.NOT_CONVERTED;
        }
        boolean approximated = byObject.get(object).stream().anyMatch(d -> d.severity() != Severity.INFO);
        return approximated ? Fate.APPROXIMATED : Fate.CONVERTED;
    }

    private List<AwsResource> became(ObjectRef ref) {
        return resourcesByOrigin.getOrDefault(ref, List.of());
    }

    private String reason(ReadObject object) {
        String prefix = object.ref() + " is not converted: ";
        return byObject.get(object).stream().filter(d -> d.code().equals(Codes.KIND_UNSUPPORTED) || d.severity() == Severity.ERROR)
                .map(Diagnostic::message).map(m -> m.startsWith(prefix) ? m.substring(prefix.length()) : m).findFirst().orElse("");
    }

    private static String at(ReadObject object) {
        return object.file() + ":" + object.line();
    }

    private static String at(Diagnostic diagnostic) {
        if (diagnostic.location() == null) {
            return "(model)";
        }
        return diagnostic.location().file() + (diagnostic.location().line() > 0 ? ":" + diagnostic.location().line()
                + (diagnostic.location().column() > 0 ? ":" + diagnostic.location().column() : "") : "");
    }

    private List<Diagnostic> fieldDiagnostics() {
        return in.diagnostics().stream().filter(d -> d.code().equals(Codes.FIELD_NOT_CONVERTED) || d.code().equals(Codes.FIELD_IGNORED))
                .toList();
    }

    private List<TaskDefinition> tasks() {
        return in.model().all(TaskDefinition.class).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    private String sizingNote(TaskDefinition task) {
        for (ObjectRef origin : task.origins()) {
            ReadObject object = objectsByRef.get(origin);
            for (Diagnostic diagnostic : object == null ? List.<Diagnostic>of() : byObject.get(object)) {
                if (diagnostic.code().equals(SIZING_NOTE)) {
                    return diagnostic.message();
                }
            }
        }
        return "";
    }

    // ---- Markdown

    /** The Markdown as it is written, with StringBuilder's appends; a write error comes out unchecked. */
    private static final class Text {
        private final java.io.Writer out;

        Text(java.io.Writer out) {
            this.out = out;
        }

        Text append(CharSequence text) {
            try {
                out.append(text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }

        Text append(char c) {
            return append(String.valueOf(c));
        }

        Text append(long number) {
            return append(Long.toString(number));
        }
    }

    private void markdown(Text md) {
        md.append("# kube2ecs conversion report\n\n");
        md.append("Inputs: ").append(String.join(", ", in.locations().stream().map(ConversionReport::code).toList()))
                .append(" · targets: ").append(in.targets().isEmpty() ? "none" : String.join(", ", in.targets()))
                .append(" · report schema ").append(SCHEMA_VERSION).append(" (the same content as JSON: `report.json`)\n\n");
        Map<Fate, Integer> fates = new LinkedHashMap<>();
        for (Fate fate : Fate.values()) {
            fates.put(fate, 0);
        }
        in.objects().forEach(o -> fates.merge(fate(o), 1, Integer::sum));
        md.append("| | Count |\n|---|---|\n");
        md.append("| Objects read | ").append(in.objects().size()).append(" |\n");
        fates.forEach((fate, count) -> md.append("| ").append(capitalise(fate.text)).append(" | ").append(count).append(" |\n"));
        md.append("| AWS resources in the model | ").append(in.model().resources().size()).append(" |\n");
        md.append("| Errors / warnings / notes | ").append(count(Severity.ERROR)).append(" / ").append(count(Severity.WARNING))
                .append(" / ").append(count(Severity.INFO)).append(" |\n");
        md.append("| Environment values still to give | ").append(in.model().inputs().stream().filter(i -> !i.isKnown()).count())
                .append(" |\n\n");

        md.append("## Application\n\n");
        md.append("Load balancers, ECS services, their Cloud Map names and the parameters and secrets they read.\n\n");
        MermaidDiagram diagram = new MermaidDiagram(in.model());
        String flowchart = diagram.render();
        if (diagram.summarised()) {
            md.append(diagram.summaryNote()).append("\n\n");
        }
        if (flowchart != null) {
            md.append("```mermaid\n").append(flowchart).append("```\n\n");
        }

        md.append("## Objects\n\n");
        md.append("| Object | Source | Fate | Became |\n|---|---|---|---|\n");
        for (ReadObject object : in.objects()) {
            Fate fate = fate(object);
            String detail = switch (fate) {
                case NOT_CONVERTED -> reason(object);
                case APPROXIMATED -> "see " + byObject.get(object).stream().filter(d -> d.severity() != Severity.INFO)
                        .map(Diagnostic::code).distinct().sorted().map(ConversionReport::code).reduce((a, b) -> a + ", " + b).orElse("");
                case CONVERTED -> "";
            };
            String became = became(object.ref()).stream().map(r -> code(r.id().toString())).reduce((a, b) -> a + "<br>" + b).orElse("—");
            md.append("| ").append(cell(object.ref().toString())).append(" | ").append(code(at(object))).append(" | ")
                    .append(fate.text).append(detail.isEmpty() ? "" : ": " + cell(detail)).append(" | ").append(became).append(" |\n");
        }
        md.append('\n');

        List<EnvironmentInput> missing = in.model().inputs().stream().filter(i -> !i.isKnown()).toList();
        md.append("## Environment values\n\n");
        if (missing.isEmpty()) {
            md.append("Every value the output needs was given (profile or options).\n\n");
        } else {
            md.append("Still to give, in the profile or at deploy time (").append(missing.size())
                    .append("); secret values are never written here:\n\n| Name | What | Secret |\n|---|---|---|\n");
            for (EnvironmentInput input : missing) {
                md.append("| ").append(code(input.name())).append(" | ").append(cell(input.description())).append(" | ")
                        .append(input.sensitive() ? "yes" : "").append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Fargate sizes\n\n");
        if (tasks().isEmpty()) {
            md.append("No task definitions.\n\n");
        } else {
            md.append("| Task definition | vCPU | Memory (MiB) | How it was chosen |\n|---|---|---|---|\n");
            for (TaskDefinition task : tasks()) {
                md.append("| ").append(code(task.family())).append(" | ").append(vcpu(task.cpu())).append(" | ").append(task.memory())
                        .append(" | ").append(cell(sizingNote(task))).append(" |\n");
            }
            md.append('\n');
        }

        List<Diagnostic> fields = fieldDiagnostics();
        md.append("## Fields not converted\n\n");
        long notMapped = fields.stream().filter(d -> d.code().equals(Codes.FIELD_NOT_CONVERTED)).count();
        md.append(notMapped).append(" fields no plugin converted (`K2E201`, check whether the workload relies on them), and ")
                .append(fields.size() - notMapped).append(" left out on purpose with a reason (`K2E202`).\n\n");
        if (!fields.isEmpty()) {
            md.append("| Where | Field | Why |\n|---|---|---|\n");
            for (Diagnostic diagnostic : fields) {
                md.append("| ").append(code(at(diagnostic))).append(" | ")
                        .append(code(diagnostic.location() == null ? "" : diagnostic.location().path())).append(" | ")
                        .append(cell(diagnostic.code().equals(Codes.FIELD_NOT_CONVERTED) ? "not converted: "
                                + diagnostic.hintText().orElse("") : diagnostic.message())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Diagnostics\n\n");
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            List<Diagnostic> list = in.diagnostics().stream().filter(d -> d.severity() == severity
                    && !d.code().equals(Codes.FIELD_NOT_CONVERTED) && !d.code().equals(Codes.FIELD_IGNORED)).toList();
            if (list.isEmpty()) {
                continue;
            }
            String title = switch (severity) {
                case ERROR -> "Errors";
                case WARNING -> "Warnings";
                case INFO -> "Notes";
            };
            if (severity == Severity.INFO) {
                md.append("<details><summary>").append(title).append(" (").append(list.size()).append(")</summary>\n\n");
            } else {
                md.append("### ").append(title).append(" (").append(list.size()).append(")\n\n");
            }
            md.append("| Where | Code | Message | Hint |\n|---|---|---|---|\n");
            for (Diagnostic diagnostic : list) {
                md.append("| ").append(code(at(diagnostic))).append(" | ").append(code(diagnostic.code())).append(" | ")
                        .append(cell(diagnostic.message())).append(" | ").append(cell(diagnostic.hintText().orElse(""))).append(" |\n");
            }
            md.append(severity == Severity.INFO ? "\n</details>\n\n" : "\n");
        }

        md.append("## Output files\n\n");
        for (String file : new TreeSet<>(in.outputFiles())) {
            md.append("- ").append(code(file)).append('\n');
        }
    }

    private long count(Severity severity) {
        return in.diagnostics().stream().filter(d -> d.severity() == severity).count();
    }

    private static String vcpu(int cpu) {
        return new java.math.BigDecimal(cpu).divide(new java.math.BigDecimal(1024)).stripTrailingZeros().toPlainString();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A table cell: one line, pipes escaped, HTML-significant characters neutralised. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }

    private static String code(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String escaped = text.replace("|", "\\|").replace("\n", " ");
        return escaped.contains("`") ? "`` " + escaped + " ``" : "`" + escaped + "`";
    }

    // ---- JSON

    private void json(java.io.Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("inputs", in.locations());
        root.put("targets", in.targets());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("objects", in.objects().size());
        for (Fate fate : Fate.values()) {
            summary.put(fateKey(fate), in.objects().stream().filter(o -> fate(o) == fate).count());
        }
        summary.put("resources", in.model().resources().size());
        summary.put("errors", count(Severity.ERROR));
        summary.put("warnings", count(Severity.WARNING));
        summary.put("notes", count(Severity.INFO));
        root.put("summary", summary);

        // entries are made as they are written (an Iterable, not a list): a map per object and diagnostic
        // all at once was tens of megabytes that outlived several young collections
        root.put("objects", (Iterable<Object>) () -> in.objects().stream().<Object>map(this::objectEntry).iterator());
        root.put("unattributedDiagnostics", (Iterable<Object>) () -> unattributed.stream().<Object>map(ConversionReport::diagnostic).iterator());
        root.put("fieldsNotConverted", (Iterable<Object>) () -> fieldDiagnostics().stream().<Object>map(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", d.location() == null ? "" : d.location().file());
            entry.put("line", d.location() == null ? 0 : d.location().line());
            entry.put("column", d.location() == null ? 0 : d.location().column());
            entry.put("path", d.location() == null ? "" : d.location().path());
            entry.put("deliberate", d.code().equals(Codes.FIELD_IGNORED));
            entry.put("reason", d.code().equals(Codes.FIELD_IGNORED) ? d.message() : d.hintText().orElse(d.message()));
            return entry;
        }).iterator());
        root.put("environmentInputs", in.model().inputs().stream().map(i -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", i.name());
            entry.put("description", i.description());
            entry.put("type", i.type().name());
            entry.put("sensitive", i.sensitive());
            entry.put("given", i.isKnown());
            return entry;
        }).toList());
        root.put("taskSizes", tasks().stream().map(t -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("family", t.family());
            entry.put("cpu", t.cpu());
            entry.put("memory", t.memory());
            entry.put("note", sizingNote(t));
            return entry;
        }).toList());
        root.put("outputFiles", new TreeSet<>(in.outputFiles()));
        // the same bytes as before on every platform: two-space indents, '\n' line ends, one at the end
        // jackson-core's generator, not an ObjectMapper: the first mapper of a process costs about 45 ms
        // (its date format starts the JDK's calendar and locale providers), and these values are plain
        try (JsonGenerator generator = JSON_FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            writeValue(generator, root);
        }
        out.write('\n');
    }

    private Map<String, Object> objectEntry(ReadObject object) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("apiVersion", object.apiVersion());
        entry.put("kind", object.ref().kind().kind());
        entry.put("namespace", object.ref().namespace());
        entry.put("name", object.ref().name());
        entry.put("file", object.file());
        entry.put("line", object.line());
        entry.put("fate", fateKey(fate(object)));
        entry.put("resources", became(object.ref()).stream().map(r -> resource(r.id())).toList());
        entry.put("diagnostics", byObject.get(object).stream().map(ConversionReport::diagnostic).toList());
        return entry;
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            generator.writeStartArray();
            for (Object item : items) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("report.json has no form for a " + value.getClass().getName());
        }
    }

    private static String fateKey(Fate fate) {
        return switch (fate) {
            case CONVERTED -> "converted";
            case APPROXIMATED -> "approximated";
            case NOT_CONVERTED -> "notConverted";
        };
    }

    private static Map<String, Object> resource(ResourceId id) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", id.type());
        entry.put("namespace", id.namespace());
        entry.put("name", id.name());
        return entry;
    }

    private static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("code", d.code());
        entry.put("message", d.message());
        entry.put("hint", d.hint());
        entry.put("file", d.location() == null ? null : d.location().file());
        entry.put("line", d.location() == null ? null : d.location().line());
        entry.put("column", d.location() == null ? null : d.location().column());
        entry.put("path", d.location() == null ? null : d.location().path());
        entry.put("plugin", d.pluginId());
        return entry;
    }

    /**
     * The model as a Mermaid flowchart that GitHub renders. Mermaid refuses a diagram of more than
     * 50,000 characters or 500 edges by default ("Maximum text size in diagram exceeded"), and GitHub
     * keeps those defaults: a model of a few hundred services would show only that error. Past them
     * each namespace becomes one node with its counts; the Objects table still lists every resource.
     */
    static final class MermaidDiagram {
        /** Mermaid's default {@code maxTextSize}. */
        static final int MAX_TEXT = 50_000;
        /** Mermaid's default {@code maxEdges}. */
        static final int MAX_EDGES = 500;

        private final DeploymentModel model;
        private final Map<ResourceId, String> ids = new HashMap<>();
        private int edges;
        private String summaryNote;

        MermaidDiagram(DeploymentModel model) {
            this.model = model;
        }

        /** The schedule of each task definition a schedule starts: such a task is not a one-off. */
        private Map<ResourceId, ScheduledTask> schedules() {
            Map<ResourceId, ScheduledTask> out = new HashMap<>();
            for (ScheduledTask schedule : model.all(ScheduledTask.class)) {
                model.find(schedule.run(), RunTask.class).ifPresent(run -> out.putIfAbsent(run.taskDefinition(), schedule));
            }
            return out;
        }

        private String id(ResourceId resource) {
            return ids.computeIfAbsent(resource, r -> "n" + ids.size());
        }

        /** @return whether {@link #render} drew namespaces instead of services */
        boolean summarised() {
            return summaryNote != null;
        }

        /** @return the sentence that says why the diagram is a summary, or null */
        String summaryNote() {
            return summaryNote;
        }

        /**
         * @return the flowchart, by service or, past Mermaid's limits, by namespace; null when even
         *         that is past them (then {@link #summaryNote} says so)
         */
        String render() {
            String full = detailed();
            if (full.length() <= MAX_TEXT && edges <= MAX_EDGES) {
                return full;
            }
            String tooLarge = "The diagram by service would have " + String.format(java.util.Locale.ROOT, "%,d", full.length())
                    + " characters and " + edges + " edges, more than Mermaid draws by default (" + String.format(java.util.Locale.ROOT,
                    "%,d", MAX_TEXT) + " characters, " + MAX_EDGES + " edges; GitHub shows only an error then)";
            edges = 0;
            String summary = byNamespace();
            if (summary.length() <= MAX_TEXT && edges <= MAX_EDGES) {
                summaryNote = tooLarge + ", so each namespace is drawn as one node. The Objects table lists every resource.";
                return summary;
            }
            summaryNote = tooLarge + ", and so would one node per namespace: no diagram is drawn. The Objects table lists every resource.";
            return null;
        }

        /** One node per namespace: its services, one-off tasks, load balancers, Cloud Map names, and what its tasks read. */
        private String byNamespace() {
            // services, tasks they run, one-off tasks, Cloud Map names, parameters, secrets, EFS access points mounted,
            // scheduled tasks
            Map<String, int[]> counts = new TreeMap<>();
            Set<ResourceId> servedTasks = new java.util.HashSet<>();
            Map<ResourceId, ScheduledTask> schedules = schedules();
            Map<ResourceId, String> namespaceOfTargetGroup = new HashMap<>();
            for (EcsService service : model.all(EcsService.class)) {
                int[] c = counts.computeIfAbsent(service.id().namespace(), n -> new int[8]);
                c[0]++;
                c[1] += service.desiredCount();
                c[3] += service.serviceRegistries().size();
                servedTasks.add(service.taskDefinition());
                service.loadBalancers().forEach(a -> namespaceOfTargetGroup.put(a.targetGroup(), service.id().namespace()));
            }
            for (TaskDefinition task : model.all(TaskDefinition.class)) {
                int[] c = counts.computeIfAbsent(task.id().namespace(), n -> new int[8]);
                if (schedules.containsKey(task.id())) {
                    c[7]++;
                } else if (!servedTasks.contains(task.id())) {
                    c[2]++;
                }
                Set<ResourceId> seen = new java.util.HashSet<>();
                for (var container : task.containers()) {
                    for (SecretRef secret : container.secrets()) {
                        if (secret.valueFrom() instanceof Value.Ref ref && seen.add(ref.target())) {
                            c[ref.target().type().equals(io.kube2ecs.api.model.SsmParameter.TYPE) ? 4 : 5]++;
                        }
                    }
                }
            }
            Map<String, Set<ResourceId>> accessPoints = new TreeMap<>();
            for (TaskDefinition task : model.all(TaskDefinition.class)) {
                for (ResourceId accessPoint : accessPoints(task)) {
                    accessPoints.computeIfAbsent(task.id().namespace(), n -> new TreeSet<>()).add(accessPoint);
                }
            }
            accessPoints.forEach((namespace, mounted) -> counts.get(namespace)[6] = mounted.size());
            Map<String, Map<String, Integer>> balancerKinds = new TreeMap<>();
            for (LoadBalancer balancer : model.all(LoadBalancer.class)) {
                // counted in every namespace it routes to: an Ingress group may serve several
                Map<ResourceId, TreeSet<String>> routes = new HashMap<>();
                for (LoadBalancer.Listener listener : balancer.listeners()) {
                    collect(routes, listener.defaultAction(), "");
                    listener.rules().forEach(rule -> collect(routes, rule.action(), ""));
                }
                Set<String> namespaces = new TreeSet<>();
                routes.keySet().forEach(group -> {
                    String namespace = namespaceOfTargetGroup.get(group);
                    if (namespace != null) {
                        namespaces.add(namespace);
                    }
                });
                String kind = (balancer.type().equals("network") ? "NLB" : "ALB") + (balancer.internetFacing() ? " internet-facing" : " internal");
                namespaces.forEach(n -> balancerKinds.computeIfAbsent(n, k -> new TreeMap<>()).merge(kind, 1, Integer::sum));
            }
            StringBuilder out = new StringBuilder("flowchart LR\n");
            int index = 0;
            for (Map.Entry<String, int[]> namespace : counts.entrySet()) {
                int[] c = namespace.getValue();
                String node = "ns" + index++;
                out.append("  ").append(node).append("[\"namespace ").append(label(namespace.getKey()));
                if (c[0] > 0) {
                    out.append("<br/>").append(c[0]).append(c[0] == 1 ? " ECS service, " : " ECS services, ").append(c[1])
                            .append(c[1] == 1 ? " task" : " tasks");
                }
                if (c[2] > 0) {
                    out.append("<br/>").append(c[2]).append(c[2] == 1 ? " one-off task" : " one-off tasks");
                }
                if (c[7] > 0) {
                    out.append("<br/>").append(c[7]).append(c[7] == 1 ? " scheduled task" : " scheduled tasks");
                }
                balancerKinds.getOrDefault(namespace.getKey(), Map.of()).forEach((kind, count) -> out.append("<br/>").append(count).append(' ')
                        .append(count == 1 ? kind : kind.replace(" ", "s ")));
                if (c[3] > 0) {
                    out.append("<br/>").append(c[3]).append(c[3] == 1 ? " Cloud Map name" : " Cloud Map names");
                }
                out.append("\"]\n");
                if (c[4] + c[5] > 0) {
                    out.append("  ").append(node).append("p[(\"").append(c[4] > 0 ? c[4] + " SSM parameters" : "")
                            .append(c[4] > 0 && c[5] > 0 ? "<br/>" : "").append(c[5] > 0 ? c[5] + " secrets" : "").append("\")]\n");
                    out.append("  ").append(node).append(" -.->|reads| ").append(node).append("p\n");
                    edges++;
                }
                if (c[6] > 0) {
                    out.append("  ").append(node).append("e[(\"").append(c[6]).append(c[6] == 1 ? " EFS access point" : " EFS access points")
                            .append("\")]\n");
                    out.append("  ").append(node).append(" -.->|mounts| ").append(node).append("e\n");
                    edges++;
                }
            }
            if (counts.isEmpty()) {
                out.append("  empty[\"nothing to deploy\"]\n");
            }
            return out.toString();
        }

        private String detailed() {
            StringBuilder out = new StringBuilder("flowchart LR\n");
            List<EcsService> services = model.all(EcsService.class).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
            List<LoadBalancer> balancers = model.all(LoadBalancer.class).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
            Map<ResourceId, EcsService> serviceOfTask = new HashMap<>();
            services.forEach(s -> serviceOfTask.put(s.taskDefinition(), s));
            Map<ResourceId, ScheduledTask> schedules = schedules();
            // each balancer's routes look their services up here; scanning every service per route grew
            // with the square of the input
            Map<ResourceId, List<EcsService>> servicesByTargetGroup = new HashMap<>();
            for (EcsService service : services) {
                service.loadBalancers().stream().map(EcsService.LoadBalancerAttachment::targetGroup).distinct()
                        .forEach(group -> servicesByTargetGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(service));
            }
            Map<String, List<AwsResource>> byNamespace = new TreeMap<>();
            for (EcsService service : services) {
                byNamespace.computeIfAbsent(service.id().namespace(), n -> new ArrayList<>()).add(service);
            }
            for (TaskDefinition task : model.all(TaskDefinition.class).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
                if (!serviceOfTask.containsKey(task.id())) {
                    byNamespace.computeIfAbsent(task.id().namespace(), n -> new ArrayList<>()).add(task);
                }
            }
            for (Map.Entry<String, List<AwsResource>> namespace : byNamespace.entrySet()) {
                out.append("  subgraph ns_").append(safe(namespace.getKey())).append("[\"namespace ")
                        .append(label(namespace.getKey())).append("\"]\n");
                for (AwsResource resource : namespace.getValue()) {
                    if (resource instanceof EcsService service) {
                        TaskDefinition task = model.find(service.taskDefinition(), TaskDefinition.class).orElse(null);
                        out.append("    ").append(id(service.id())).append("[\"ECS service ").append(label(service.serviceName()))
                                .append("<br/>").append(service.desiredCount()).append(" × ")
                                .append(task == null ? "" : new FargateSize(task.cpu(), task.memory()).describe())
                                .append("\"]\n");
                    } else if (resource instanceof TaskDefinition task && schedules.containsKey(task.id())) {
                        out.append("    ").append(id(task.id())).append("[/\"scheduled task ").append(label(task.family()))
                                .append("<br/>").append(label(schedules.get(task.id()).expression())).append("\"/]\n");
                    } else if (resource instanceof TaskDefinition task) {
                        out.append("    ").append(id(task.id())).append("[/\"one-off task ").append(label(task.family()))
                                .append("\"/]\n");
                    }
                }
                out.append("  end\n");
            }
            for (LoadBalancer balancer : balancers) {
                out.append("  ").append(id(balancer.id())).append("{{\"").append(balancer.type().equals("network") ? "NLB " : "ALB ")
                        .append(label(balancer.name())).append(balancer.internetFacing() ? "<br/>internet-facing" : "<br/>internal")
                        .append("\"}}\n");
                Map<ResourceId, TreeSet<String>> routes = new TreeMap<>();
                for (LoadBalancer.Listener listener : balancer.listeners()) {
                    collect(routes, listener.defaultAction(), listener.protocol() + " " + listener.port());
                    for (LoadBalancer.Rule rule : listener.rules()) {
                        String match = String.join(",", rule.hosts()) + String.join(",", rule.paths());
                        collect(routes, rule.action(), listener.protocol() + " " + listener.port() + (match.isEmpty() ? "" : " " + match));
                    }
                }
                for (Map.Entry<ResourceId, TreeSet<String>> route : routes.entrySet()) {
                    for (EcsService service : servicesByTargetGroup.getOrDefault(route.getKey(), List.of())) {
                        String text = String.join("; ", route.getValue());
                        out.append("  ").append(id(balancer.id())).append(" -->|\"").append(label(shorten(text))).append("\"| ")
                                .append(id(service.id())).append('\n');
                        edges++;
                    }
                }
            }
            for (EcsService service : services) {
                for (EcsService.ServiceRegistry registry : service.serviceRegistries()) {
                    model.find(registry.discoveryService(), CloudMapService.class).ifPresent(discovery -> {
                        String node = id(discovery.id());
                        String namespace = model.find(discovery.namespace(), io.kube2ecs.api.model.CloudMapNamespace.class)
                                .map(io.kube2ecs.api.model.CloudMapNamespace::dnsName).orElse(discovery.namespace().name());
                        out.append("  ").append(node).append("((\"").append(label(discovery.name() + "." + namespace))
                                .append("\"))\n");
                        out.append("  ").append(id(service.id())).append(" -.-|Cloud Map| ").append(node).append('\n');
                        edges++;
                    });
                }
                if (service.serviceConnect() != null) {
                    out.append("  ").append(id(service.id())).append(" -.-|\"Service Connect ")
                            .append(label(service.serviceConnect().namespace().name())).append("\"| ")
                            .append(id(service.serviceConnect().namespace())).append("((\"")
                            .append(label(service.serviceConnect().namespace().name())).append("\"))\n");
                    edges++;
                }
            }
            for (TaskDefinition task : model.all(TaskDefinition.class).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
                int parameters = 0;
                int secrets = 0;
                Set<String> seen = new TreeSet<>();
                for (var container : task.containers()) {
                    for (SecretRef secret : container.secrets()) {
                        if (secret.valueFrom() instanceof Value.Ref ref && seen.add(ref.target().toString())) {
                            if (ref.target().type().equals(io.kube2ecs.api.model.SsmParameter.TYPE)) {
                                parameters++;
                            } else {
                                secrets++;
                            }
                        }
                    }
                }
                if (parameters + secrets > 0) {
                    EcsService service = serviceOfTask.get(task.id());
                    String node = "p" + id(task.id());
                    out.append("  ").append(node).append("[(\"").append(parameters > 0 ? parameters + " SSM parameters" : "")
                            .append(parameters > 0 && secrets > 0 ? "<br/>" : "").append(secrets > 0 ? secrets + " secrets" : "")
                            .append("\")]\n");
                    out.append("  ").append(id(service != null ? service.id() : task.id())).append(" -.->|reads| ").append(node).append('\n');
                    edges++;
                }
            }
            // one node per access point, however many tasks share it
            Set<ResourceId> drawn = new java.util.HashSet<>();
            for (TaskDefinition task : model.all(TaskDefinition.class).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
                for (ResourceId accessPoint : accessPoints(task)) {
                    if (drawn.add(accessPoint)) {
                        String path = model.find(accessPoint, EfsAccessPoint.class).map(EfsAccessPoint::path).orElse(accessPoint.name());
                        out.append("  ").append(id(accessPoint)).append("[(\"EFS ").append(label(path)).append("\")]\n");
                    }
                    EcsService service = serviceOfTask.get(task.id());
                    out.append("  ").append(id(service != null ? service.id() : task.id())).append(" -.->|mounts| ")
                            .append(id(accessPoint)).append('\n');
                    edges++;
                }
            }
            if (services.isEmpty() && balancers.isEmpty() && model.all(TaskDefinition.class).isEmpty()) {
                out.append("  empty[\"nothing to deploy\"]\n");
            }
            return out.toString();
        }

        /** @return the EFS access points the task's volumes mount, in volume order, each once */
        private static Set<ResourceId> accessPoints(TaskDefinition task) {
            Set<ResourceId> out = new java.util.LinkedHashSet<>();
            for (io.kube2ecs.api.model.Volume volume : task.volumes()) {
                if (volume.efsAccessPointId() instanceof Value.Ref ref) {
                    out.add(ref.target());
                }
            }
            return out;
        }

        private static void collect(Map<ResourceId, TreeSet<String>> routes, LoadBalancer.Action action, String text) {
            if (action != null && action.targetGroup() != null) {
                routes.computeIfAbsent(action.targetGroup(), t -> new TreeSet<>()).add(text);
            }
        }

        private static String shorten(String text) {
            return text.length() > 60 ? text.substring(0, 57) + "…" : text;
        }

        private static String safe(String text) {
            return text.replaceAll("[^A-Za-z0-9_]", "_");
        }

        /** Mermaid label text inside double quotes: quotes and markup characters as entities. */
        private static String label(String text) {
            return text.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                    .replace("|", "#124;");
        }
    }
}
