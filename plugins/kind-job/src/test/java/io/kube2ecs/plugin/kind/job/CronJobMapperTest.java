package io.kube2ecs.plugin.kind.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.testkit.ModelDumpPlugin;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import org.junit.jupiter.api.Test;

/**
 * A CronJob's schedule becomes a {@code ScheduledTask} next to the run it starts. A schedule without a single
 * EventBridge expression (nothing created, {@code JOB002}) is the golden case {@code batch}'s CronJob monthly.
 */
class CronJobMapperTest {

    private static String cronJob(String namespace, String name, String specLines) {
        return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: " + name + "\n  namespace: " + namespace + "\nspec:\n"
                + specLines + "  jobTemplate:\n    spec:\n      backoffLimit: 0\n      template:\n        spec:\n"
                + "          restartPolicy: Never\n          containers:\n            - name: run\n              image: busybox:1.36\n";
    }

    private static RunResult run(String manifest) {
        return PipelineRunner.of(new JobPlugin(), new ModelDumpPlugin()).input("cron.yaml", manifest).run();
    }

    @Test
    void theScheduleStartsTheCronJobsRunInTheTimeZoneOfItsCronTzPrefix() {
        RunResult result = run(cronJob("shop", "nightly", "  schedule: \"CRON_TZ=Asia/Tokyo 0 3 * * *\"\n"));

        String model = result.file("model/model.json");
        assertThat(model).contains("\"@type\": \"ScheduledTask\"").contains("\"expression\": \"cron(0 3 * * ? *)\"")
                .contains("\"timeZone\": \"Asia/Tokyo\"").contains("\"enabled\": true")
                .contains("\"run\": {\n        \"@type\": \"ResourceId\",\n        \"name\": \"nightly\",\n        \"namespace\": \"shop\",\n        \"type\": \"ecs-run-task\"\n      }")
                .contains("\"scheduleName\": \"shop-nightly\"");
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULED)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("cron(0 3 * * ? *) in Asia/Tokyo");
        });
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULE)).isEmpty();
    }

    @Test
    void aSuspendedCronJobsScheduleIsCreatedDisabled() {
        RunResult result = run(cronJob("shop", "sweep", "  schedule: \"@hourly\"\n  suspend: true\n"));

        assertThat(result.file("model/model.json")).contains("\"enabled\": false").contains("\"timeZone\": null");
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULED)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains(" in UTC (without timeZone Kubernetes uses kube-controller-manager's "
                        + "local time zone, UTC on most managed clusters); created disabled"));
    }

    @Test
    void anEveryScheduleIsARateAndReadsNoTimeZone() {
        RunResult result = run(cronJob("shop", "poll", "  schedule: \"@every 5m\"\n"));

        assertThat(result.file("model/model.json")).contains("\"expression\": \"rate(5 minutes)\"");
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULED)).singleElement()
                .satisfies(d -> assertThat(d.message()).endsWith("starts the task at the same times with rate(5 minutes)"));
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULE)).isEmpty();
    }

    @Test
    void aScheduleWithNoExpressionIsReportedWithItsOwnReason() {
        RunResult result = run(cronJob("shop", "fast", "  schedule: \"@every 90s\"\n"));

        assertThat(result.file("model/model.json")).doesNotContain("ScheduledTask");
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULE)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).isEqualTo("the schedule '@every 90s' is not created: @every 90s is not a whole number of minutes, "
                    + "and EventBridge Scheduler's rate expressions count in whole minutes, hours or days");
        });
    }

    @Test
    void aQuestionMarkInADayFieldIsAnyDay() {
        RunResult result = run(cronJob("shop", "weekly", "  schedule: \"0 6 ? * 1\"\n"));

        assertThat(result.file("model/model.json")).contains("\"expression\": \"cron(0 6 ? * 2 *)\"");
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULE)).isEmpty();
    }

    @Test
    void startingDeadlineSecondsIsTheSchedulesRetryPolicyWithinWhatEventBridgeTakes() {
        RunResult result = run(cronJob("shop", "late", "  schedule: \"0 0 * * *\"\n  startingDeadlineSeconds: 300\n"));
        assertThat(result.file("model/model.json")).contains("\"maximumEventAgeSeconds\": 300");
        assertThat(result.withCode(CronJobMapper.CODE_SCHEDULED)).singleElement().satisfies(d -> assertThat(d.message())
                .endsWith("; a missed run still starts up to 300 seconds late (startingDeadlineSeconds)"));
        assertThat(result.diagnostics()).noneMatch(d -> d.message().contains("startingDeadlineSeconds' is not converted"));

        // EventBridge Scheduler takes 60 to 86,400 seconds
        RunResult short_ = run(cronJob("shop", "short", "  schedule: \"0 0 * * *\"\n  startingDeadlineSeconds: 10\n"));
        assertThat(short_.file("model/model.json")).contains("\"maximumEventAgeSeconds\": 60");
        assertThat(short_.withCode(CronJobMapper.CODE_SCHEDULED)).singleElement().satisfies(d -> assertThat(d.message())
                .contains("up to 60 seconds late (startingDeadlineSeconds 10, raised to EventBridge Scheduler's least)"));
        RunResult long_ = run(cronJob("shop", "long", "  schedule: \"0 0 * * *\"\n  startingDeadlineSeconds: 200000\n"));
        assertThat(long_.file("model/model.json")).contains("\"maximumEventAgeSeconds\": 86400");

        assertThat(run(cronJob("shop", "any", "  schedule: \"0 0 * * *\"\n")).file("model/model.json"))
                .contains("\"maximumEventAgeSeconds\": null");
    }

    @Test
    void aLongNamespaceAndNameGiveAScheduleNameWithinEventBridgesSixtyFourCharacters() {
        String namespace = "n".repeat(50);
        String name = "c".repeat(50);
        RunResult result = run(cronJob(namespace, name, "  schedule: \"0 0 * * *\"\n"));

        String model = result.file("model/model.json");
        String scheduleName = model.replaceAll("(?s).*\"scheduleName\": \"([^\"]*)\".*", "$1");
        assertThat(scheduleName).hasSizeLessThanOrEqualTo(64).startsWith(namespace + "-c").matches("[0-9A-Za-z_.-]+");
    }
}
