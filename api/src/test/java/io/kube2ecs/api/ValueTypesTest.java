package io.kube2ecs.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.FargateSize;
import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.Quantity;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypesTest {

    @ParameterizedTest
    @CsvSource({"100m,103", "0.5,512", "1,1024", "2,2048", "250m,256", "1500m,1536", "1e-1,103"})
    void cpuQuantitiesBecomeEcsUnitsRoundedUp(String text, int units) {
        assertThat(Quantity.parse(text).orElseThrow().cpuUnits()).isEqualTo(units);
    }

    @ParameterizedTest
    @CsvSource({"128Mi,128", "1Gi,1024", "100M,96", "64Ki,1", "1e9,954", "512Mi,512", "1.5Gi,1536"})
    void memoryQuantitiesBecomeMebibytesRoundedUp(String text, int mib) {
        assertThat(Quantity.parse(text).orElseThrow().mebibytes()).isEqualTo(mib);
    }

    @Test
    void invalidQuantitiesAreRejected() {
        assertThat(Quantity.parse("lots")).isEmpty();
        assertThat(Quantity.parse("1 Gi")).isEmpty();
        assertThat(Quantity.parse("1gb")).isEmpty();
    }

    @Test
    void fargateSizeIsTheSmallestValidCombination() {
        assertThat(FargateSize.smallestFitting(0, 0)).contains(new FargateSize(256, 512));
        assertThat(FargateSize.smallestFitting(103, 100)).contains(new FargateSize(256, 512));
        assertThat(FargateSize.smallestFitting(300, 600)).contains(new FargateSize(512, 1024));
        assertThat(FargateSize.smallestFitting(256, 3000)).contains(new FargateSize(512, 3072));
        assertThat(FargateSize.smallestFitting(1024, 9000)).contains(new FargateSize(2048, 9216));
        assertThat(FargateSize.smallestFitting(16384, 122880)).contains(new FargateSize(16384, 122880));
        assertThat(FargateSize.smallestFitting(16385, 1)).isEmpty();
        assertThat(FargateSize.ALL).hasSize(3 + 4 + 7 + 13 + 23 + 12 + 12);
    }

    @Test
    void labelSelectorsMatchLikeKubernetes() {
        Map<String, String> labels = Map.of("app", "web", "tier", "front");
        assertThat(LabelSelector.of(Map.of()).matches(labels)).isTrue();
        assertThat(LabelSelector.of(Map.of("app", "web")).matches(labels)).isTrue();
        assertThat(LabelSelector.of(Map.of("app", "db")).matches(labels)).isFalse();
        LabelSelector expressions = new LabelSelector(Map.of("app", "web"), List.of(
                new LabelSelector.Requirement("tier", LabelSelector.Operator.IN, List.of("front", "edge")),
                new LabelSelector.Requirement("canary", LabelSelector.Operator.DOES_NOT_EXIST, List.of())));
        assertThat(expressions.matches(labels)).isTrue();
        assertThat(new LabelSelector(Map.of(), List.of(
                new LabelSelector.Requirement("tier", LabelSelector.Operator.NOT_IN, List.of("front")))).matches(labels)).isFalse();
        assertThat(new LabelSelector(Map.of(), List.of(
                new LabelSelector.Requirement("app", LabelSelector.Operator.EXISTS, List.of()))).matches(labels)).isTrue();
    }

    @Test
    void resourceKindsParseAndRender() {
        assertThat(ResourceKind.parse("apps/Deployment")).isEqualTo(new ResourceKind("apps", "Deployment"));
        assertThat(ResourceKind.parse("Service")).isEqualTo(ResourceKind.parse("core/Service"));
        assertThat(ResourceKind.of("v1", "Service").toString()).isEqualTo("Service");
        assertThat(ResourceKind.of("vpcresources.k8s.aws/v1beta1", "SecurityGroupPolicy").toString())
                .isEqualTo("vpcresources.k8s.aws/SecurityGroupPolicy");
    }

    @Test
    void identifiersOrderAsTheirTextAndStayEqualWhenEqual() {
        List<String> words = List.of("", "a", "apps", "apps.x", "Apps", "b", "Deployment", "Service", "-", ".", "~", "é", "a-b");
        List<ResourceKind> kinds = new java.util.ArrayList<>();
        List<ObjectRef> refs = new java.util.ArrayList<>();
        List<ResourceId> ids = new java.util.ArrayList<>();
        for (String group : words) {
            for (String kind : words.subList(1, words.size())) {
                kinds.add(new ResourceKind(group, kind));
                refs.add(new ObjectRef(new ResourceKind(group, kind), group, kind));
                ids.add(new ResourceId(group, kind, group + kind + "x"));
            }
        }
        java.util.Comparator<ObjectRef> refOrder = java.util.Comparator.comparing((ObjectRef r) -> r.kind().toString())
                .thenComparing(ObjectRef::namespace).thenComparing(ObjectRef::name);
        java.util.Comparator<ResourceId> idOrder = java.util.Comparator.comparing(ResourceId::type)
                .thenComparing(ResourceId::namespace).thenComparing(ResourceId::name);
        for (int i = 0; i < kinds.size(); i++) {
            for (int j = 0; j < kinds.size(); j++) {
                assertThat(Integer.signum(kinds.get(i).compareTo(kinds.get(j))))
                        .as("%s vs %s", kinds.get(i), kinds.get(j))
                        .isEqualTo(Integer.signum(kinds.get(i).toString().compareTo(kinds.get(j).toString())));
                assertThat(Integer.signum(refs.get(i).compareTo(refs.get(j))))
                        .isEqualTo(Integer.signum(refOrder.compare(refs.get(i), refs.get(j))));
                assertThat(Integer.signum(ids.get(i).compareTo(ids.get(j))))
                        .isEqualTo(Integer.signum(idOrder.compare(ids.get(i), ids.get(j))));
            }
            ResourceKind copy = new ResourceKind(kinds.get(i).group(), kinds.get(i).kind());
            assertThat(copy).isEqualTo(kinds.get(i)).hasSameHashCodeAs(kinds.get(i));
            ObjectRef refCopy = new ObjectRef(copy, refs.get(i).namespace(), refs.get(i).name());
            assertThat(refCopy).isEqualTo(refs.get(i)).hasSameHashCodeAs(refs.get(i));
            ResourceId idCopy = new ResourceId(ids.get(i).type(), ids.get(i).namespace(), ids.get(i).name());
            assertThat(idCopy).isEqualTo(ids.get(i)).hasSameHashCodeAs(ids.get(i));
        }
        assertThat(new ResourceId("a", "b", "c")).isNotEqualTo(new ResourceId("a", "c", "b"));
        assertThat(new ObjectRef(new ResourceKind("", "A"), "n", "x")).isNotEqualTo(new ObjectRef(new ResourceKind("", "B"), "n", "x"));
    }
}
