package io.kube2ecs.podtemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableExpansionTest {

    private static final Map<String, String> KNOWN = Map.of("HOST", "db", "PORT", "5432");

    @Test
    void expandsKnownVariables() {
        assertThat(VariableExpansion.expand("postgres://$(HOST):$(PORT)/app", KNOWN)).isEqualTo("postgres://db:5432/app");
    }

    @Test
    void leavesUnknownReferencesAsWrittenLikeTheKubelet() {
        assertThat(VariableExpansion.expand("$(MISSING)-$(HOST)", KNOWN)).isEqualTo("$(MISSING)-db");
        assertThat(VariableExpansion.expand("$(HOST", KNOWN)).isEqualTo("$(HOST");
        assertThat(VariableExpansion.expand("$(X $$Y", KNOWN)).isEqualTo("$(X $Y");
    }

    @Test
    void doubleDollarEscapes() {
        assertThat(VariableExpansion.expand("$$(HOST) costs $5", KNOWN)).isEqualTo("$(HOST) costs $5");
    }
}
