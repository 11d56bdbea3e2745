package io.kube2ecs.plugin.emit.ecsjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScheduledTask} becomes {@code create-schedule.json} next to the run's {@code run-task.json},
 * with the trust and permission policies of the role it names, which this target does not create
 * ({@code ECSJSON004}). Expectations in {@code src/test/resources/golden/schedule/}.
 */
class ScheduleTest {

    private static final String PLUGIN = "emit-ecs-json";

    @Test
    void aScheduleIsACreateScheduleInputWithItsRolesPolicies() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), SampleModels.nightlyReport(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/schedule"), result);

        assertThat(result.files()).containsKeys("ecs/shop/report/run-task.json", "ecs/shop/report/create-schedule.json",
                "ecs/shop/report/scheduler-trust-policy.json", "ecs/shop/report/scheduler-role-policy.json");
        String schedule = result.file("ecs/shop/report/create-schedule.json");
        assertThat(EcsSchemaValidator.validateCreateSchedule(schedule)).isEmpty();
        assertThat(schedule).contains("\"ScheduleExpression\": \"cron(30 2 ? * 2-6 *)\"")
                .contains("\"ScheduleExpressionTimezone\": \"Europe/Berlin\"")
                // a placeholder of its own: ${CLUSTER} of run-task.json may be filled in with a name or an ARN
                .contains("\"Arn\": \"${CLUSTER_ARN}\"")
                .contains("\"RoleArn\": \"arn:aws:iam::${ACCOUNT_ID}:role/shop-report-scheduler\"")
                .contains("\"TaskDefinitionArn\": \"arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task-definition/shop-report\"")
                .contains("\"Subnets\": [\n            \"${SUBNET_IDS}\"");
        assertThat(result.file("ecs/shop/report/scheduler-trust-policy.json")).contains("\"Service\": \"scheduler.amazonaws.com\"")
                .contains("\"aws:SourceAccount\": \"${ACCOUNT_ID}\"");
        assertThat(result.file("ecs/shop/report/scheduler-role-policy.json"))
                // the schedule names the family without a revision, a revision's ARN ends in :<n>
                .contains("\"Resource\": [\n        \"arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task-definition/shop-report\",\n"
                        + "        \"arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task-definition/shop-report:*\"\n      ]")
                .contains("\"ecs:cluster\": \"${CLUSTER_ARN}\"")
                // ECS authorizes the managed and propagated tags of a task it starts as tagging: only while starting one
                .contains("\"Action\": \"ecs:TagResource\",\n      \"Resource\": [\n        \"arn:aws:ecs:${REGION}:${ACCOUNT_ID}:task/*\"")
                .contains("\"ecs:CreateAction\": \"RunTask\"")
                .contains("\"Resource\": [\n        \"${EXECUTION_ROLE_ARN}\",\n        \"arn:aws:iam::123456789012:role/report\"\n      ]");
        assertThat(result.withCode(EcsJsonEmitter.CODE_SCHEDULER_ROLES)).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("a schedule starts its task with a role this target does not create: shop-report-scheduler");
            assertThat(d.hint()).contains("--assume-role-policy-document file://ecs/shop/report/scheduler-trust-policy.json")
                    .endsWith("; fill in ${CLUSTER_ARN} with the cluster's ARN (arn:aws:ecs:REGION:ACCOUNT_ID:cluster/NAME), not its name");
        });
        assertThat(result.withCode(EcsJsonEmitter.CODE_PLACEHOLDERS)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("${ACCOUNT_ID}", "${CLUSTER_ARN}, ${CLUSTER}, ")
                        .endsWith("; ${CLUSTER_ARN} is the cluster's ARN (in create-schedule.json and its role's policy), "
                                + "where the cluster placeholder takes its name or ARN"));
    }

    /** A CronJob's startingDeadlineSeconds: how late EventBridge Scheduler may still start a run; without it, its default. */
    @Test
    void aMaximumEventAgeIsTheTargetsRetryPolicy() {
        assertThat(PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), SampleModels.nightlyReport(), Map.of())
                .file("ecs/shop/report/create-schedule.json")).doesNotContain("RetryPolicy");
        DeploymentModel model = SampleModels.nightlyReport();
        model.find(new ResourceId(ScheduledTask.TYPE, "shop", "report"), ScheduledTask.class).orElseThrow().maximumEventAgeSeconds(300);

        String schedule = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), model, Map.of()).file("ecs/shop/report/create-schedule.json");

        assertThat(schedule).contains("\"RetryPolicy\": {\n      \"MaximumEventAgeInSeconds\": 300\n    }");
        assertThat(EcsSchemaValidator.validateCreateSchedule(schedule)).isEmpty();
    }

    @Test
    void aClusterGivenAsAnArnIsKeptAndASuspendedScheduleIsDisabled() {
        DeploymentModel model = SampleModels.nightlyReport();
        model.find(new ResourceId(RunTask.TYPE, "shop", "report"), RunTask.class).orElseThrow()
                .cluster(Value.of("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"));
        model.find(new ResourceId(ScheduledTask.TYPE, "shop", "report"), ScheduledTask.class).orElseThrow().enabled(false);

        String schedule = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), model, Map.of()).file("ecs/shop/report/create-schedule.json");

        assertThat(schedule).contains("\"Arn\": \"arn:aws:ecs:eu-west-1:123456789012:cluster/prod\"").contains("\"State\": \"DISABLED\"")
                .doesNotContain("CLUSTER_ARN");
        assertThat(EcsSchemaValidator.validateCreateSchedule(schedule)).isEmpty();
    }
}
