package io.kube2ecs.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asked for in one {@code convert} run.
 *
 * @param source          the input source id ({@code files})
 * @param locations       what to read: files, folders, {@code -}
 * @param recursive       descend into sub-folders
 * @param namespace       the {@code -n} namespace, or null
 * @param targets         targets to emit; empty means every installed target
 * @param profile         the profile file, or null
 * @param mapperChoices   {@code --mapper KIND=PLUGIN} choices (override the profile's)
 * @param emitterChoices  {@code --emitter TARGET=PLUGIN} choices (override the profile's)
 * @param outputDir       where to write
 * @param includeSecretValues write the Secrets' values into {@code secret-values.env} (mode 0600)
 * @param pluginOptions   plugin options from the command line, by plugin id; they override the profile's
 * @param sourceOptions   options for the input source ({@code InputRequest.options()}), e.g. the cluster's context
 * @param console         how the input source reaches the user (progress, notices, questions)
 */
public record ConversionRequest(String source, List<String> locations, boolean recursive, String namespace,
                                List<String> targets, Path profile, Map<String, String> mapperChoices,
                                Map<String, String> emitterChoices, Path outputDir, boolean includeSecretValues,
                                Map<String, Map<String, Object>> pluginOptions, Map<String, String> sourceOptions,
                                UserConsole console) {
    public ConversionRequest {
        Objects.requireNonNull(source, "source");
        locations = List.copyOf(locations);
        targets = List.copyOf(targets);
        mapperChoices = Map.copyOf(mapperChoices);
        emitterChoices = Map.copyOf(emitterChoices);
        Objects.requireNonNull(outputDir, "outputDir");
        pluginOptions = Map.copyOf(pluginOptions);
        sourceOptions = Map.copyOf(sourceOptions);
        Objects.requireNonNull(console, "console");
    }

    /** A request without source options, for a source that needs no user interaction. */
    public ConversionRequest(String source, List<String> locations, boolean recursive, String namespace,
                             List<String> targets, Path profile, Map<String, String> mapperChoices,
                             Map<String, String> emitterChoices, Path outputDir, boolean includeSecretValues,
                             Map<String, Map<String, Object>> pluginOptions) {
        this(source, locations, recursive, namespace, targets, profile, mapperChoices, emitterChoices, outputDir,
                includeSecretValues, pluginOptions, Map.of(), UserConsole.NONE);
    }

    /** A request without command-line plugin options. */
    public ConversionRequest(String source, List<String> locations, boolean recursive, String namespace,
                             List<String> targets, Path profile, Map<String, String> mapperChoices,
                             Map<String, String> emitterChoices, Path outputDir, boolean includeSecretValues) {
        this(source, locations, recursive, namespace, targets, profile, mapperChoices, emitterChoices, outputDir,
                includeSecretValues, Map.of(), Map.of(), UserConsole.NONE);
    }
}
