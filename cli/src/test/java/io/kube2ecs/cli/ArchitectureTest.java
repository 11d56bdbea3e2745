package io.kube2ecs.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.kube2ecs.api.Experimental;
import io.kube2ecs.api.Stable;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked on the production classes of every module: api depends on nothing of
 * ours, plugins see only the api and never each other, no package cycles, Guice stays in the core's
 * wiring and the CLI, and only the CLI touches the console or exits.
 */
class ArchitectureTest {

    private static JavaClasses production;

    /** Leaves out test classes, including those packed in test jars. */
    private static final ImportOption PRODUCTION_ONLY = (Location location) ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages("io.kube2ecs");
        // guards against a vacuous pass: every module's classes must have been found
        assertThat(production.stream().map(JavaClass::getPackageName).distinct())
                .contains("io.kube2ecs.api.spi", "io.kube2ecs.api.model", "io.kube2ecs.core", "io.kube2ecs.core.load",
                        "io.kube2ecs.cli", "io.kube2ecs.plugin.kind.deployment", "io.kube2ecs.plugin.emit.ecsjson",
                        "io.kube2ecs.testkit", "io.kube2ecs.testkit.contract");
    }

    @Test
    void apiDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("io.kube2ecs.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.kube2ecs.api..", "java..")
                .because("the api is the published contract and must not drag dependencies into plugins")
                .check(production);
    }

    @Test
    void everyPublicApiTypeIsMarkedStableOrExperimental() {
        classes().that().resideInAPackage("io.kube2ecs.api..").and().arePublic().and().areTopLevelClasses()
                .should(new ArchCondition<>("be annotated with exactly one of @Stable and @Experimental") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean stable = item.isAnnotatedWith(Stable.class);
                        boolean experimental = item.isAnnotatedWith(Experimental.class);
                        boolean ok = stable ^ experimental;
                        events.add(new SimpleConditionEvent(item, ok, item.getName() + (ok ? " is marked"
                                : stable ? " is marked both stable and experimental" : " is marked neither stable nor experimental")));
                    }
                })
                .because("plugin authors need to know what they can rely on (docs/writing-a-plugin.md, api/CHANGELOG.md)")
                .check(production);
    }

    @Test
    void theTestKitSeesOnlyTheApiTheCoreAndJUnit() {
        classes().that().resideInAPackage("io.kube2ecs.testkit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.kube2ecs.api..", "io.kube2ecs.core..",
                        "io.kube2ecs.testkit..", "org.junit..", "org.opentest4j..", "java..")
                .because("plugin authors add the test kit to their tests; it must not drag in more than the core does")
                .check(production);
        noClasses().that().resideOutsideOfPackage("io.kube2ecs.testkit..")
                .should().dependOnClassesThat().resideInAPackage("io.kube2ecs.testkit..")
                .because("the test kit is for tests; production code never needs it")
                .check(production);
    }

    @Test
    void pluginsSeeOnlyTheApi() {
        noClasses().that().resideInAPackage("io.kube2ecs.plugin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kube2ecs.core..", "io.kube2ecs.cli..",
                        "io.kube2ecs.testkit..")
                .because("plugins never see the engine; everything reaches them through the api")
                .check(production);
    }

    @Test
    void onlyTheClusterSourceUsesTheKubernetesClient() {
        noClasses().that().resideOutsideOfPackage("io.kube2ecs.plugin.source.cluster..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .because("the fabric8 client is the source-cluster plugin's own dependency; the core, the CLI and other "
                        + "plugins reach a cluster only through the InputSource API")
                .check(production);
    }

    @Test
    void theSharedPodTemplateLibrarySeesOnlyTheApi() {
        classes().that().resideInAPackage("io.kube2ecs.podtemplate..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.kube2ecs.api..", "io.kube2ecs.podtemplate..", "java..")
                .because("plugins bundle it, so it must follow the plugins' rule: the API only")
                .check(production);
    }

    @Test
    void theSharedEcsShapesLibrarySeesOnlyTheApiAndJackson() {
        classes().that().resideInAPackage("io.kube2ecs.ecsshapes..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.kube2ecs.api..", "io.kube2ecs.ecsshapes..",
                        "com.fasterxml.jackson..", "java..")
                .because("emitter plugins bundle it, so it must follow the plugins' rule").check(production);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        slices().matching("io.kube2ecs.plugin.(*).(*)..").should().notDependOnEachOther()
                .because("each plugin can be replaced on its own").check(production);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.kube2ecs.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void guiceOnlyInCoreWiringAndCli() {
        noClasses().that().resideOutsideOfPackages("io.kube2ecs.core.inject..", "io.kube2ecs.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .because("plugins and pipeline stages stay free of the container; only jakarta.inject annotations are allowed")
                .check(production);
    }

    @Test
    void onlyTheCliTouchesTheConsoleOrExits() {
        noClasses().that().resideOutsideOfPackage("io.kube2ecs.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("the core and plugins report through diagnostics; the CLI decides what the user sees")
                .check(production);
    }

    @Test
    void insideTheCliOnlyMainTouchesTheProcessStreams() {
        // the rest writes to the streams Main hands over, which tests capture; a stray System.err line
        // would reach users without any test seeing it
        noClasses().that().resideInAPackage("io.kube2ecs.cli..").and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .orShould().callMethod(System.class, "exit", int.class)
                .check(production);
    }

    @Test
    void noJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(production);
    }

    @Test
    void pluginEntryPointsFollowTheConventions() {
        classes().that().implement(Plugin.class).and().resideInAPackage("io.kube2ecs.plugin..")
                .should().bePublic().andShould().haveModifier(JavaModifier.FINAL).andShould().haveSimpleNameEndingWith("Plugin")
                .andShould(havePublicNoArgConstructor()).check(production);
        classes().that().implement(KindMapper.class).and().resideInAPackage("io.kube2ecs.plugin..")
                .should().haveSimpleNameEndingWith("Mapper").check(production);
        classes().that().implement(Emitter.class).and().resideInAPackage("io.kube2ecs.plugin..")
                .should().haveSimpleNameEndingWith("Emitter").check(production);
    }

    private static ArchCondition<JavaClass> havePublicNoArgConstructor() {
        return new ArchCondition<>("have a public no-argument constructor") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean ok = item.getConstructors().stream()
                        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(JavaModifier.PUBLIC));
                events.add(new SimpleConditionEvent(item, ok, item.getName() + (ok ? " has" : " lacks")
                        + " a public no-argument constructor, which ServiceLoader needs"));
            }
        };
    }

    @Test
    void everyPublicApiTypeHasJavadoc() throws IOException {
        Path api = CorpusPaths.repositoryRoot().resolve("api/src/main/java");
        Pattern publicType = Pattern.compile("(?m)^(?:    )?public (?:sealed |final |abstract |static )*(?:class|interface|record|enum|@interface) (\\w+)");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(api)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                String source = Files.readString(file);
                Matcher m = publicType.matcher(source);
                while (m.find()) {
                    checked++;
                    String before = source.substring(0, m.start()).stripTrailing();
                    while (before.endsWith(")") || before.matches("(?s).*@\\w+$")) {
                        before = before.substring(0, before.lastIndexOf('@')).stripTrailing();
                    }
                    if (!before.endsWith("*/")) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(missing).as("public api types without Javadoc").isEmpty();
    }
}
