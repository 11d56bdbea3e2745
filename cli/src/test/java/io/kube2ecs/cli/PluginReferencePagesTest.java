package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.core.plugin.PluginInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in plugin has its reference page, docs/plugins/ID.md, naming its id and every kind,
 * target and input source it handles; and every page there belongs to a plugin or to one of the
 * shared libraries plugins bundle, so no page outlives its plugin.
 */
class PluginReferencePagesTest {

    /** Libraries, not plugins, that have a page because plugins share them. */
    private static final Set<String> LIBRARIES = Set.of("pod-template");

    private static List<PluginInfo> bundledPlugins() {
        Kube2Ecs cli = new Kube2Ecs(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                InputStream::nullInputStream, CorpusPaths.repositoryRoot());
        return PluginPath.pipeline(cli, List.of(), List.of()).plugins();
    }

    @Test
    void everyBuiltInPluginHasAPageThatNamesWhatItHandles() throws IOException {
        Path pages = CorpusPaths.repositoryRoot().resolve("docs/plugins");
        List<PluginInfo> plugins = bundledPlugins();
        assertThat(plugins).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (PluginInfo plugin : plugins) {
            Path page = pages.resolve(plugin.id() + ".md");
            if (!Files.exists(page)) {
                problems.add(plugin.id() + ": docs/plugins/" + plugin.id() + ".md is missing");
                continue;
            }
            String text = Files.readString(page);
            if (!text.contains("`" + plugin.id() + "`")) {
                problems.add(plugin.id() + ": its page does not name the plugin id");
            }
            List<String> handles = new ArrayList<>();
            plugin.kinds().forEach(k -> handles.add(k.contains("/") ? k.substring(k.indexOf('/') + 1) : k));
            handles.addAll(plugin.targets());
            handles.addAll(plugin.sources());
            for (String handled : handles) {
                if (!text.contains("`" + handled) && !text.contains(handled + "`")) {
                    problems.add(plugin.id() + ": its page does not mention `" + handled + "`");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageBelongsToAPluginOrASharedLibrary() throws IOException {
        Set<String> ids = new TreeSet<>(LIBRARIES);
        bundledPlugins().forEach(p -> ids.add(p.id()));
        try (Stream<Path> pages = Files.list(CorpusPaths.repositoryRoot().resolve("docs/plugins"))) {
            assertThat(pages.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).sorted())
                    .allSatisfy(page -> assertThat(ids).as("plugins and libraries").contains(page));
        }
    }
}
