package io.kube2ecs.core.load;

import io.kube2ecs.core.diag.Codes;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses a multi-document YAML stream with snakeyaml-engine's composer, so every node keeps its
 * position, and expands aliases within {@link LoadLimits}.
 */
final class YamlTextParser {

    private final LoadLimits limits;

    YamlTextParser(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * @param origin  name for error messages
     * @param content the text
     * @param sink    receives each non-empty document's root; empty and comment-only documents are skipped
     * @throws ParseProblem at the first syntax error or exceeded limit; documents before it were delivered
     */
    void parse(String origin, String content, DocumentSink sink) throws ParseProblem {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(origin)
                .setSchema(new QuickCoreSchema())
                .setAllowDuplicateKeys(true) // the composer does not check; we report duplicates ourselves
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxInputChars())
                .setUseMarks(true)
                .setAllowNonScalarKeys(true) // so our converter reports them with their position
                .build();
        Budget budget = new Budget();
        try {
            // concatenated files (cat a.yaml b.yaml) can carry a byte-order mark at a later document's start
            String text = content.indexOf('\uFEFF') < 0 ? content : content.replace("\n\uFEFF", "\n");
            StreamReader reader = new StreamReader(settings, text);
            Iterator<Node> documents = new Composer(settings, new RecursionGuard(new ParserImpl(settings, reader)));
            int index = 0;
            while (true) {
                Node root = nextDocument(documents, reader);
                if (root == null) {
                    break;
                }
                YamlNode converted = convert(root, 0, budget, Collections.newSetFromMap(new IdentityHashMap<>()), sink);
                if (converted.shape() != YamlNode.Shape.NULL) {
                    sink.document(index, converted);
                }
                index++;
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext()
                    + e.getContextMark().filter(m -> mark == null || m.getLine() != mark.getLine())
                            .map(m -> " (started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")").orElse("")
                    + ": ";
            throw new ParseProblem(Codes.YAML_SYNTAX, "invalid YAML: " + context + firstLine(problem),
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "check the indentation and quoting around this position; `kubectl apply --dry-run=client -f` shows the same error");
        } catch (YamlEngineException e) {
            throw new ParseProblem(Codes.YAML_LIMIT, "cannot load YAML: " + firstLine(e.getMessage()), 0, 0,
                    "the input exceeds a safety limit (document size or alias use); split it or remove anchors");
        } catch (StackOverflowError e) {
            throw new ParseProblem(Codes.YAML_LIMIT, "YAML nesting is too deep to load safely", 0, 0,
                    "real manifests nest far less; check the file was generated correctly");
        }
    }

    /**
     * @return the next document's root, or null at the end
     * @throws ParseProblem also for input that snakeyaml-engine fails on with an exception other than its
     *                      own (3.2 throws NumberFormatException for a double-quoted string ending in a
     *                      backslash-x, -u or -U escape without digits), at the position its reader reached
     */
    private static Node nextDocument(Iterator<Node> documents, StreamReader reader) throws ParseProblem {
        try {
            return documents.hasNext() ? documents.next() : null;
        } catch (YamlEngineException e) {
            throw e;
        } catch (RecursiveAlias e) {
            throw new ParseProblem(Codes.YAML_LIMIT, "recursive alias: a node contains itself",
                    e.line, e.column, "Kubernetes objects cannot be recursive; remove the alias");
        } catch (RuntimeException e) {
            throw new ParseProblem(Codes.YAML_SYNTAX, "invalid YAML: the text cannot be read at this position",
                    reader.getLine() + 1, reader.getColumn() + 1,
                    "an escape in a double-quoted string needs its hex digits (\\xFF, \\uFFFF, \\UFFFFFFFF) "
                            + "and a closing quote; check the quoting around this position");
        }
    }

    private YamlNode convert(Node node, int depth, Budget budget, Set<Node> inProgress, DocumentSink sink)
            throws ParseProblem {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (depth > limits.maxDepth()) {
            throw new ParseProblem(Codes.YAML_LIMIT, "nesting deeper than " + limits.maxDepth() + " levels", line, column,
                    "real manifests nest far less; check the file was generated correctly");
        }
        if (++budget.nodes > limits.maxNodes()) {
            throw new ParseProblem(Codes.YAML_LIMIT, "document expands to more than " + limits.maxNodes()
                    + " nodes (aliases included)", line, column, "remove the anchors and aliases that multiply content");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, line, column);
        }
        if (!inProgress.add(node)) {
            throw new ParseProblem(Codes.YAML_LIMIT, "recursive alias: a node contains itself", line, column,
                    "Kubernetes objects cannot be recursive; remove the alias");
        }
        try {
            if (node instanceof SequenceNode sequence) {
                YamlNode list = YamlNode.list(line, column);
                for (Node item : sequence.getValue()) {
                    list.add(convert(item, depth + 1, budget, inProgress, sink));
                }
                return list;
            }
            MappingNode mapping = (MappingNode) node;
            YamlNode map = YamlNode.map(line, column);
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                int keyLine = keyNode.getStartMark().map(m -> m.getLine() + 1).orElse(line);
                int keyColumn = keyNode.getStartMark().map(m -> m.getColumn() + 1).orElse(column);
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw new ParseProblem(Codes.YAML_SYNTAX, "a map key must be a plain string", keyLine, keyColumn,
                            "Kubernetes objects use string keys only");
                }
                String key = keyScalar.getValue();
                YamlNode value = convert(tuple.getValueNode(), depth + 1, budget, inProgress, sink);
                if (!map.put(key, value, keyLine, keyColumn)) {
                    sink.duplicateKey(key, keyLine, keyColumn);
                }
            }
            return map;
        } finally {
            inProgress.remove(node);
        }
    }

    private static YamlNode scalar(ScalarNode scalar, int line, int column) {
        boolean quoted = scalar.getScalarStyle() != ScalarStyle.PLAIN;
        Tag tag = scalar.getTag();
        if (!quoted && Tag.NULL.equals(tag)) {
            return YamlNode.nullNode(line, column);
        }
        YamlNode.ScalarType type = YamlNode.ScalarType.STRING;
        if (!quoted) {
            if (Tag.INT.equals(tag)) {
                type = YamlNode.ScalarType.INTEGER;
            } else if (Tag.FLOAT.equals(tag)) {
                type = YamlNode.ScalarType.FLOAT;
            } else if (Tag.BOOL.equals(tag)) {
                type = YamlNode.ScalarType.BOOLEAN;
            }
        }
        return YamlNode.scalar(scalar.getValue(), type, quoted, line, column);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown problem";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    /**
     * Stops at an alias to a collection that is still open, i.e. one that would contain itself.
     * Such a node can never be a Kubernetes object, and snakeyaml-engine 3.2 loops forever when it
     * is merged into itself ({@code - &a} followed by {@code <<: *a} inside it).
     */
    private static final class RecursionGuard implements Parser {
        private final Parser parser;
        /** Per anchor, the event that defined it last. */
        private final Map<Anchor, Event> anchors = new HashMap<>();
        private final Set<Event> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Deque<Event> nesting = new ArrayDeque<>();

        RecursionGuard(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            if (event instanceof DocumentStartEvent) {
                anchors.clear();
            } else if (event instanceof AliasEvent alias) {
                if (open.contains(anchors.get(alias.getAlias()))) {
                    Mark mark = alias.getStartMark().orElse(null);
                    throw new RecursiveAlias(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
                }
            } else if (event instanceof NodeEvent node) {
                node.getAnchor().ifPresent(anchor -> anchors.put(anchor, event));
                if (event instanceof CollectionStartEvent) {
                    nesting.push(event);
                    open.add(event);
                }
            } else if (event instanceof CollectionEndEvent && !nesting.isEmpty()) {
                open.remove(nesting.pop());
            }
            return event;
        }
    }

    private static final class RecursiveAlias extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        RecursiveAlias(int line, int column) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static final class Budget {
        int nodes;
    }

    /** Receives parsed documents and non-fatal findings. */
    interface DocumentSink {
        /**
         * @param index 0-based position of the document in the stream
         * @param root  its root node
         */
        void document(int index, YamlNode root);

        /** A key repeated in one map: Kubernetes keeps the last, kubectl refuses the file. */
        void duplicateKey(String key, int line, int column);
    }
}
