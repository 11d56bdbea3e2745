package io.kube2ecs.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.contract.WidgetPlugin.Fault;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contracts pass a well-behaved plugin and fail, with a message that says what to fix, on a
 * plugin that breaks exactly one rule.
 */
class ContractsCatchBrokenPluginsTest {

    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w1, namespace: shop}
            spec:
              image: nginx:1.27
            """;

    private static KindMapperContract mapperContract(Fault fault) {
        return new KindMapperContract() {
            @Override
            public Plugin plugin() {
                return new WidgetPlugin(fault);
            }

            @Override
            public Map<String, String> fixtures() {
                return Map.of("widget.yaml", WIDGET);
            }
        };
    }

    private static EmitterContract emitterContract(Fault fault) {
        return () -> new WidgetPlugin(fault);
    }

    /** JUnit runs every check of both contracts on the well-behaved plugin. */
    @Nested
    class WellBehavedMapper implements KindMapperContract {
        @Override
        public Plugin plugin() {
            return new WidgetPlugin();
        }

        @Override
        public Map<String, String> fixtures() {
            return Map.of("widget.yaml", WIDGET);
        }
    }

    /** The well-behaved plugin's emitter, under the emitter contract. */
    @Nested
    class WellBehavedEmitter implements EmitterContract {
        @Override
        public Plugin plugin() {
            return new WidgetPlugin();
        }
    }

    @Test
    void aPluginMissingFromTheServiceLoaderFileFails() {
        PluginContract unlisted = () -> new Plugin() {
            @Override
            public String id() {
                return "unlisted";
            }
        };
        assertThatThrownBy(unlisted::serviceLoaderDescriptorListsThePluginAndLoadsIt).isInstanceOf(AssertionError.class)
                .hasMessageContaining("META-INF/services/io.kube2ecs.api.spi.Plugin does not list");
    }

    @Test
    void anIdThatIsNotKebabCaseFails() {
        assertThatThrownBy(mapperContract(Fault.BAD_ID)::idIsKebabCaseAndApiVersionIsProvided)
                .isInstanceOf(AssertionError.class).hasMessageContaining("'WidgetPlugin' is not kebab case");
    }

    @Test
    void aMapperThatThrowsOnAnUnknownFieldFails() {
        assertThatThrownBy(mapperContract(Fault.THROWS_ON_UNKNOWN_FIELD)::unknownFieldsAreReportedNotThrown)
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed on an unknown field")
                .hasMessageContaining("K2E401");
    }

    @Test
    void aMapperThatMarksWholeObjectsConvertedFails() {
        assertThatThrownBy(mapperContract(Fault.MARKS_ALL_CONVERTED)::unknownFieldsAreReportedNotThrown)
                .isInstanceOf(AssertionError.class).hasMessageContaining("kube2ecsContractProbe was not reported");
    }

    @Test
    void aMapperThatKeepsStateBetweenRunsFails() {
        assertThatThrownBy(mapperContract(Fault.COUNTS_RUNS)::outputIsDeterministic)
                .isInstanceOf(AssertionError.class).hasMessageContaining("state kept between runs");
    }

    @Test
    void aDiagnosticWithoutLocationFails() {
        assertThatThrownBy(mapperContract(Fault.UNLOCATED_DIAGNOSTIC)::everyDiagnosticIsLocated)
                .isInstanceOf(AssertionError.class).hasMessageContaining("diagnostic without file:line: warning[WIDGET001]");
    }

    @Test
    void aFieldDeclaredTwiceFails() {
        assertThatThrownBy(mapperContract(Fault.DUPLICATE_FIELD)::fieldSupportDeclarationsAreWellFormed)
                .isInstanceOf(AssertionError.class).hasMessageContaining("field 'spec.image' is declared twice");
    }

    @Test
    void anEmitterThatChangesTheModelFails() {
        assertThatThrownBy(emitterContract(Fault.MUTATES_MODEL)::modelIsNotMutated)
                .isInstanceOf(AssertionError.class).hasMessageContaining("the emitter changed the model");
    }

    @Test
    void anEmitterThatKeepsStateBetweenRunsFails() {
        assertThatThrownBy(emitterContract(Fault.COUNTS_RUNS)::outputIsDeterministic)
                .isInstanceOf(AssertionError.class).hasMessageContaining("a second run with the same instance differs");
    }

    @Test
    void anEmitterWritingOutsideItsFolderFails() {
        assertThatThrownBy(emitterContract(Fault.WRITES_OUTSIDE)::writesFilesWithoutFailing)
                .isInstanceOf(AssertionError.class).hasMessageContaining("K2E401");
    }

    @Test
    void theWellBehavedPluginPassesTheUnknownFieldCheck() {
        assertThatCode(mapperContract(Fault.NONE)::unknownFieldsAreReportedNotThrown).doesNotThrowAnyException();
    }
}
