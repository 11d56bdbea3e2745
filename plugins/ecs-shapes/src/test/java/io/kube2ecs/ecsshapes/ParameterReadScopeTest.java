package io.kube2ecs.ecsshapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterReadScopeTest {

    @ParameterizedTest
    @CsvSource({
            "/kube2ecs/shop/configmap/web/LOG_LEVEL, /kube2ecs/shop/*",
            "kube2ecs/shop/secret/db/PASSWORD, /kube2ecs/shop/*",
            "/kube2ecs/shop/x, /kube2ecs/shop/*",
            "/kube2ecs/shop, /kube2ecs/shop",
            "/kube2ecs/shop/, /kube2ecs/shop/",
            "plain, plain"})
    void aWildcardCoversThePrefixAndNamespaceNeverAWholeFirstLevel(String name, String wildcard) {
        assertThat(ParameterReadScope.wildcard(name)).isEqualTo(wildcard);
    }

    @Test
    void singleParametersAreKeptWhileTheyFitTheRolesPolicySize() {
        assertThat(ParameterReadScope.wildcardsIfTooLarge(names(60, 2))).isEmpty();
    }

    @Test
    void pastThePolicySizeEachNamespacesPathIsGrantedOnce() {
        assertThat(ParameterReadScope.wildcardsIfTooLarge(names(200, 3))).hasValue(List.of("/kube2ecs/ns0/*", "/kube2ecs/ns1/*",
                "/kube2ecs/ns2/*"));
    }

    /** {@code count} names like the ones the ConfigMap mapper gives, spread over {@code namespaces}. */
    private static List<String> names(int count, int namespaces) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("/kube2ecs/ns" + i % namespaces + "/configmap/app" + i + "/FEATURE_FLAG_" + i);
        }
        return out;
    }
}
