package io.kube2ecs.plugin.emit.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScheduledTask} becomes an {@code AWS::Scheduler::Schedule} and the {@code AWS::IAM::Role}
 * it assumes; split into nested stacks, both stay with the task definition. Expectations in
 * {@code src/test/resources/golden/schedule/}.
 */
class ScheduleTest {

    private static final String PLUGIN = "emit-cloudformation";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aScheduleStartsItsRunsTaskWithARoleAllowedOnlyThat() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), SampleModels.nightlyReport(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/schedule"), result);

        JsonNode template = new YAMLMapper().readTree(result.file("cloudformation/template.yaml"));
        JsonNode schedule = template.at("/Resources/SchedulerScheduleShopReport");
        assertThat(schedule.get("Type").asText()).isEqualTo("AWS::Scheduler::Schedule");
        JsonNode p = schedule.get("Properties");
        assertThat(p.get("Name").asText()).isEqualTo("shop-report");
        assertThat(p.get("ScheduleExpression").asText()).isEqualTo("cron(30 2 ? * 2-6 *)");
        assertThat(p.get("ScheduleExpressionTimezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(p.get("State").asText()).isEqualTo("ENABLED");
        assertThat(p.at("/FlexibleTimeWindow/Mode").asText()).isEqualTo("OFF");
        assertThat(p.at("/Target/RoleArn").toString()).isEqualTo("{\"Fn::GetAtt\":[\"SchedulerScheduleShopReportRole\",\"Arn\"]}");
        assertThat(p.at("/Target/EcsParameters/TaskDefinitionArn").toString()).isEqualTo("{\"Ref\":\"EcsTaskDefinitionShopReport\"}");
        assertThat(p.at("/Target/EcsParameters/NetworkConfiguration/AwsvpcConfiguration/Subnets").toString())
                .isEqualTo("{\"Ref\":\"SubnetIds\"}");
        // the Cluster parameter may be a name or an ARN: the target needs the ARN
        assertThat(p.at("/Target/Arn").toString()).isEqualTo("{\"Fn::If\":[\"ClusterIsArn\",{\"Ref\":\"Cluster\"},{\"Fn::Sub\":"
                + "\"arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/${Cluster}\"}]}");
        assertThat(template.at("/Conditions/ClusterIsArn").toString())
                .isEqualTo("{\"Fn::Equals\":[{\"Fn::Select\":[0,{\"Fn::Split\":[\":\",{\"Ref\":\"Cluster\"}]}]},\"arn\"]}");

        JsonNode role = template.at("/Resources/SchedulerScheduleShopReportRole/Properties");
        assertThat(role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText()).isEqualTo("scheduler.amazonaws.com");
        assertThat(role.at("/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals/aws:SourceAccount").toString())
                .isEqualTo("{\"Ref\":\"AWS::AccountId\"}");
        JsonNode statements = role.at("/Policies/0/PolicyDocument/Statement");
        assertThat(statements).hasSize(3);
        assertThat(statements.at("/0/Action").toString()).isEqualTo("[\"ecs:RunTask\"]");
        assertThat(statements.at("/0/Resource/0/Fn::Sub").asText())
                .isEqualTo("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/shop-report:*");
        // ECS authorizes the managed and propagated tags of a task it starts as tagging: only while starting one
        assertThat(statements.at("/1/Action").toString()).isEqualTo("[\"ecs:TagResource\"]");
        assertThat(statements.at("/1/Condition").toString()).isEqualTo("{\"StringEquals\":{\"ecs:CreateAction\":\"RunTask\"}}");
        assertThat(statements.at("/2/Action").toString()).isEqualTo("[\"iam:PassRole\"]");
        assertThat(statements.at("/2/Resource/1").asText()).isEqualTo("arn:aws:iam::123456789012:role/report");
        assertThat(statements.at("/2/Resource")).hasSize(2);
        assertThat(role.at("/Tags/0/Key").asText()).isEqualTo("team");
    }

    /** A CronJob's startingDeadlineSeconds: how late EventBridge Scheduler may still start a run; without it, its default. */
    @Test
    void aMaximumEventAgeIsTheTargetsRetryPolicy() throws Exception {
        JsonNode plain = new YAMLMapper().readTree(PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), SampleModels.nightlyReport(),
                Map.of()).file("cloudformation/template.yaml"));
        assertThat(plain.at("/Resources/SchedulerScheduleShopReport/Properties/Target").has("RetryPolicy")).isFalse();
        DeploymentModel model = SampleModels.nightlyReport();
        model.find(new ResourceId(ScheduledTask.TYPE, "shop", "report"), ScheduledTask.class).orElseThrow().maximumEventAgeSeconds(300);

        JsonNode template = new YAMLMapper().readTree(PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of())
                .file("cloudformation/template.yaml"));

        assertThat(template.at("/Resources/SchedulerScheduleShopReport/Properties/Target/RetryPolicy").toString())
                .isEqualTo("{\"MaximumEventAgeInSeconds\":300}");
    }

    @Test
    void aLiteralClusterNeedsNoConditionAndASuspendedScheduleIsDisabled() throws Exception {
        DeploymentModel model = SampleModels.nightlyReport();
        model.find(new ResourceId(RunTask.TYPE, "shop", "report"), RunTask.class).orElseThrow().cluster(Value.of("prod"));
        model.find(new ResourceId(ScheduledTask.TYPE, "shop", "report"), ScheduledTask.class).orElseThrow().enabled(false);

        JsonNode template = new YAMLMapper().readTree(PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of())
                .file("cloudformation/template.yaml"));

        JsonNode p = template.at("/Resources/SchedulerScheduleShopReport/Properties");
        assertThat(p.at("/Target/Arn/Fn::Sub").asText()).isEqualTo("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/prod");
        assertThat(p.get("State").asText()).isEqualTo("DISABLED");
        assertThat(template.get("Conditions").has("ClusterIsArn")).isFalse();
    }

    /**
     * A namespace past the resource quota is cut into parts by applications, the connected components of its
     * references: a schedule refers to its task definition and its role, so the three share a part, and every
     * part with a schedule declares the condition its cluster ARN needs.
     */
    @Test
    void cutIntoPartsEachScheduleStaysWithItsTaskDefinitionAndRole() throws Exception {
        DeploymentModel model = PipelineRunner.newModel();
        // 3 resources per CronJob (task definition, schedule, role): 540 in namespace shop
        for (int i = 0; i < 180; i++) {
            TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "shop", "job" + i), "shop-job" + i);
            task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
            task.containers().add(new ContainerDefinition("job", "busybox:1.36"));
            model.add(task);
            RunTask run = new RunTask(new ResourceId(RunTask.TYPE, "shop", "job" + i), task.id());
            run.cluster(model.input(StandardInputs.CLUSTER));
            run.subnets().add(model.input(StandardInputs.SUBNET_IDS));
            model.add(run);
            model.add(new ScheduledTask(new ResourceId(ScheduledTask.TYPE, "shop", "job" + i), "shop-job" + i, run.id(), "cron(0 3 * * ? *)"));
        }

        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of("format", "json"));

        Map<String, String> stackOf = stacks(result);
        assertThat(stackOf.values()).contains("cloudformation/stacks/namespace-shop.part2.json");
        for (int i = 0; i < 180; i++) {
            String stack = stackOf.get("EcsTaskDefinitionShopJob" + i);
            assertThat(stackOf.get("SchedulerScheduleShopJob" + i)).as("job" + i).isEqualTo(stack);
            assertThat(stackOf.get("SchedulerScheduleShopJob" + i + "Role")).as("job" + i).isEqualTo(stack);
            assertThat(MAPPER.readTree(result.file(stack)).at("/Conditions/ClusterIsArn").isMissingNode()).as(stack).isFalse();
        }
    }

    /** @return the file of every resource of the nested stacks */
    private static Map<String, String> stacks(RunResult result) throws Exception {
        Map<String, String> stackOf = new TreeMap<>();
        for (Map.Entry<String, String> file : result.files().entrySet()) {
            if (file.getKey().startsWith("cloudformation/stacks/")) {
                MAPPER.readTree(file.getValue()).get("Resources").fieldNames().forEachRemaining(id -> stackOf.put(id, file.getKey()));
            }
        }
        return stackOf;
    }

    /** One nested stack per namespace: the schedule, its role and its condition go where the task definition is. */
    @Test
    void splitPerNamespaceTheScheduleAndItsRoleStayInTheTasksStack() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), SampleModels.nightlyReport(),
                Map.of("split", "namespace", "format", "json"));

        Map<String, String> stackOf = stacks(result);
        String stack = stackOf.get("EcsTaskDefinitionShopReport");
        assertThat(stack).isEqualTo("cloudformation/stacks/namespace-shop.json");
        assertThat(stackOf.get("SchedulerScheduleShopReport")).isEqualTo(stack);
        assertThat(stackOf.get("SchedulerScheduleShopReportRole")).isEqualTo(stack);
        JsonNode nested = MAPPER.readTree(result.file(stack));
        assertThat(nested.at("/Conditions/ClusterIsArn").isMissingNode()).isFalse();
        assertThat(nested.at("/Resources/SchedulerScheduleShopReport/Properties/Target/Arn/Fn::If/0").asText()).isEqualTo("ClusterIsArn");
    }
}
