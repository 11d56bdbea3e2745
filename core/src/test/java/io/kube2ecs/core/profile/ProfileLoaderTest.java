package io.kube2ecs.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.core.diag.DiagnosticCollector;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {

    private final DiagnosticCollector diagnostics = new DiagnosticCollector();

    @Test
    void readsAFullProfile() {
        Optional<Profile> profile = new ProfileLoader().load("p.yaml", """
                region: eu-west-1
                accountId: "123456789012"
                cluster: prod
                vpcId: vpc-0abc
                subnets: [subnet-0a, subnet-0b]
                securityGroups: [sg-01]
                assignPublicIp: false
                executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
                namePrefix: shop
                logging: {driver: awslogs, groupPrefix: /apps/, retentionDays: 14}
                tags: {team: payments}
                plugins:
                  mappers: {apps/Deployment: acme-deployment}
                options:
                  kind-deployment: {anything: 1}
                """, diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        Profile p = profile.orElseThrow();
        assertThat(p.subnets()).containsExactly("subnet-0a", "subnet-0b");
        assertThat(p.logging().groupPrefix()).isEqualTo("/apps");
        assertThat(p.logging().retentionDays()).isEqualTo(14);
        assertThat(p.plugins().mappers()).containsEntry("apps/Deployment", "acme-deployment");
        assertThat(p.options().get("kind-deployment")).containsEntry("anything", 1);
    }

    @Test
    void unknownKeysAndWrongTypesAreReportedAtTheirLine() {
        Optional<Profile> profile = new ProfileLoader().load("p.yaml", """
                region: eu-west-1
                clustr: prod
                subnets: subnet-0a
                logging:
                  retentionDays: 13
                """, diagnostics);
        assertThat(profile).isEmpty();
        assertThat(diagnostics.sorted()).extracting(Diagnostic::render).allSatisfy(text -> assertThat(text).contains("error[K2E601]"));
        assertThat(diagnostics.sorted()).extracting(d -> d.location().line() + ":" + d.location().path())
                .containsExactlyInAnyOrder("2:clustr", "5:logging.retentionDays", "3:subnets");
    }

    @Test
    void efsFileSystemIdFillsItsInputAndIsCheckedAgainstTheSchema() {
        Profile profile = new ProfileLoader().load("p.yaml", "efsFileSystemId: fs-0123456789abcdef0\n", diagnostics).orElseThrow();
        io.kube2ecs.api.model.DeploymentModel model = new io.kube2ecs.api.model.DeploymentModel();
        EnvironmentInputs.declare(model, profile);
        assertThat(model.inputNamed(io.kube2ecs.api.model.StandardInputs.EFS_FILE_SYSTEM_ID).orElseThrow().value())
                .containsExactly("fs-0123456789abcdef0");
        // declared in every model, but listed among the values to fill in only once something uses it
        assertThat(model.inputs()).isEmpty();

        assertThat(new ProfileLoader().load("p.yaml", "efsFileSystemId: fsap-0123456789abcdef0\n", diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).extracting(d -> d.location().line() + ":" + d.location().path())
                .containsExactly("1:efsFileSystemId");
    }

    @Test
    void emptyProfileIsTheDefault() {
        assertThat(new ProfileLoader().load("p.yaml", "# nothing yet\n", diagnostics)).contains(Profile.EMPTY);
    }
}
