package io.kube2ecs.plugin.emit.cloudformation;

import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.fn;
import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.getAtt;
import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one template into a root stack and one nested stack per group of resources (a
 * Kubernetes namespace, plus the resources shared by all of them), for inputs too large for one
 * stack. A reference across stacks becomes a parameter of the referring stack, filled in by the
 * root from an output of the owning stack, so the root deploys as one unit after
 * {@code aws cloudformation package}. Groups that refer to each other in a cycle cannot be
 * separate stacks and are merged. A stack still over the resource quota is cut into parts: a
 * first part of what its applications share, and parts that each hold whole applications, chosen
 * by a hash of the application so that adding or removing one moves no other; the parts refer
 * only to themselves and to the first, so the stacks never wait on each other in a cycle.
 */
final class StackSplitter {

    /** The resources shared by every namespace (the cluster, the execution role). */
    static final String SHARED = "";

    private static final JsonNodeFactory JSON = io.kube2ecs.ecsshapes.CompactNodes.INSTANCE;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /**
     * The split.
     *
     * @param stacks             the nested templates by file name
     * @param groups             the groups each stack holds, by the file name of its first part with resources
     * @param partCounts         how many parts (with resources, so files) each stack over the resource
     *                           quota was cut into, by the stack's first group ({@link #SHARED} for
     *                           the shared one)
     * @param unrepeatedOutputs  how many of the nested stacks' outputs the root does not repeat,
     *                           because it could not hold them all (0 when it repeats them)
     */
    record Split(ObjectNode root, Map<String, ObjectNode> stacks, Map<String, List<String>> groups,
                 Map<String, Integer> partCounts, int unrepeatedOutputs) {
    }

    /**
     * One nested stack: part {@code number} (from 1) of the stack named after its first group.
     * Only a stack over the resource quota has other parts; its part 1 holds what its applications
     * share, the others one application each or more (see {@link #cutIntoParts}).
     */
    private record Part(String stack, int number) implements Comparable<Part> {
        @Override
        public int compareTo(Part other) {
            int byStack = stack.compareTo(other.stack);
            return byStack != 0 ? byStack : Integer.compare(number, other.number);
        }
    }

    /** A reference from one resource to another: {@code attribute} null for {@code Ref}. */
    private record Target(String logicalId, String attribute) {
    }

    private final ObjectNode template;
    private final ObjectNode resources;
    private final ObjectNode parameters;
    private final ObjectNode conditions;
    private final Map<String, String> groupOf;
    private final String extension;
    /** Each group's stack, after the merge of groups that refer to each other in a cycle. */
    private Map<String, String> stackOfGroup;
    /** Each resource's part of its stack. */
    private Map<String, Part> partOfResource;

    /**
     * @param template  the whole template
     * @param groupOf   the group of each resource's logical id ({@link #SHARED} for shared ones)
     * @param extension {@code yaml} or {@code json}, for the nested templates' file names
     */
    StackSplitter(ObjectNode template, Map<String, String> groupOf, String extension) {
        this.template = template;
        this.resources = (ObjectNode) template.get("Resources");
        this.parameters = template.has("Parameters") ? (ObjectNode) template.get("Parameters") : JSON.objectNode();
        this.conditions = template.has("Conditions") ? (ObjectNode) template.get("Conditions") : JSON.objectNode();
        this.groupOf = groupOf;
        this.extension = extension;
    }

    Split split() {
        Map<String, List<String>> references = referencesBetweenResources();
        stackOfGroup = mergeCycles(references);
        partOfResource = cutIntoParts(references);
        references = null; // not needed for the rewrite, which holds every stack at once
        Map<String, List<String>> members = new TreeMap<>();
        stackOfGroup.forEach((group, stack) -> members.computeIfAbsent(stack, s -> new ArrayList<>()).add(group));
        members.values().forEach(list -> list.sort(null));
        Set<Part> parts = new TreeSet<>(partOfResource.values());
        Map<String, Integer> partCounts = new TreeMap<>();
        // the number of parts with resources, of each stack cut into parts (its part numbers may have gaps)
        parts.forEach(part -> partCounts.merge(part.stack(), 1, Integer::sum));
        Set<String> cut = new TreeSet<>();
        parts.stream().filter(part -> part.number() > 1).forEach(part -> cut.add(part.stack()));
        partCounts.keySet().retainAll(cut);
        Map<Part, String> stackIds = new LinkedHashMap<>();
        Set<String> takenIds = new TreeSet<>();
        for (Part part : parts) {
            String base = (part.stack().equals(SHARED) ? "Shared" : "Ns" + CloudFormationEmitter.pascal(part.stack()))
                    + (part.number() == 1 ? "" : "Part" + part.number()) + "Stack";
            String id = base;
            for (int i = 2; !takenIds.add(id) || resources.has(id) || parameters.has(id); i++) {
                id = base + i;
            }
            stackIds.put(part, id);
        }

        Map<Part, ObjectNode> children = new LinkedHashMap<>();
        for (Part part : parts) {
            Integer partCount = partCounts.get(part.stack());
            ObjectNode child = JSON.objectNode();
            child.put("AWSTemplateFormatVersion", "2010-09-09");
            child.put("Description", "ECS on Fargate, converted from Kubernetes by kube2ecs: "
                    + describe(members.get(part.stack()))
                    // no count of the parts: a part's template stays the same when another part is added
                    + (partCount == null ? "" : ", part " + part.number())
                    + " (a nested stack of template." + extension + ")");
            child.set("Parameters", JSON.objectNode());
            child.set("Conditions", JSON.objectNode());
            child.set("Resources", JSON.objectNode());
            children.put(part, child);
        }
        // imports.get(part): child parameter name -> where the root takes its value
        Map<Part, Map<String, JsonNode>> imports = new LinkedHashMap<>();
        Map<Part, Set<Part>> dependsOn = new LinkedHashMap<>();
        parts.forEach(part -> {
            imports.put(part, new TreeMap<>());
            dependsOn.put(part, new TreeSet<>());
        });
        Set<JsonNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()); // for the assertion
        Iterator<Map.Entry<String, JsonNode>> fields = resources.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            Part part = partOfResource.get(entry.getKey());
            ObjectNode child = children.get(part);
            Context context = new Context(part, child, children, stackIds, imports.get(part), dependsOn.get(part));
            // each resource lands in exactly one stack, so its tree is rewritten in place, not copied: a copy
            // of every resource was the largest allocation of a large run
            assert ownsEveryNode(entry.getValue(), seen) : entry.getKey() + " shares a node with another resource, so it "
                    + "cannot be rewritten in place";
            ObjectNode resource = (ObjectNode) rewrite(entry.getValue(), context);
            if (resource.has("Condition")) {
                context.useCondition(resource.get("Condition").asText());
            }
            JsonNode depends = resource.get("DependsOn");
            if (depends != null) {
                ArrayNode kept = JSON.arrayNode();
                for (JsonNode id : depends.isArray() ? depends : JSON.arrayNode().add(depends)) {
                    Part owner = partOf(id.asText());
                    if (owner.equals(part)) {
                        kept.add(id);
                    } else {
                        context.dependsOn.add(owner);
                    }
                }
                if (kept.isEmpty()) {
                    resource.remove("DependsOn");
                } else {
                    resource.set("DependsOn", kept);
                }
            }
            ((ObjectNode) child.get("Resources")).set(entry.getKey(), resource);
        }

        ObjectNode root = JSON.objectNode();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Description", template.path("Description").asText("") + "; split into nested stacks (stacks/), deploy "
                + "with aws cloudformation package, then deploy");
        root.set("Parameters", parameters.deepCopy());
        ObjectNode rootResources = root.putObject("Resources");
        for (Part part : parts) {
            ObjectNode resource = rootResources.putObject(stackIds.get(part));
            resource.put("Type", "AWS::CloudFormation::Stack");
            Set<String> implied = new TreeSet<>();
            ObjectNode properties = JSON.objectNode();
            properties.put("TemplateURL", "stacks/" + fileName(part));
            ObjectNode values = JSON.objectNode();
            imports.get(part).forEach((name, source) -> {
                values.set(name, source);
                if (source.has("Fn::GetAtt")) {
                    implied.add(source.get("Fn::GetAtt").get(0).asText());
                }
            });
            ObjectNode childParameters = (ObjectNode) children.get(part).get("Parameters");
            for (String name : names(childParameters)) {
                if (!values.has(name)) {
                    values.set(name, passParameter(name));
                }
            }
            List<String> explicit = dependsOn.get(part).stream().map(stackIds::get).filter(id -> !implied.contains(id)).sorted().toList();
            if (!explicit.isEmpty()) {
                ArrayNode depends = resource.putArray("DependsOn");
                explicit.forEach(depends::add);
            }
            if (!values.isEmpty()) {
                properties.set("Parameters", sorted(values));
            }
            resource.set("Properties", properties);
        }
        int unrepeatedOutputs = 0;
        if (template.has("Outputs")) {
            // the root is a stack too: past its output quota it repeats none, rather than an arbitrary 200
            boolean repeat = template.get("Outputs").size() <= CloudFormationEmitter.MAX_OUTPUTS;
            ObjectNode rootOutputs = repeat ? root.putObject("Outputs") : null;
            unrepeatedOutputs = repeat ? 0 : template.get("Outputs").size();
            Iterator<Map.Entry<String, JsonNode>> outputs = template.get("Outputs").fields();
            while (outputs.hasNext()) {
                Map.Entry<String, JsonNode> output = outputs.next();
                Part owner = partOf(referencedLogicalId(output.getValue().get("Value")));
                ObjectNode childOutputs = children.get(owner).has("Outputs") ? (ObjectNode) children.get(owner).get("Outputs")
                        : children.get(owner).putObject("Outputs");
                childOutputs.set(output.getKey(), output.getValue().deepCopy());
                if (repeat) {
                    rootOutputs.putObject(output.getKey()).set("Value", getAtt(stackIds.get(owner), "Outputs." + output.getKey()));
                }
            }
        }
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        children.forEach((part, child) -> {
            for (String section : List.of("Parameters", "Conditions")) {
                if (child.get(section).isEmpty()) {
                    child.remove(section);
                } else {
                    child.set(section, sorted((ObjectNode) child.get(section)));
                }
            }
            if (child.has("Outputs")) {
                child.set("Outputs", sorted((ObjectNode) child.get("Outputs")));
            }
            files.put(fileName(part), child);
        });
        Map<String, List<String>> groups = new LinkedHashMap<>();
        // named by the stack's first part that has resources: part 1 of a cut stack can be empty, and has no file then
        members.forEach((stack, list) -> groups.put(fileName(parts.stream().filter(part -> part.stack().equals(stack))
                .findFirst().orElse(new Part(stack, 1))), list));
        return new Split(root, files, groups, partCounts, unrepeatedOutputs);
    }

    private static String describe(List<String> groups) {
        List<String> namespaces = groups.stream().filter(g -> !g.equals(SHARED)).toList();
        String text = (groups.contains(SHARED) ? "resources shared by every namespace" + (namespaces.isEmpty() ? "" : ", and ") : "")
                + (namespaces.isEmpty() ? "" : (namespaces.size() == 1 ? "namespace " : "namespaces ") + String.join(", ", namespaces));
        return groups.size() > 1 ? text + ", which refer to each other" : text;
    }

    /** Namespace names are DNS labels, without dots, so a part's name cannot be a namespace's. */
    private String fileName(Part part) {
        return (part.stack().equals(SHARED) ? "shared" : "namespace-" + part.stack())
                + (part.number() == 1 ? "" : ".part" + part.number()) + "." + extension;
    }

    /** A root parameter handed to a nested stack, whose parameters take strings only. */
    private JsonNode passParameter(String name) {
        String type = parameters.path(name).path("Type").asText("String");
        JsonNode ref = ref(name);
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            return fn("Fn::Join", JSON.arrayNode().add(",").add(ref));
        }
        return ref;
    }

    private String group(String logicalId) {
        return groupOf.getOrDefault(logicalId, SHARED);
    }

    /** The part a logical id belongs to; a name that is no resource counts as its group's first part. */
    private Part partOf(String logicalId) {
        Part part = partOfResource.get(logicalId);
        return part != null ? part : new Part(stackOfGroup.get(group(logicalId)), 1);
    }

    /** Per resource being rewritten into its stack. */
    private final class Context {
        final Part part;
        final ObjectNode child;
        final Map<Part, ObjectNode> children;
        final Map<Part, String> stackIds;
        final Map<String, JsonNode> imports;
        final Set<Part> dependsOn;

        Context(Part part, ObjectNode child, Map<Part, ObjectNode> children, Map<Part, String> stackIds,
                Map<String, JsonNode> imports, Set<Part> dependsOn) {
            this.part = part;
            this.child = child;
            this.children = children;
            this.stackIds = stackIds;
            this.imports = imports;
            this.dependsOn = dependsOn;
        }

        boolean local(String logicalId) {
            return partOf(logicalId).equals(part);
        }

        void useParameter(String name) {
            ObjectNode childParameters = (ObjectNode) child.get("Parameters");
            if (!childParameters.has(name)) {
                childParameters.set(name, parameters.get(name).deepCopy());
            }
        }

        void useCondition(String name) {
            ObjectNode childConditions = (ObjectNode) child.get("Conditions");
            if (!childConditions.has(name) && conditions.has(name)) {
                // a condition may serve several stacks: each rewrites its own copy
                childConditions.set(name, rewrite(conditions.get(name).deepCopy(), this));
            }
        }

        /** @return the name of the parameter that carries {@code target} into this stack */
        String importOf(Target target) {
            Part owner = partOf(target.logicalId());
            String suffix = target.attribute() == null ? "Ref" : target.attribute().replaceAll("[^A-Za-z0-9]", "");
            String output = "Export" + target.logicalId() + suffix;
            // a Ref keeps its name, so Fn::Sub text needs no change; an attribute gets a name of its own
            String name = target.attribute() == null ? target.logicalId() : target.logicalId() + suffix;
            while (target.attribute() != null && (parameters.has(name) || resources.has(name))) {
                name = name + "Import";
            }
            ObjectNode ownerOutputs = children.get(owner).has("Outputs") ? (ObjectNode) children.get(owner).get("Outputs")
                    : children.get(owner).putObject("Outputs");
            if (!ownerOutputs.has(output)) {
                JsonNode value = target.attribute() == null ? ref(target.logicalId()) : getAtt(target.logicalId(), target.attribute());
                JsonNode condition = resources.get(target.logicalId()).get("Condition");
                if (condition != null) {
                    // the output of a conditional resource exists either way; the reader has the same condition
                    value = fn("Fn::If", JSON.arrayNode().add(condition.asText()).add(value).add(""));
                    ownerOutputs.putObject(output).set("Value", value);
                    useConditionOf(owner, condition.asText());
                } else {
                    ownerOutputs.putObject(output).set("Value", value);
                }
            }
            ObjectNode childParameters = (ObjectNode) child.get("Parameters");
            if (!childParameters.has(name)) {
                childParameters.putObject(name).put("Type", "String").put("Description", (target.attribute() == null
                        ? "reference to " : target.attribute() + " of ") + target.logicalId() + ", from the stack "
                        + stackIds.get(owner));
                imports.put(name, getAtt(stackIds.get(owner), "Outputs." + output));
            }
            return name;
        }

        private void useConditionOf(Part owner, String condition) {
            ObjectNode ownerConditions = (ObjectNode) children.get(owner).get("Conditions");
            if (!ownerConditions.has(condition)) {
                Context ownerContext = new Context(owner, children.get(owner), children, stackIds, new TreeMap<>(),
                        new TreeSet<>());
                ownerContext.useCondition(condition);
            }
        }
    }

    /**
     * Rewrites a node in place for its stack; its intrinsic functions that refer to other stacks are
     * replaced by new nodes.
     */
    private JsonNode rewrite(JsonNode node, Context context) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), context));
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref" -> {
                    String name = argument.asText();
                    if (parameters.has(name)) {
                        context.useParameter(name);
                    } else if (resources.has(name) && !context.local(name)) {
                        return ref(context.importOf(new Target(name, null)));
                    }
                    return node;
                }
                case "Fn::GetAtt" -> {
                    String id = argument.isArray() ? argument.get(0).asText() : argument.asText().split("\\.", 2)[0];
                    String attribute = argument.isArray() ? argument.get(1).asText() : argument.asText().split("\\.", 2)[1];
                    if (resources.has(id) && !context.local(id)) {
                        return ref(context.importOf(new Target(id, attribute)));
                    }
                    return node;
                }
                case "Fn::Sub" -> {
                    return sub(argument, context);
                }
                case "Fn::If" -> {
                    context.useCondition(argument.get(0).asText());
                    return fn(function, rewrite(argument, context));
                }
                case "Condition" -> {
                    context.useCondition(argument.asText());
                    return node;
                }
                default -> {
                    // any other key: a plain property; rewritten like any object below
                }
            }
        }
        node.fields().forEachRemaining(field -> field.setValue(rewrite(field.getValue(), context)));
        return node;
    }

    /** @return whether no container node under {@code node} is reachable twice (checked when assertions are on) */
    private static boolean ownsEveryNode(JsonNode node, Set<JsonNode> seen) {
        if (!node.isContainerNode()) {
            return true;
        }
        if (!seen.add(node)) {
            return false;
        }
        for (JsonNode child : node) {
            if (!ownsEveryNode(child, seen)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode sub(JsonNode argument, Context context) {
        String text = argument.isArray() ? argument.get(0).asText() : argument.asText();
        Set<String> own = new LinkedHashSet<>();
        if (argument.isArray() && argument.size() > 1) {
            argument.get(1).fieldNames().forEachRemaining(own::add);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String id = variable.contains(".") ? variable.substring(0, variable.indexOf('.')) : variable;
            String replacement = variable;
            if (!own.contains(variable) && !variable.startsWith("AWS::")) {
                if (parameters.has(variable)) {
                    context.useParameter(variable);
                } else if (resources.has(id) && !context.local(id)) {
                    replacement = context.importOf(new Target(id, variable.contains(".") ? variable.substring(id.length() + 1) : null));
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement("${" + replacement + "}"));
        }
        matcher.appendTail(out);
        if (argument.isArray()) {
            ArrayNode array = JSON.arrayNode().add(out.toString());
            for (int i = 1; i < argument.size(); i++) {
                array.add(rewrite(argument.get(i), context));
            }
            return fn("Fn::Sub", array);
        }
        return fn("Fn::Sub", new TextNode(out.toString()));
    }

    /** @return for each resource, the other resources it refers to, sorted */
    private Map<String, List<String>> referencesBetweenResources() {
        Map<String, List<String>> out = new HashMap<>();
        resources.fields().forEachRemaining(entry -> out.put(entry.getKey(), referencedIds(entry.getValue()).stream()
                .filter(id -> resources.has(id) && !id.equals(entry.getKey())).toList()));
        return out;
    }

    /** Groups whose resources refer to each other both ways cannot be separate stacks: one stack per cycle. */
    private Map<String, String> mergeCycles(Map<String, List<String>> references) {
        Map<String, Set<String>> edges = new TreeMap<>();
        groupOf.values().forEach(g -> edges.computeIfAbsent(g, x -> new TreeSet<>()));
        edges.computeIfAbsent(SHARED, x -> new TreeSet<>());
        references.forEach((from, targets) -> {
            Set<String> fromGroup = edges.computeIfAbsent(group(from), x -> new TreeSet<>());
            for (String id : targets) {
                if (!group(id).equals(group(from))) {
                    fromGroup.add(group(id));
                }
            }
        });
        // drop groups with no resources (a namespace in groupOf that owns nothing here)
        Set<String> used = new TreeSet<>();
        resources.fieldNames().forEachRemaining(id -> used.add(group(id)));
        edges.keySet().retainAll(used);
        edges.values().forEach(targets -> targets.retainAll(used));
        return new Tarjan(edges).components(edges.keySet());
    }

    /**
     * Cuts each stack over the resource quota into parts, so that adding or removing an application
     * moves no other application's resources from one part to another: CloudFormation would delete
     * such a resource in one nested stack and create it in the other, which fails for a resource with
     * a fixed name (a log group, an ECS service, a load balancer) while the old one still exists.
     * <ol>
     * <li>The stack's applications are the connected components of its references (either way),
     * leaving out the references into a hub: a resource that at least {@value #HUB_REFERRERS} others
     * refer to, from more than one application (the namespace's Cloud Map namespace, the tasks'
     * security group, a shared listener).</li>
     * <li>Part 1 holds the hubs and everything they refer to, transitively.</li>
     * <li>The rest falls into applications again: the connected components of the references
     * between the resources not in part 1. Each goes whole into one of the parts 2 to N + 1, chosen
     * by {@link #jumpHash jump consistent hashing} of a key of the application's own (its smallest
     * logical id), where N = ⌈resources outside part 1 / {@value #PART_TARGET}⌉: the application
     * keeps its part as long as N does, and when N grows by one, about 1/N of the applications move,
     * all into the new part. A part over the quota nonetheless (the hash spreads unevenly) hands
     * applications, the largest key first, to the next part with room.</li>
     * </ol>
     * No two parts wait on each other: part 1 refers only to itself, since it holds everything its
     * resources refer to; any other resource refers only to its own application (a connected
     * component of the resources outside part 1, so wholly in one part) or to part 1. Resources that
     * refer to each other in a cycle are connected, so they stay in one part, as does an application
     * over the quota by itself: such a part is over the quota (CFN002). Part numbers are bucket
     * numbers: a part with no resources (part 1 without hubs, a bucket no application hashes to) has
     * no file, and the later parts keep their numbers, since renumbering them would move their
     * resources to other stacks.
     *
     * @return the part of every resource
     */
    private Map<String, Part> cutIntoParts(Map<String, List<String>> references) {
        Map<String, List<String>> idsByStack = new TreeMap<>();
        resources.fieldNames().forEachRemaining(id -> idsByStack.computeIfAbsent(stackOfGroup.get(group(id)),
                stack -> new ArrayList<>()).add(id));
        Map<String, Part> out = new HashMap<>();
        Set<String> outputs = outputsOwed(references);
        for (Map.Entry<String, List<String>> entry : idsByStack.entrySet()) {
            if (entry.getValue().size() <= CloudFormationEmitter.MAX_RESOURCES) {
                Part part = new Part(entry.getKey(), 1);
                for (String id : entry.getValue()) {
                    out.put(id, part);
                }
                continue;
            }
            int[] partNumbers = partNumbers(entry.getValue(), withParametersRead(entry.getValue(), references), outputs::contains);
            for (int i = 0; i < partNumbers.length; i++) {
                out.put(entry.getValue().get(i), new Part(entry.getKey(), partNumbers[i]));
            }
        }
        return out;
    }

    /**
     * @return the resources whose part will owe an output: those another stack refers to (an
     *         {@code Export…} output) and those the template's own outputs name. A part holds at most
     *         200 outputs, so the cut counts them as well as resources.
     */
    private Set<String> outputsOwed(Map<String, List<String>> references) {
        Set<String> out = new java.util.HashSet<>();
        references.forEach((from, targets) -> {
            String stack = stackOfGroup.get(group(from));
            for (String target : targets) {
                if (!stackOfGroup.get(group(target)).equals(stack)) {
                    out.add(target);
                }
            }
        });
        template.path("Outputs").forEach(output -> out.add(referencedLogicalId(output.path("Value"))));
        return out;
    }

    /**
     * The references of one stack's resources, and for cutting it into parts only, the SSM parameters of the
     * stack a task definition reads ({@code ValueFrom}: an ARN in text, not a reference), so that a
     * ConfigMap's parameters go with the application that reads them (or, read by several, into part 1).
     * These are no references CloudFormation knows of, so they neither order nor join stacks.
     */
    private Map<String, List<String>> withParametersRead(List<String> ids, Map<String, List<String>> references) {
        Map<String, String> parameterByName = new HashMap<>();
        for (String id : ids) {
            JsonNode resource = resources.get(id);
            JsonNode name = resource.path("Properties").path("Name");
            if (resource.path("Type").asText().equals("AWS::SSM::Parameter") && name.isTextual()) {
                parameterByName.put(name.asText(), id);
            }
        }
        Map<String, List<String>> out = new HashMap<>(ids.size() * 2);
        for (String id : ids) {
            List<String> targets = references.get(id);
            if (!parameterByName.isEmpty() && resources.get(id).path("Type").asText().equals("AWS::ECS::TaskDefinition")) {
                Set<String> read = new TreeSet<>(targets);
                parametersRead(resources.get(id), parameterByName, read);
                targets = List.copyOf(read);
            }
            out.put(id, targets);
        }
        return out;
    }

    private static void parametersRead(JsonNode node, Map<String, String> parameterByName, Set<String> out) {
        if (node.isTextual()) {
            int at = node.asText().indexOf(":parameter/");
            String id = at < 0 ? null : parameterByName.get(node.asText().substring(at + ":parameter".length()));
            if (id != null) {
                out.add(id);
            }
            return;
        }
        node.forEach(child -> parametersRead(child, parameterByName, out));
    }

    /** A resource that at least this many others of its stack refer to, from more than one application, is a hub. */
    static final int HUB_REFERRERS = 3;
    /** The average resources of a part of applications: 30% below the quota, so a part rarely overflows. */
    static final int PART_TARGET = 350;

    /** One application of a stack being cut: its resources (indexes), its key for the hash, and the outputs its part owes for it. */
    private record Application(int[] members, String smallestId, long key, int outputs) {
    }

    /**
     * Outputs an application part may owe: 200 is the quota, and one resource can owe more than one
     * (its {@code Ref} and an attribute), so the count of resources is kept well below it.
     */
    static final int PART_OUTPUTS = 120;
    /** The average outputs of a part when the bucket count is chosen, below {@link #PART_OUTPUTS} as {@link #PART_TARGET} is below the quota. */
    static final int PART_OUTPUTS_TARGET = 90;

    /**
     * @param ids        the resources of one stack over the quota
     * @param references each resource's references
     * @param owesOutput whether a resource's part owes an output for it (see {@link #outputsOwed}); a
     *                   part is kept to {@link #PART_OUTPUTS} of them as well as to the resource quota
     * @return the part number of each of {@code ids}, by index; see {@link #cutIntoParts}
     */
    static int[] partNumbers(List<String> ids, Map<String, List<String>> references, java.util.function.Predicate<String> owesOutput) {
        int n = ids.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(ids.get(i), i);
        }
        int[][] targets = new int[n][];
        int[] referrerCount = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = references.get(ids.get(i)).stream().map(index::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).distinct().toArray();
            for (int target : targets[i]) {
                referrerCount[target]++;
            }
        }
        int[][] referrers = new int[n][];
        for (int i = 0; i < n; i++) {
            referrers[i] = new int[referrerCount[i]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int target : targets[i]) {
                referrers[target][filled[target]++] = i;
            }
        }

        // 1. applications before the hubs are known: the references into a resource with many referrers left out
        UnionFind before = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            for (int target : targets[i]) {
                if (referrerCount[target] < HUB_REFERRERS) {
                    before.union(i, target);
                }
            }
        }
        // a resource with many referrers, all of one application, belongs to that application: no hub. A
        // referrer alone so far (a security group rule, a listener rule: it refers only to resources with many
        // referrers) belongs to whichever application it joins, so it does not count. A resource found to be no
        // hub joins its application with all its referrers, which can show another to be no hub: repeated until
        // nothing changes (each round but the last settles at least one). Only then does a resource whose
        // referrers are all alone join them: before, it would gather referrers that later join different
        // applications (a listener whose rules each join their target group's application).
        boolean[] hub = new boolean[n];
        List<Integer> undecided = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (referrerCount[i] >= HUB_REFERRERS) {
                undecided.add(i);
            }
        }
        for (boolean referrersAlone : new boolean[] {false, true}) {
            boolean changed = true;
            while (changed) {
                changed = false;
                List<Integer> still = new ArrayList<>();
                for (int candidate : undecided) {
                    int application = -1;
                    boolean several = false;
                    for (int referrer : referrers[candidate]) {
                        int root = before.find(referrer);
                        if (before.size(root) > 1 && root != before.find(candidate)) {
                            if (application >= 0 && application != root) {
                                several = true;
                                break;
                            }
                            application = root;
                        }
                    }
                    if (!several && (application >= 0 || referrersAlone)) {
                        for (int referrer : referrers[candidate]) {
                            before.union(candidate, referrer);
                        }
                        changed = true;
                    } else {
                        still.add(candidate);
                    }
                }
                undecided = still;
            }
        }
        undecided.forEach(i -> hub[i] = true);
        // 2. part 1: the hubs and what they refer to, transitively
        boolean[] first = new boolean[n];
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (hub[i]) {
                first[i] = true;
                pending.push(i);
            }
        }
        while (!pending.isEmpty()) {
            for (int target : targets[pending.pop()]) {
                if (!first[target]) {
                    first[target] = true;
                    pending.push(target);
                }
            }
        }
        // 3. the applications: connected components of the references between the resources not in part 1
        UnionFind components = new UnionFind(n);
        int outside = 0;
        for (int i = 0; i < n; i++) {
            if (!first[i]) {
                outside++;
                for (int target : targets[i]) {
                    if (!first[target]) {
                        components.union(i, target);
                    }
                }
            }
        }
        Map<Integer, List<Integer>> membersByRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!first[i]) {
                membersByRoot.computeIfAbsent(components.find(i), r -> new ArrayList<>()).add(i);
            }
        }
        List<Application> applications = new ArrayList<>(membersByRoot.size());
        for (List<Integer> members : membersByRoot.values()) {
            String smallest = null;
            for (int member : members) {
                if (smallest == null || ids.get(member).compareTo(smallest) < 0) {
                    smallest = ids.get(member);
                }
            }
            int outputs = 0;
            for (int member : members) {
                outputs += owesOutput.test(ids.get(member)) ? 1 : 0;
            }
            applications.add(new Application(members.stream().mapToInt(Integer::intValue).toArray(), smallest, key(smallest),
                    outputs));
        }
        // the applications in an order of their own, not of the template's
        applications.sort(java.util.Comparator.comparing(Application::smallestId));

        int owed = applications.stream().mapToInt(Application::outputs).sum();
        int buckets = Math.max(1, Math.max((outside + PART_TARGET - 1) / PART_TARGET, (owed + PART_OUTPUTS_TARGET - 1) / PART_OUTPUTS_TARGET));
        // parts 2 .. buckets + 1, and more when no part has room for an application handed on
        List<List<Application>> parts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            parts.add(new ArrayList<>());
            sizes.add(0);
            outputs.add(0);
        }
        for (Application application : applications) {
            int b = jumpHash(application.key(), buckets);
            parts.get(b).add(application);
            sizes.set(b, sizes.get(b) + application.members().length);
            outputs.set(b, outputs.get(b) + application.outputs());
        }
        int max = CloudFormationEmitter.MAX_RESOURCES;
        for (int b = 0; b < parts.size(); b++) {
            if (sizes.get(b) <= max && outputs.get(b) <= PART_OUTPUTS) {
                continue;
            }
            List<Application> byKey = new ArrayList<>(parts.get(b));
            byKey.sort(java.util.Comparator.comparingLong(Application::key).reversed()
                    .thenComparing(Application::smallestId));
            for (Application application : byKey) {
                int size = application.members().length;
                int owes = application.outputs();
                if (sizes.get(b) <= max && outputs.get(b) <= PART_OUTPUTS) {
                    break;
                }
                if (size > max || owes > PART_OUTPUTS) {
                    continue; // over a quota by itself: stays where it hashed to
                }
                int to = -1;
                for (int step = 1; step < parts.size() && to < 0; step++) {
                    int candidate = (b + step) % parts.size();
                    if (sizes.get(candidate) + size <= max && outputs.get(candidate) + owes <= PART_OUTPUTS) {
                        to = candidate;
                    }
                }
                if (to < 0) {
                    parts.add(new ArrayList<>());
                    sizes.add(0);
                    outputs.add(0);
                    to = parts.size() - 1;
                }
                parts.get(b).remove(application);
                parts.get(to).add(application);
                sizes.set(b, sizes.get(b) - size);
                sizes.set(to, sizes.get(to) + size);
                outputs.set(b, outputs.get(b) - owes);
                outputs.set(to, outputs.get(to) + owes);
            }
        }
        int[] out = new int[n];
        java.util.Arrays.fill(out, 1);
        for (int b = 0; b < parts.size(); b++) {
            for (Application application : parts.get(b)) {
                for (int member : application.members()) {
                    out[member] = b + 2;
                }
            }
        }
        return out;
    }

    /**
     * A fixed 64-bit key of an application, the same in every run and Java version: FNV-1a of the
     * UTF-8 bytes of its smallest logical id, its bits then mixed (MurmurHash3's finalizer), since
     * ids that differ in their last character differ little in FNV-1a's high bits.
     */
    static long key(String logicalId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : logicalId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    /**
     * Jump consistent hashing (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash
     * Algorithm", 2014): a bucket in [0, buckets) for {@code key}, such that going from n to n + 1
     * buckets moves a key only to the new bucket n, and each key with probability 1/(n + 1). The
     * key follows its bucket as the count grows: from bucket b it jumps to the next bucket j &gt; b
     * where it would move, drawn with a linear congruential generator seeded by the key; the last
     * jump below {@code buckets} is the answer.
     */
    static int jumpHash(long key, int buckets) {
        long bucket = -1;
        long next = 0;
        while (next < buckets) {
            bucket = next;
            key = key * 2862933555777941757L + 1;
            next = (long) ((bucket + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) bucket;
    }

    /** Disjoint sets of resource indexes, with path halving and union by size. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** @return how many are in the set of {@code root} */
        int size(int root) {
            return size[root];
        }

        void union(int a, int b) {
            int x = find(a);
            int y = find(b);
            if (x == y) {
                return;
            }
            if (size[x] < size[y]) {
                int t = x;
                x = y;
                y = t;
            }
            parent[y] = x;
            size[x] += size[y];
        }
    }

    private Set<String> referencedIds(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, out);
        return out;
    }

    private void collect(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "Ref" -> out.add(value.asText());
                case "Fn::GetAtt" -> out.add(value.isArray() ? value.get(0).asText() : value.asText().split("\\.", 2)[0]);
                case "DependsOn" -> {
                    for (JsonNode id : value.isArray() ? value : JSON.arrayNode().add(value)) {
                        out.add(id.asText());
                    }
                }
                case "Fn::Sub" -> {
                    Matcher matcher = SUB_VARIABLE.matcher(value.isArray() ? value.get(0).asText() : value.asText());
                    while (matcher.find()) {
                        out.add(matcher.group(1).split("\\.", 2)[0]);
                    }
                    if (value.isArray()) {
                        for (int i = 1; i < value.size(); i++) {
                            collect(value.get(i), out);
                        }
                    }
                    return;
                }
                default -> {
                }
            }
            collect(value, out);
        });
    }

    private String referencedLogicalId(JsonNode value) {
        return referencedIds(value).stream().filter(resources::has).findFirst().orElse(SHARED);
    }

    /**
     * Tarjan's strongly connected components of a graph whose edges lead from a node to the nodes it
     * refers to. A component is completed only after every component it refers to.
     */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final Map<String, String> component = new TreeMap<>();
        private int next;

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        /** @return each node mapped to the smallest node of its component */
        Map<String, String> components(Iterable<String> roots) {
            visitAll(roots);
            return component;
        }


        private void visitAll(Iterable<String> roots) {
            for (String node : roots) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
        }

        private void visit(String node) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.push(node);
            onStack.add(node);
            for (String target : edges.get(node)) {
                if (!index.containsKey(target)) {
                    visit(target);
                    low.put(node, Math.min(low.get(node), low.get(target)));
                } else if (onStack.contains(target)) {
                    low.put(node, Math.min(low.get(node), index.get(target)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                List<String> members = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    members.add(member);
                } while (!member.equals(node));
                String name = new TreeSet<>(members).first();
                members.forEach(m -> component.put(m, name));
            }
        }
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = JSON.objectNode();
        names(node).forEach(name -> out.set(name, node.get(name)));
        return out;
    }

}
