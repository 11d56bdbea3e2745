package io.kube2ecs.plugin.emit.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.IamRole;
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
 * A {@link ScheduledTask} becomes an {@code aws_scheduler_schedule} and the role it assumes, in the
 * workload's file. Expectations in {@code src/test/resources/golden/schedule/}.
 */
class ScheduleTest {

    private static final String PLUGIN = "emit-terraform";

    @Test
    void aScheduleStartsItsRunsTaskWithARoleAllowedOnlyThat() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), SampleModels.nightlyReport(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/schedule"), result);

        String report = result.file("terraform/shop-report.tf");
        assertThat(report).contains("resource \"aws_scheduler_schedule\" \"shop_report\"")
                .contains("schedule_expression          = \"cron(30 2 ? * 2-6 *)\"")
                .contains("schedule_expression_timezone = \"Europe/Berlin\"")
                .contains("state                        = \"ENABLED\"")
                .contains("mode = \"OFF\"")
                .contains("role_arn = aws_iam_role.shop_report_scheduler.arn")
                .contains("task_definition_arn     = aws_ecs_task_definition.shop_report.arn")
                .contains("subnets          = var.subnet_ids")
                // the trust: this account's scheduler only
                .contains("Service = \"scheduler.amazonaws.com\"")
                .contains("\"aws:SourceAccount\" = data.aws_caller_identity.current.account_id")
                // the permissions: the family in the cluster, and passing the task's two roles
                .contains("Resource = [\"${aws_ecs_task_definition.shop_report.arn_without_revision}:*\"]")
                .contains("Resource = [local.execution_role_arn, \"arn:aws:iam::123456789012:role/report\"]")
                // ECS authorizes the managed and propagated tags of a task it starts as tagging: only while starting one
                .contains("Action   = [\"ecs:TagResource\"]\n        Resource = [\"arn:${data.aws_partition.current.partition}:ecs:${var.region}:"
                        + "${data.aws_caller_identity.current.account_id}:task/*\"]")
                .contains("\"ecs:CreateAction\" = \"RunTask\"")
                .contains("tags = {\n    team = \"ops\"\n  }");
        // the cluster input may be a name or an ARN: the target needs the ARN
        assertThat(report).contains("arn      = startswith(var.cluster, \"arn:\") ? var.cluster : \"arn:${data.aws_partition.current.partition}"
                + ":ecs:${var.region}:${data.aws_caller_identity.current.account_id}:cluster/${var.cluster}\"");
        assertThat(result.file("terraform/main.tf")).containsOnlyOnce("data \"aws_caller_identity\" \"current\"");
        // the schedule starts the run: Terraform is not said to leave it to the user
        assertThat(result.withCode(TerraformWriter.CODE_RUN_TASK)).isEmpty();
    }

    @Test
    void aClusterGivenAsALiteralNameOrArnIsTheTargetsArnAndASuspendedScheduleIsDisabled() {
        for (String cluster : new String[] {"prod", "arn:aws:ecs:eu-west-1:123456789012:cluster/prod"}) {
            DeploymentModel model = SampleModels.nightlyReport();
            model.find(new ResourceId(RunTask.TYPE, "shop", "report"), RunTask.class).orElseThrow().cluster(Value.of(cluster));
            model.find(new ResourceId(ScheduledTask.TYPE, "shop", "report"), ScheduledTask.class).orElseThrow().enabled(false);

            String report = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), model, Map.of()).file("terraform/shop-report.tf");

            assertThat(report).as(cluster).contains(cluster.startsWith("arn:") ? "arn      = \"" + cluster + "\""
                    : "arn      = \"arn:${data.aws_partition.current.partition}:ecs:${var.region}:"
                    + "${data.aws_caller_identity.current.account_id}:cluster/prod\"")
                    .contains("state                        = \"DISABLED\"");
        }
    }

    /** A CronJob's startingDeadlineSeconds: how late EventBridge Scheduler may still start a run; without it, its default. */
    @Test
    void aMaximumEventAgeIsTheTargetsRetryPolicy() {
        assertThat(PipelineRunner.emit(PLUGIN, new TerraformEmitter(), SampleModels.nightlyReport(), Map.of())
                .file("terraform/shop-report.tf")).doesNotContain("retry_policy");
        DeploymentModel model = SampleModels.nightlyReport();
        model.find(new ResourceId(ScheduledTask.TYPE, "shop", "report"), ScheduledTask.class).orElseThrow().maximumEventAgeSeconds(300);

        String report = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), model, Map.of()).file("terraform/shop-report.tf");

        assertThat(report).contains("    retry_policy {\n      maximum_event_age_in_seconds = 300\n    }");
    }

    /** A model role whose address is the one the schedule's role would get: the schedule takes another name. */
    @Test
    void aRoleOfTheModelNamedLikeTheSchedulersRoleKeepsItsAddress() {
        DeploymentModel model = SampleModels.nightlyReport();
        model.add(new IamRole(new ResourceId(IamRole.TYPE, "shop", "report/scheduler"), "shop-report-other", null));

        RunResult result = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), model, Map.of());

        String all = String.join("\n", result.files().values());
        assertThat(all).containsOnlyOnce("resource \"aws_iam_role\" \"shop_report_scheduler\"")
                .contains("resource \"aws_scheduler_schedule\" \"shop_report_2\"")
                .contains("resource \"aws_iam_role\" \"shop_report_2_scheduler\"")
                .contains("role_arn = aws_iam_role.shop_report_2_scheduler.arn");
    }
}
