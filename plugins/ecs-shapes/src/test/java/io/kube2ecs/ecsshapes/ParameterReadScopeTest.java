package io.kube2ecs.ecsshapes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterReadScopeTest {

    private static final String KMS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

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

    @ParameterizedTest
    @CsvSource({
            "shop, kube2ecs/shop/db, kube2ecs/shop/*",
            "shop, kube2ecs/shop/registry/pull, kube2ecs/shop/*",
            "shop, kube2ecs/other/db, ''",
            "shop, kube2ecs/shop/, ''",
            "shop, kube2ecs/shop, ''",
            "shop, /kube2ecs/shop/db, ''",
            "shop, db, ''",
            "'', kube2ecs//db, ''"})
    void aSecretPrefixIsItsOwnNamespacesOnlyForTheNamesThisToolGives(String namespace, String name, String prefix) {
        SecretsManagerSecret secret = new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, namespace, "secret/x"), name,
                Map.of());
        assertThat(ParameterReadScope.secretPrefix(secret).orElse("")).isEqualTo(prefix);
    }

    @Test
    void singleParametersAreKeptWhileTheyFitTheRolesPolicySize() {
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(60, 2), List.of(), 0, null, 1);
        assertThat(scope.widened()).isFalse();
        assertThat(scope.parameterPaths()).isEmpty();
    }

    @Test
    void pastThePolicySizeEachNamespacesPathIsGrantedOnce() {
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(200, 3), List.of(), 0, null, 1);
        assertThat(scope.parameterPaths()).containsExactly("/kube2ecs/ns0/*", "/kube2ecs/ns1/*", "/kube2ecs/ns2/*");
        assertThat(scope.secretsByPrefix()).isFalse();
        assertThat(scope.note()).contains("reads 200 SSM parameters,").contains("/kube2ecs/ns0/*, /kube2ecs/ns1/*")
                .doesNotContain("Secrets Manager");
    }

    @Test
    void parametersAndSecretsThatFitTogetherAreListedOneByOne() {
        // about 3,000 + 3,300 characters: each would fit alone, and so they do together
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(30, 2), secrets(30, 2), 0, KMS_KEY, 1);
        assertThat(scope.widened()).isFalse();
        assertThat(scope.secrets()).isEqualTo(30);
    }

    @Test
    void secretsCountInTheSameBudgetAndParametersAreWidenedFirst() {
        // 60 parameters (about 6,300 characters) fit alone; with 20 secrets (about 2,200) they do not
        assertThat(ParameterReadScope.decide(parameters(60, 2), List.of(), 0, null, 1).widened()).isFalse();
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(60, 2), secrets(20, 2), 0, null, 1);
        assertThat(scope.parameterPaths()).containsExactly("/kube2ecs/ns0/*", "/kube2ecs/ns1/*");
        assertThat(scope.secretPrefixes()).isEmpty();
        assertThat(scope.prefixOf(secrets(1, 1).get(0))).isEmpty();
        assertThat(scope.note()).contains("reads 60 SSM parameters and 20 Secrets Manager secrets")
                .contains("the parameter paths /kube2ecs/ns0/*, /kube2ecs/ns1/* instead of the 60 parameters")
                .doesNotContain("secret name prefixes");
    }

    @Test
    void pastTheBudgetWithParameterPathsTheSecretsTheModelCreatesAreGrantedByNamespacePrefix() {
        List<SecretsManagerSecret> secrets = secrets(150, 3);
        // a secret read twice counts once
        secrets.add(secrets.get(0));
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(100, 3), secrets, 0, KMS_KEY, 1);
        assertThat(scope.parameterPaths()).containsExactly("/kube2ecs/ns0/*", "/kube2ecs/ns1/*", "/kube2ecs/ns2/*");
        assertThat(scope.secretPrefixes()).containsExactly("kube2ecs/ns0/*", "kube2ecs/ns1/*", "kube2ecs/ns2/*");
        assertThat(scope.prefixOf(secrets.get(1))).hasValue("kube2ecs/ns1/*");
        assertThat(scope.note()).contains("reads 100 SSM parameters and 150 Secrets Manager secrets")
                .contains("and the secret name prefixes kube2ecs/ns0/*, kube2ecs/ns1/*, kube2ecs/ns2/* instead of 150 of the secrets")
                .doesNotContain("stay listed");

        // secrets alone, without any parameter
        ParameterReadScope.Scope secretsOnly = ParameterReadScope.decide(List.of(), secrets(150, 3), 0, null, 1);
        assertThat(secretsOnly.parametersByPath()).isFalse();
        assertThat(secretsOnly.secretPrefixes()).hasSize(3);
        assertThat(secretsOnly.note()).contains("reads 150 Secrets Manager secrets,").doesNotContain("parameter");
    }

    @Test
    void secretsTheModelDoesNotNameByNamespaceAndUnknownArnsStayListed() {
        List<SecretsManagerSecret> secrets = secrets(150, 3);
        SecretsManagerSecret foreign = new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, "ns0", "secret/legacy"),
                "legacy/database", Map.of());
        secrets.add(foreign);
        ParameterReadScope.Scope scope = ParameterReadScope.decide(List.of(), secrets, 4, null, 1);
        assertThat(scope.secretPrefixes()).containsExactly("kube2ecs/ns0/*", "kube2ecs/ns1/*", "kube2ecs/ns2/*");
        assertThat(scope.prefixOf(foreign)).isEmpty();
        assertThat(scope.prefixed()).isEqualTo(150);
        assertThat(scope.note()).contains("151 Secrets Manager secrets").contains("instead of 150 of the secrets")
                .contains("1 secrets whose names do not follow <prefix>/<namespace>/ stay listed")
                .contains("4 ARNs of parameters or secrets the input does not define stay listed");
    }

    @Test
    void theKmsKeyUnknownArnsAndFurtherPoliciesCountInTheBudget() {
        // 70 secrets: about 7,700 characters, which fit alone but not with a KMS key in each of three policies
        assertThat(ParameterReadScope.decide(List.of(), secrets(70, 3), 0, KMS_KEY, 1).widened()).isFalse();
        assertThat(ParameterReadScope.decide(List.of(), secrets(70, 3), 0, KMS_KEY, 3).secretsByPrefix()).isTrue();
        assertThat(ParameterReadScope.decide(List.of(), secrets(70, 3), 3, null, 1).secretsByPrefix()).isTrue();
        // each further policy document repeats its statements too
        assertThat(ParameterReadScope.decide(List.of(), secrets(70, 3), 0, null, 2).secretsByPrefix()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "/kube2ecs/shop/configmap/web/LOG_LEVEL, /kube2ecs/*",
            "kube2ecs/shop/secret/db/PASSWORD, /kube2ecs/*",
            "/kube2ecs/shop, /kube2ecs/shop",
            "plain, plain"})
    void theWholePrefixIsGrantedOnlyForNamesWithANamespacePath(String name, String path) {
        assertThat(ParameterReadScope.wholePath(name)).isEqualTo(path);
    }

    @Test
    void pastAHundredOrSoNamespacesTheWholeParameterPrefixIsGrantedAndTheSecretsKeepTheirNamespaces() {
        // 150 namespace paths: about 12,000 characters, past the budget however the secrets are granted
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(300, 150), secrets(30, 3), 0, KMS_KEY, 1);
        assertThat(scope.level()).isEqualTo(ParameterReadScope.Level.PARAMETER_PREFIX);
        assertThat(scope.fits()).isTrue();
        assertThat(scope.parameterPaths()).containsExactly("/kube2ecs/*");
        assertThat(scope.pathOf("/kube2ecs/ns7/configmap/app7/FEATURE_FLAG_7")).hasValue("/kube2ecs/*");
        assertThat(scope.secretPrefixes()).containsExactly("kube2ecs/ns0/*", "kube2ecs/ns1/*", "kube2ecs/ns2/*");
        assertThat(scope.note()).contains("reads 300 SSM parameters and 30 Secrets Manager secrets")
                .contains("the parameter path /kube2ecs/* (the whole prefix: a path per namespace does not fit either) "
                        + "instead of the 300 parameters")
                .contains("the secret name prefixes kube2ecs/ns0/*, kube2ecs/ns1/*, kube2ecs/ns2/* instead of 30 of the secrets");
    }

    @Test
    void whenTheSecretsNamespacesDoNotFitEitherTheirWholePrefixIsGrantedToo() {
        List<SecretsManagerSecret> secrets = secrets(300, 150);
        SecretsManagerSecret foreign = new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, "ns0", "secret/legacy"),
                "legacy/database", Map.of());
        secrets.add(foreign);
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(300, 150), secrets, 0, KMS_KEY, 1);
        assertThat(scope.level()).isEqualTo(ParameterReadScope.Level.WHOLE_PREFIX);
        assertThat(scope.fits()).isTrue();
        assertThat(scope.parameterPaths()).containsExactly("/kube2ecs/*");
        assertThat(scope.secretPrefixes()).containsExactly("kube2ecs/*");
        assertThat(scope.prefixOf(secrets.get(7))).hasValue("kube2ecs/*");
        // a name that follows no namespace is no safer to widen at this level
        assertThat(scope.prefixOf(foreign)).isEmpty();
        assertThat(scope.note()).contains("the secret name prefix kube2ecs/* (the whole prefix: a prefix per namespace does not fit "
                + "either) instead of 300 of the secrets").contains("1 secrets whose names do not follow <prefix>/<namespace>/ stay listed");
    }

    @Test
    void theNarrowerLevelsSayWhatTheyGrantAndThatTheyFit() {
        ParameterReadScope.Scope arns = ParameterReadScope.decide(parameters(60, 2), List.of(), 0, null, 1);
        assertThat(arns.level()).isEqualTo(ParameterReadScope.Level.ARNS);
        assertThat(arns.fits()).isTrue();
        assertThat(arns.pathOf("/kube2ecs/ns0/configmap/app0/FEATURE_FLAG_0")).isEmpty();
        ParameterReadScope.Scope paths = ParameterReadScope.decide(parameters(200, 3), List.of(), 0, null, 1);
        assertThat(paths.level()).isEqualTo(ParameterReadScope.Level.PARAMETER_PATHS);
        assertThat(paths.pathOf("/kube2ecs/ns0/configmap/app0/FEATURE_FLAG_0")).hasValue("/kube2ecs/ns0/*");
        assertThat(ParameterReadScope.decide(parameters(100, 3), secrets(150, 3), 0, KMS_KEY, 1).level())
                .isEqualTo(ParameterReadScope.Level.SECRET_PREFIXES);
    }

    @Test
    void aPolicyPerNamespaceRepeatsItsStatementsAndKeyPastWhatAnyLevelFits() {
        // the CloudFormation target's nested stacks: 60 read-secrets-<ns> policies cost about 16,500
        // characters before they list anything
        ParameterReadScope.Scope perNamespace = ParameterReadScope.decide(parameters(120, 60), secrets(60, 60), 0, KMS_KEY, 60);
        assertThat(perNamespace.fits()).isFalse();
        assertThat(perNamespace.level()).isEqualTo(ParameterReadScope.Level.WHOLE_PREFIX);
        assertThat(ParameterReadScope.decide(parameters(120, 60), secrets(60, 60), 0, KMS_KEY, 1).fits()).isTrue();
    }

    @Test
    void arnsNoPathCoversCanLeaveTheRoleTooLargeWhichTheScopeTells() {
        // 100 ARNs the model does not create (a Secret missing from the input, …): no prefix is known for them
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(10, 2), List.of(), 100, null, 1);
        assertThat(scope.fits()).isFalse();
        assertThat(scope.unknownArns()).isEqualTo(100);
        assertThat(scope.overflow()).startsWith("the created execution role cannot be created: its policies would take about ")
                .contains("more than IAM allows a role (10240 characters of inline policy")
                .contains("what none covers stays listed one by one: 100 ARNs of parameters or secrets the input does not define");
        assertThat(Long.parseLong(scope.overflow().replaceAll(".*would take about (\\d+) characters.*", "$1"))).isGreaterThan(12_800);
        assertThat(ParameterReadScope.decide(parameters(10, 2), List.of(), 40, null, 1).fits()).isTrue();
    }

    @Test
    void anEstimatePastTheMarginButWithinIamsLimitSaysTheRoleMayNotThatItCannot() {
        // 70 ARNs no path covers: past the 8,000 characters kept as a margin, short of IAM's 10,240
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameters(10, 2), List.of(), 70, null, 1);
        assertThat(scope.fits()).isFalse();
        long estimate = Long.parseLong(scope.overflow().replaceAll(".*estimated at (\\d+) characters.*", "$1"));
        assertThat(estimate).isBetween(8_001L, 10_240L);
        assertThat(scope.overflow()).startsWith("the created execution role may exceed IAM's size for a role: its policies are "
                        + "estimated at " + estimate + " characters against IAM's 10240 (inline policy, all its policies together), "
                        + "beyond the 8000 this tool keeps as a margin")
                .doesNotContain("cannot")
                .contains("what none covers stays listed one by one: 70 ARNs of parameters or secrets the input does not define");
    }

    @Test
    void aKeyOfASecretAndRegistryCredentialsReadTheWholeSecret() {
        DeploymentModel model = new DeploymentModel();
        SecretsManagerSecret db = new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, "shop", "secret/db"),
                "kube2ecs/shop/db", Map.of());
        SecretsManagerSecret registry = new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, "shop", "registry/pull"),
                "kube2ecs/shop/registry/pull", Map.of());
        ResourceId parameter = new ResourceId(SsmParameter.TYPE, "shop", "secret/api/TOKEN");
        model.add(db);
        model.add(registry);
        model.add(new SsmParameter(parameter, "/kube2ecs/shop/secret/api/TOKEN", false, Value.of("x")));
        assertThat(ParameterReadScope.secretOf(model, Value.ref(new ResourceId(SsmParameter.TYPE, "shop", "secret/db/PASSWORD"),
                Value.Attribute.ARN))).containsSame(db);
        assertThat(ParameterReadScope.secretOf(model, Value.ref(registry.id(), Value.Attribute.ARN))).containsSame(registry);
        assertThat(ParameterReadScope.secretOf(model, Value.ref(parameter, Value.Attribute.ARN))).isEmpty();
        assertThat(ParameterReadScope.secretOf(model, Value.ref(new ResourceId(SsmParameter.TYPE, "shop", "secret/absent/KEY"),
                Value.Attribute.ARN))).isEmpty();
        assertThat(ParameterReadScope.secretOf(model, Value.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:x"))).isEmpty();
    }

    /** {@code count} names like the ones the ConfigMap mapper gives, spread over {@code namespaces}. */
    private static List<String> parameters(int count, int namespaces) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("/kube2ecs/ns" + i % namespaces + "/configmap/app" + i + "/FEATURE_FLAG_" + i);
        }
        return out;
    }

    /** {@code count} secrets named as the Secret mapper names them with {@code secrets: secretsmanager}. */
    private static List<SecretsManagerSecret> secrets(int count, int namespaces) {
        List<SecretsManagerSecret> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String namespace = "ns" + i % namespaces;
            out.add(new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, namespace, "secret/app" + i + "-db"),
                    "kube2ecs/" + namespace + "/app" + i + "-database-credentials", Map.of()));
        }
        return out;
    }
}
