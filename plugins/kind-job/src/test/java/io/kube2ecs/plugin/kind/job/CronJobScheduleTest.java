package io.kube2ecs.plugin.kind.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubernetes schedules and the EventBridge Scheduler expressions that fire at the same times. */
class CronJobScheduleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 3 * * *        | cron(0 3 * * ? *)",
            "*/15 * * * *     | cron(0/15 * * * ? *)",      // every 15 minutes from minute 0
            "0 */6 */2 * *    | cron(0 0/6 1/2 * ? *)",
            "30 6 * * 1-5     | cron(30 6 ? * 2-6 *)",      // Monday to Friday: EventBridge counts from Sunday = 1
            "0 0 * * 0        | cron(0 0 ? * 1 *)",
            "0 0 * * 7        | cron(0 0 ? * 1 *)",          // 7 is Sunday too
            "0 0 * * 5-7      | cron(0 0 ? * 6-7,1 *)",      // Friday to Sunday
            "0 0 * * 0-6      | cron(0 0 ? * 1-7 *)",
            "0 9 * * mon,fri  | cron(0 9 ? * MON,FRI *)",
            "0 0 1 * *        | cron(0 0 1 * ? *)",
            "0 12 1,15 jan *  | cron(0 12 1,15 JAN ? *)",
            "@daily           | cron(0 0 * * ? *)",
            "@weekly          | cron(0 0 ? * 1 *)",
            "@hourly          | cron(0 * * * ? *)",
            "0 0 ? * 1        | cron(0 0 ? * 2 *)",          // robfig/cron reads ? as *
            "0 0 1 * ?        | cron(0 0 1 * ? *)",
            "@every 5m        | rate(5 minutes)",
            "@every 1m        | rate(1 minute)",
            "@every 300s      | rate(5 minutes)",
            "@every 1h30m     | rate(90 minutes)",
            "@every 2h        | rate(2 hours)",
            "@every 1.5h      | rate(90 minutes)",
            "@every 24h       | rate(1 day)"})
    void aScheduleBecomesTheEventBridgeExpressionOfTheSameTimes(String schedule, String expected) {
        assertThat(CronJobMapper.eventBridge(schedule.trim())).isEqualTo(expected.trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 0 1 * 1    | both a day of the month and a weekday: Kubernetes runs on either",
            "0 0 * * */2  | steps through weekdays",
            "0 0 * *      | four fields",
            "0 0 * * 8    | no ninth day"})
    void aScheduleWithoutASingleEventBridgeExpressionIsNotGuessed(String schedule, String why) {
        assertThat(CronJobMapper.eventBridge(schedule.trim())).as(why).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 0 1 * 1    | it names both a day of the month (1) and a day of the week (1), and Kubernetes runs on either",
            "0 0 * * */2  | it steps through the days of the week (*/2)",
            "0 0 * *      | it has 4 fields, not the five of a cron schedule",
            "0 0 * * 8    | '8' is not a day of the week",
            "@every 90s   | @every 90s is not a whole number of minutes",
            "@every 30s   | @every 30s is not a whole number of minutes",
            "@every 0m    | @every 0m is not a whole number of minutes",
            "@every five  | 'five' after @every is not a duration",
            "@every 5     | '5' after @every is not a duration"})
    void eachScheduleWithoutAnExpressionSaysWhy(String schedule, String reason) {
        CronJobMapper.Translation translation = CronJobMapper.translate(schedule.trim());
        assertThat(translation.expression()).isNull();
        assertThat(translation.problem()).startsWith(reason.trim());
    }
}
