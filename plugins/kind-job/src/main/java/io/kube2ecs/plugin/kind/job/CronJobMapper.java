package io.kube2ecs.plugin.kind.job;

import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Reference;
import io.kube2ecs.podtemplate.PodTemplateMapper;
import io.kube2ecs.podtemplate.PodTemplateSupport;
import io.kube2ecs.podtemplate.WorkloadService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a CronJob's job template like a Job (a task definition and a one-off run of it) and its
 * schedule into an EventBridge Scheduler schedule that starts that run at the same times
 * ({@code JOB003}, a note with the expression). A schedule with no single EventBridge expression
 * is not created, and {@code JOB002} says so.
 */
public final class CronJobMapper implements KindMapper {

    static final String CODE_SCHEDULE = "JOB002";
    static final String CODE_SCHEDULED = "JOB003";
    /** EventBridge Scheduler's limit on a schedule's name. */
    private static final int NAME_LENGTH = 64;

    private static final ResourceKind KIND = new ResourceKind("batch", "CronJob");
    private static final UnaryOperator<SourceNode> TEMPLATE = root -> root.get("spec").get("jobTemplate").get("spec").get("template");
    private static final Pattern FIELDS = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** A Go duration, as robfig/cron's {@code @every} (Kubernetes' parser) reads it: 1h30m, 90s, 1.5h. */
    private static final Pattern DURATION = Pattern.compile("([0-9]*\\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)");
    /** Without timeZone, the CronJob controller reads the schedule in its own local zone, which the manifest does not say. */
    private static final String NO_TIME_ZONE = " in UTC (without timeZone Kubernetes uses kube-controller-manager's local time "
            + "zone, UTC on most managed clusters)";

    private final PodTemplateMapper pods = new PodTemplateMapper(TEMPLATE);

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", "spec.jobTemplate.spec.template."));
        out.add(FieldSupport.partial("spec.schedule", "an EventBridge Scheduler schedule with the cron (or, for @every, rate) "
                + "expression of the same times (JOB003); none when no single expression has them (JOB002)"));
        out.add(FieldSupport.mapped("spec.timeZone", "the schedule's time zone (a CRON_TZ= prefix too)"));
        out.add(FieldSupport.mapped("spec.suspend", "true: the schedule is created disabled"));
        out.add(FieldSupport.partial("spec.concurrencyPolicy", "Allow: EventBridge Scheduler also starts overlapping runs; Forbid and Replace JOB001"));
        out.add(FieldSupport.partial("spec.startingDeadlineSeconds", "the schedule's retry policy (MaximumEventAgeInSeconds): "
                + "how late EventBridge Scheduler may still start a run, at least 60 and at most 86400 seconds (JOB003)"));
        out.add(FieldSupport.ignored("spec.successfulJobsHistoryLimit", "ECS keeps a stopped task visible for about an hour"));
        out.add(FieldSupport.ignored("spec.failedJobsHistoryLimit", "ECS keeps a stopped task visible for about an hour"));
        out.add(FieldSupport.ignored("spec.jobTemplate.metadata", "the Jobs' own metadata; the task has the pod template's"));
        out.add(FieldSupport.partial("spec.jobTemplate.spec.template.spec.restartPolicy", "Never: a one-off task; OnFailure JOB001"));
        for (String field : List.of("parallelism", "completions", "backoffLimit", "activeDeadlineSeconds", "completionMode", "suspend")) {
            out.add(FieldSupport.partial("spec.jobTemplate.spec." + field, "as for a Job (JOB001)"));
        }
        for (String field : List.of("ttlSecondsAfterFinished", "selector", "manualSelector", "podFailurePolicy")) {
            out.add(FieldSupport.ignored("spec.jobTemplate.spec." + field, "as for a Job"));
        }
        return out;
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject cronJob) {
        return pods.references(cronJob);
    }

    @Override
    public void map(SourceObject cronJob, MappingContext context) {
        Optional<TaskDefinition> task = pods.map(cronJob, context);
        if (task.isEmpty()) {
            return;
        }
        RunTask run = WorkloadService.runTask(cronJob, task.get(), TEMPLATE, context);
        SourceNode spec = cronJob.root().get("spec");
        JobMapper.jobSpec(spec.get("jobTemplate").get("spec"), context);
        spec.get("jobTemplate").get("metadata").ignore("the Jobs' own metadata; the task has the pod template's");
        schedule(cronJob, spec, task.get(), run, context);
        SourceNode concurrency = spec.get("concurrencyPolicy");
        String policy = concurrency.asText().orElse("Allow");
        if (!policy.equals("Allow")) {
            context.diagnostics().warning(concurrency, JobMapper.CODE_CONTROLLER, "concurrencyPolicy " + policy + " is not converted: "
                    + "EventBridge Scheduler starts a run even while the last one still runs",
                    "make the task itself exit when another run holds a lock (a DynamoDB conditional write, for example)");
        } else {
            concurrency.markConverted();
        }
        spec.get("successfulJobsHistoryLimit").ignore("ECS keeps a stopped task visible for about an hour");
        spec.get("failedJobsHistoryLimit").ignore("ECS keeps a stopped task visible for about an hour");
        cronJob.root().get("status").ignore("set by the cluster");
    }

    private static void schedule(SourceObject cronJob, SourceNode spec, TaskDefinition task, RunTask run, MappingContext context) {
        SourceNode schedule = spec.get("schedule");
        String text = schedule.asText().orElse("").trim();
        String zone = spec.get("timeZone").asText().orElse(null);
        for (String prefix : List.of("CRON_TZ=", "TZ=")) {
            if (text.startsWith(prefix) && text.contains(" ")) {
                zone = text.substring(prefix.length(), text.indexOf(' '));
                text = text.substring(text.indexOf(' ') + 1).trim();
            }
        }
        spec.get("timeZone").markConverted();
        boolean suspended = spec.get("suspend").asBoolean().orElse(false);
        spec.get("suspend").markConverted();
        Translation translation = translate(text);
        String expression = translation.expression();
        if (expression == null) {
            context.diagnostics().warning(schedule.exists() ? schedule : spec, CODE_SCHEDULE, "the schedule '" + text + "' is not "
                    + "created: " + translation.problem(), "create EventBridge Scheduler schedules by hand that run task "
                    + "definition " + task.family() + " on Fargate, with the network configuration of its run-task.json");
            return;
        }
        ScheduledTask scheduled = new ScheduledTask(new ResourceId(ScheduledTask.TYPE, cronJob.namespace(), cronJob.name()),
                context.settings().awsName(cronJob.namespace(), cronJob.name(), NAME_LENGTH), run.id(), expression);
        scheduled.addOrigin(cronJob.ref());
        scheduled.timeZone(zone);
        scheduled.enabled(!suspended);
        scheduled.tags().putAll(run.tags());
        String deadline = deadline(spec.get("startingDeadlineSeconds"), scheduled);
        context.model().add(scheduled);
        // a note, not silence: the expression is a translation, and differs from the CronJob's text
        context.diagnostics().info(schedule, CODE_SCHEDULED, "EventBridge Scheduler schedule " + scheduled.scheduleName()
                + " starts the task at the same times with " + expression
                // a rate counts from the schedule's creation, in no time zone
                + (expression.startsWith("rate(") ? "" : zone == null ? NO_TIME_ZONE : " in " + zone) + deadline
                + (suspended ? "; created disabled, as the CronJob is suspended" : ""),
                suspended ? "set its state to ENABLED when you would have resumed the CronJob" : null);
    }

    /**
     * startingDeadlineSeconds as the schedule's retry policy: EventBridge Scheduler keeps trying to start a
     * run for that long after its time, within the 60 to 86,400 seconds it takes. Without it, Scheduler's
     * default (a day) stays, as Kubernetes sets no deadline either.
     *
     * @return what JOB003 adds, empty without a deadline
     */
    private static String deadline(SourceNode field, ScheduledTask scheduled) {
        OptionalLong seconds = field.asLong();
        if (seconds.isEmpty()) {
            return "";
        }
        long given = seconds.getAsLong();
        int age = (int) Math.max(ScheduledTask.MIN_EVENT_AGE_SECONDS, Math.min(ScheduledTask.MAX_EVENT_AGE_SECONDS, given));
        scheduled.maximumEventAgeSeconds(age);
        String text = "; a missed run still starts up to " + age + " seconds late (startingDeadlineSeconds";
        if (age > given) {
            return text + " " + given + ", raised to EventBridge Scheduler's least)";
        }
        return age < given ? text + " " + given + ", lowered to EventBridge Scheduler's most)" : text + ")";
    }

    /** One item of a day-of-week list: a day, a range of days, or names (which EventBridge reads as they are). */
    private static String weekday(String item) {
        Matcher range = Pattern.compile("(\\d)-(\\d)").matcher(item);
        if (range.matches()) {
            int from = Integer.parseInt(range.group(1)) % 7 + 1;
            int to = Integer.parseInt(range.group(2));
            if (to == 7) {
                // ends on Sunday, which EventBridge numbers 1: Friday to Sunday is 6-7,1
                return from == 1 ? "1-7" : from + "-7,1";
            }
            return to < from - 1 ? null : from + "-" + (to + 1);
        }
        if (NUMBER.matcher(item).matches()) {
            int day = Integer.parseInt(item);
            return day > 7 ? null : String.valueOf(day % 7 + 1);
        }
        return item.chars().anyMatch(Character::isDigit) ? null : item.toUpperCase(Locale.ROOT);
    }

    /** An EventBridge Scheduler expression, or why a schedule has none. */
    record Translation(String expression, String problem) {
        static Translation of(String expression) {
            return new Translation(expression, null);
        }

        static Translation none(String problem) {
            return new Translation(null, problem);
        }
    }

    /**
     * @param schedule a Kubernetes schedule: five fields or a macro
     * @return the EventBridge Scheduler expression ({@code cron(min hour dom month dow year)},
     *         days of the week 1-7 from Sunday, {@code ?} in one of the day fields), or null when
     *         there is none
     */
    static String eventBridge(String schedule) {
        return translate(schedule).expression();
    }

    /** The expression of {@link #eventBridge}, or the reason there is none, as robfig/cron's ParseStandard reads the schedule. */
    static Translation translate(String schedule) {
        if (schedule.toLowerCase(Locale.ROOT).startsWith("@every")) {
            return every(schedule.substring("@every".length()).trim());
        }
        String text = switch (schedule.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> schedule;
        };
        String[] f = text.isBlank() ? new String[0] : FIELDS.split(text.trim());
        if (f.length != 5) {
            return Translation.none("it has " + f.length + (f.length == 1 ? " field" : " fields") + ", not the five of a cron "
                    + "schedule, and is no macro (such as @daily or @every 5m)");
        }
        for (int i = 0; i < f.length; i++) {
            // robfig/cron reads '?' as '*' in every field
            f[i] = f[i].replace('?', '*');
        }
        String dayOfMonth = f[2];
        String dayOfWeek = f[4];
        boolean anyDay = dayOfMonth.equals("*");
        boolean anyWeekday = dayOfWeek.equals("*");
        if (!anyDay && !anyWeekday) {
            // Kubernetes runs on either; EventBridge needs one of them to be '?'
            return Translation.none("it names both a day of the month (" + dayOfMonth + ") and a day of the week (" + dayOfWeek
                    + "), and Kubernetes runs on either, where an EventBridge Scheduler expression takes only one of them");
        }
        String weekday;
        if (anyWeekday) {
            weekday = "?";
        } else if (dayOfWeek.contains("/")) {
            return Translation.none("it steps through the days of the week (" + dayOfWeek + "), which EventBridge Scheduler's "
                    + "cron expressions cannot");
        } else {
            // Kubernetes counts 0-7 from Sunday (0 and 7 both Sunday), EventBridge 1-7 from Sunday
            List<String> items = new ArrayList<>();
            for (String item : dayOfWeek.split(",")) {
                String translated = weekday(item);
                if (translated == null) {
                    return Translation.none("'" + item + "' is not a day of the week this tool translates (0-7 from Sunday, "
                            + "a range of them upwards, or names)");
                }
                items.add(translated);
            }
            weekday = String.join(",", items);
        }
        // EventBridge's examples step from a start value (0/15); Kubernetes' */15 starts at the field's first value
        return Translation.of("cron(" + step(f[0], "0") + " " + step(f[1], "0") + " " + (anyDay && !anyWeekday ? "?" : step(dayOfMonth, "1")) + " "
                + step(f[3], "1").toUpperCase(Locale.ROOT) + " " + weekday + " *)");
    }

    /**
     * {@code @every <duration>}: a run every so long, counted from when the CronJob's controller first reads it;
     * EventBridge Scheduler's {@code rate(…)}, counted from the schedule's creation, takes whole minutes, hours or days.
     */
    private static Translation every(String duration) {
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = DURATION.matcher(duration);
        int at = 0;
        while (at < duration.length() && part.find(at) && part.start() == at && !part.group(1).isEmpty() && !part.group(1).equals(".")) {
            BigDecimal unit = switch (part.group(2)) {
                case "ns" -> BigDecimal.ONE;
                case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
                case "ms" -> BigDecimal.valueOf(1_000_000L);
                case "s" -> BigDecimal.valueOf(1_000_000_000L);
                case "m" -> BigDecimal.valueOf(60_000_000_000L);
                default -> BigDecimal.valueOf(3_600_000_000_000L);
            };
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unit));
            at = part.end();
        }
        if (duration.isEmpty() || at != duration.length()) {
            return Translation.none("'" + duration + "' after @every is not a duration (such as 5m, 2h or 1h30m)");
        }
        BigDecimal minute = BigDecimal.valueOf(60_000_000_000L);
        BigDecimal[] minutes = nanos.divideAndRemainder(minute);
        if (minutes[0].signum() <= 0 || minutes[1].signum() != 0) {
            return Translation.none("@every " + duration + " is not a whole number of minutes, and EventBridge Scheduler's "
                    + "rate expressions count in whole minutes, hours or days");
        }
        long count = minutes[0].longValueExact();
        if (count % 1440 == 0) {
            return Translation.of(rate(count / 1440, "day"));
        }
        return Translation.of(count % 60 == 0 ? rate(count / 60, "hour") : rate(count, "minute"));
    }

    /** EventBridge Scheduler wants the singular for 1: rate(1 hour), rate(2 hours). */
    private static String rate(long value, String unit) {
        return "rate(" + value + " " + unit + (value == 1 ? "" : "s") + ")";
    }

    private static String step(String field, String first) {
        return field.startsWith("*/") ? first + field.substring(1) : field;
    }
}
