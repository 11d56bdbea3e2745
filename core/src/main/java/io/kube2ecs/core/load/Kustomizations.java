package io.kube2ecs.core.load;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.core.diag.Codes;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies the part of kustomization files that is plain data: {@code namespace} over the local
 * files and folders listed in {@code resources}. Kustomize bases often leave the namespace out of
 * their resource files and set it only here, so without it every object lands in {@code default}
 * and references between namespaces do not resolve. Everything else a kustomization can do
 * (patches, generators, name prefixes, images …) is reported, field by field, as not applied:
 * that needs kustomize itself.
 */
public final class Kustomizations {

    /** A kustomization file as read: where it is and its parsed content. */
    record File(String origin, YamlNode root) {
    }

    private static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final Set<String> APPLIED = Set.of("apiVersion", "kind", "metadata", "namespace", "resources", "bases");

    private Kustomizations() {
    }

    /**
     * @param kustomizations the kustomization files of the input
     * @param objects        the objects read from the input
     * @param diagnostics    where fields not applied and the applied namespaces are reported
     * @param namespaceGiven true when the user gave {@code -n}, which wins over a kustomization's namespace
     * @return the objects, in the same order, with the namespaces the kustomizations assign
     */
    static List<LoadedObject> apply(List<File> kustomizations, List<LoadedObject> objects, Diagnostics diagnostics,
                                    boolean namespaceGiven) {
        if (kustomizations.isEmpty()) {
            return objects;
        }
        if (namespaceGiven) {
            for (File file : kustomizations) {
                YamlNode namespace = file.root().entries().get("namespace");
                if (namespace != null) {
                    report(diagnostics, Severity.WARNING, file, namespace, "the namespace of this kustomization is not applied: "
                            + "-n names the namespace of every object");
                }
            }
        }
        Map<Path, File> byFolder = new TreeMap<>();
        for (File file : kustomizations) {
            reportNotApplied(file, diagnostics);
            folder(file.origin()).ifPresent(folder -> byFolder.putIfAbsent(folder, file));
        }
        Set<Path> inputFiles = new HashSet<>();
        for (LoadedObject object : objects) {
            normalized(object.file()).ifPresent(inputFiles::add);
        }
        Set<Path> children = new HashSet<>();
        Map<Path, List<Path>> folderResources = new LinkedHashMap<>();
        Map<Path, List<Path>> fileResources = new LinkedHashMap<>();
        for (Map.Entry<Path, File> entry : byFolder.entrySet()) {
            List<Path> folders = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (YamlNode resource : resources(entry.getValue().root())) {
                Path path = resolve(entry.getKey(), resource.text());
                if (path == null) {
                    report(diagnostics, Severity.WARNING, entry.getValue(), resource, "resource '" + resource.text()
                            + "' is remote; kube2ecs reads only local files, so its objects are not converted");
                } else if (byFolder.containsKey(path)) {
                    folders.add(path);
                    children.add(path);
                } else if (inputFiles.contains(path)) {
                    files.add(path);
                } else {
                    report(diagnostics, Severity.WARNING, entry.getValue(), resource, "resource '" + resource.text()
                            + "' is not among the inputs (or is a folder without a kustomization file), so its objects "
                            + "are not converted");
                }
            }
            folderResources.put(entry.getKey(), folders);
            fileResources.put(entry.getKey(), files);
        }
        // kustomize applies the innermost namespace first and each enclosing one over it, so the
        // outermost kustomization that names a namespace decides
        Map<Path, Assignment> assigned = new LinkedHashMap<>();
        Set<Path> visited = new HashSet<>();
        for (Path root : byFolder.keySet()) {
            if (!children.contains(root)) {
                assign(root, null, byFolder, folderResources, fileResources, assigned, new HashSet<>(), visited, diagnostics,
                        namespaceGiven);
            }
        }
        for (Map.Entry<Path, File> entry : byFolder.entrySet()) {
            if (!visited.contains(entry.getKey())) {
                report(diagnostics, Severity.WARNING, entry.getValue(), null, "this kustomization is part of a cycle of "
                        + "kustomizations listing each other, which kustomize refuses; it is not applied");
            }
        }
        List<LoadedObject> out = new ArrayList<>(objects.size());
        Map<File, Integer> counts = new LinkedHashMap<>();
        for (LoadedObject object : objects) {
            Assignment assignment = normalized(object.file()).map(assigned::get).orElse(null);
            if (assignment == null || object.ref().namespace().isEmpty()) {
                out.add(object);
                continue;
            }
            counts.merge(assignment.from(), 1, Integer::sum);
            ObjectRef ref = new ObjectRef(object.ref().kind(), assignment.namespace(), object.ref().name());
            out.add(new LoadedObject(object.file(), object.root(), ref, object.apiVersion(), object.labels()));
        }
        counts.forEach((file, count) -> report(diagnostics, Severity.INFO, file, file.root().entries().get("namespace"),
                "namespace '" + text(file.root().entries().get("namespace")) + "' set on " + count
                        + (count == 1 ? " object" : " objects") + " of the resources this kustomization lists"));
        return out;
    }

    private record Assignment(String namespace, File from) {
    }

    private static void assign(Path folder, Assignment inherited, Map<Path, File> byFolder,
                               Map<Path, List<Path>> folderResources, Map<Path, List<Path>> fileResources,
                               Map<Path, Assignment> assigned, Set<Path> onPath, Set<Path> visited,
                               Diagnostics diagnostics, boolean namespaceGiven) {
        visited.add(folder);
        if (!onPath.add(folder)) {
            return; // a cycle; kustomize refuses it, and it adds nothing here
        }
        File file = byFolder.get(folder);
        String own = namespaceGiven ? null : text(file.root().entries().get("namespace"));
        if (own != null && !own.isEmpty() && !ManifestLoader.validNamespace(own)) {
            report(diagnostics, Severity.WARNING, file, file.root().entries().get("namespace"), "namespace '" + own
                    + "' is not a valid Kubernetes namespace (a DNS label) and is not applied");
            own = null;
        }
        Assignment here = inherited != null ? inherited : own == null || own.isEmpty() ? null : new Assignment(own, file);
        if (here != null) {
            for (Path resource : fileResources.get(folder)) {
                Assignment earlier = assigned.putIfAbsent(resource, here);
                if (earlier != null && !earlier.namespace().equals(here.namespace())) {
                    report(diagnostics, Severity.WARNING, here.from(), here.from().root().entries().get("namespace"),
                            "'" + resource + "' is also a resource of " + earlier.from().origin() + ", which puts it in namespace '"
                                    + earlier.namespace() + "'; it is converted once, in '" + earlier.namespace() + "'");
                }
            }
        }
        for (Path child : folderResources.get(folder)) {
            assign(child, here, byFolder, folderResources, fileResources, assigned, onPath, visited, diagnostics, namespaceGiven);
        }
        onPath.remove(folder);
    }

    /**
     * @return whether the document is a kustomization rather than a Kubernetes object; kustomize
     *         accepts a kustomization file without {@code apiVersion} and {@code kind}
     */
    static boolean isKustomization(String origin, String apiVersion, String kind) {
        if ("Kustomization".equals(kind) || apiVersion != null && apiVersion.startsWith("kustomize.config.k8s.io")) {
            return true;
        }
        return kind == null && apiVersion == null && normalized(origin)
                .map(path -> path.getFileName() != null && FILE_NAMES.contains(path.getFileName().toString())).orElse(false);
    }

    private static void reportNotApplied(File file, Diagnostics diagnostics) {
        for (Map.Entry<String, YamlNode> field : file.root().entries().entrySet()) {
            if (!APPLIED.contains(field.getKey())) {
                int[] at = file.root().keyPosition(field.getKey());
                diagnostics.report(new Diagnostic(Severity.WARNING, Codes.BUILD_FILE,
                        "kustomization field '" + field.getKey() + "' is not applied; the objects are converted as their files "
                                + "define them", "render it first: kubectl kustomize DIR | kube2ecs convert -f -",
                        new SourceLocation(file.origin(), at[0], at[1], field.getKey()), null));
            }
        }
        if (text(file.root().entries().get("kind")) != null && !"Kustomization".equals(text(file.root().entries().get("kind")))) {
            return; // a Component is included through `components`, which is reported above
        }
        if (folder(file.origin()).isEmpty() || !FILE_NAMES.contains(Path.of(file.origin()).getFileName().toString())) {
            diagnostics.report(new Diagnostic(Severity.WARNING, Codes.BUILD_FILE,
                    "this kustomization is not a kustomization.yaml file in a folder, so its resources cannot be found",
                    "render it first: kubectl kustomize DIR | kube2ecs convert -f -",
                    new SourceLocation(file.origin(), file.root().line(), file.root().column(), ""), null));
        }
    }

    private static List<YamlNode> resources(YamlNode root) {
        List<YamlNode> out = new ArrayList<>();
        for (String key : List.of("resources", "bases")) {
            YamlNode list = root.entries().get(key);
            if (list != null && list.shape() == YamlNode.Shape.LIST) {
                for (YamlNode item : list.items()) {
                    if (item.shape() == YamlNode.Shape.SCALAR) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }

    /** @return the local path a resource entry names, or null for a remote one (URL, git reference) */
    private static Path resolve(Path folder, String entry) {
        if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@") || entry.contains("?ref=")) {
            return null;
        }
        try {
            return folder.resolve(entry).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static java.util.Optional<Path> folder(String origin) {
        return normalized(origin).map(path -> path.getParent() == null ? Path.of("") : path.getParent());
    }

    private static java.util.Optional<Path> normalized(String origin) {
        if (origin.startsWith("<")) {
            return java.util.Optional.empty(); // standard input has no folder
        }
        try {
            return java.util.Optional.of(Path.of(origin).normalize());
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    private static void report(Diagnostics diagnostics, Severity severity, File file, YamlNode at, String message) {
        SourceLocation location = at == null ? new SourceLocation(file.origin(), file.root().line(), file.root().column(), "")
                : new SourceLocation(file.origin(), at.line(), at.column(), "");
        diagnostics.report(new Diagnostic(severity, severity == Severity.INFO ? Codes.KUSTOMIZATION_APPLIED : Codes.BUILD_FILE,
                message, severity == Severity.INFO ? null : "render it first: kubectl kustomize DIR | kube2ecs convert -f -",
                location, null));
    }

    private static String text(YamlNode node) {
        return node != null && node.shape() == YamlNode.Shape.SCALAR ? node.text() : null;
    }
}
