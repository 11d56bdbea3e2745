package io.kube2ecs.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings withPrefix(String prefix) {
        return new Settings(new Profile(null, null, null, null, null, null, List.of(), List.of(), null, null, prefix, null, null, null,
                null, null, null, null, null, Map.of(), null, null, null));
    }

    @Test
    void joinsPrefixNamespaceAndName() {
        assertThat(withPrefix("").awsName("shop", "cart", 255)).isEqualTo("shop-cart");
        assertThat(withPrefix("prod").awsName("shop", "cart", 255)).isEqualTo("prod-shop-cart");
        assertThat(withPrefix("").awsName("", "cart.v2", 255)).startsWith("cart-v2-").hasSize(16)
                .isNotEqualTo(withPrefix("").awsName("", "cart-v2", 255));
    }

    @Test
    void shortensLongNamesDeterministicallyAndDistinctly() {
        String a = withPrefix("").awsName("namespace-with-a-long-name", "service-a-with-a-long-name", 32);
        String b = withPrefix("").awsName("namespace-with-a-long-name", "service-b-with-a-long-name", 32);
        assertThat(a).hasSizeLessThanOrEqualTo(32).isNotEqualTo(b)
                .isEqualTo(withPrefix("").awsName("namespace-with-a-long-name", "service-a-with-a-long-name", 32));
    }
}
