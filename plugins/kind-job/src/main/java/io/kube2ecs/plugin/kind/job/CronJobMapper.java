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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    private final PodTemplateMapper pods = new PodTemplateMapper(TEMPLATE);

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", "spec.jobTemplate.spec.template."));
        out.add(FieldSupport.partial("spec.schedule", "an EventBridge Scheduler schedule with the cron expression of the same times "
                + "(JOB003); none when no single expression has them (JOB002)"));
        out.add(FieldSupport.mapped("spec.timeZone", "the schedule's time zone (a CRON_TZ= prefix too)"));
        out.add(FieldSupport.mapped("spec.suspend", "true: the schedule is created disabled"));
        out.add(FieldSupport.partial("spec.concurrencyPolicy", "Allow: EventBridge Scheduler also starts overlapping runs; Forbid and Replace JOB001"));
        out.add(FieldSupport.ignored("spec.startingDeadlineSeconds", "EventBridge Scheduler's retry policy (MaximumEventAgeInSeconds) "
                + "bounds how late a run may start"));
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
        spec.get("startingDeadlineSeconds").ignore("EventBridge Scheduler's retry policy (MaximumEventAgeInSeconds) bounds how late a "
                + "run may start");
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
        String expression = eventBridge(text);
        if (expression == null) {
            context.diagnostics().warning(schedule.exists() ? schedule : spec, CODE_SCHEDULE, "the schedule '" + text + "' is not "
                    + "created, and has no single EventBridge Scheduler expression (it names both a day of the month and a day of "
                    + "the week, or steps through weekdays)", "create EventBridge Scheduler schedules by hand that run task "
                    + "definition " + task.family() + " on Fargate, with the network configuration of its run-task.json");
            return;
        }
        ScheduledTask scheduled = new ScheduledTask(new ResourceId(ScheduledTask.TYPE, cronJob.namespace(), cronJob.name()),
                context.settings().awsName(cronJob.namespace(), cronJob.name(), NAME_LENGTH), run.id(), expression);
        scheduled.addOrigin(cronJob.ref());
        scheduled.timeZone(zone);
        scheduled.enabled(!suspended);
        scheduled.tags().putAll(run.tags());
        context.model().add(scheduled);
        // a note, not silence: the expression is a translation, and differs from the CronJob's text
        context.diagnostics().info(schedule, CODE_SCHEDULED, "EventBridge Scheduler schedule " + scheduled.scheduleName()
                + " starts the task at the same times with " + expression + (zone == null ? " (UTC, as Kubernetes without timeZone)"
                : " in " + zone) + (suspended ? "; created disabled, as the CronJob is suspended" : ""),
                suspended ? "set its state to ENABLED when you would have resumed the CronJob" : null);
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

    /**
     * @param schedule a Kubernetes schedule: five fields or a macro
     * @return the EventBridge Scheduler expression ({@code cron(min hour dom month dow year)},
     *         days of the week 1-7 from Sunday, {@code ?} in one of the day fields), or null when
     *         there is none
     */
    static String eventBridge(String schedule) {
        String text = switch (schedule.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> schedule;
        };
        String[] f = FIELDS.split(text.trim());
        if (f.length != 5 || text.contains("?")) {
            return null;
        }
        String dayOfMonth = f[2];
        String dayOfWeek = f[4];
        boolean anyDay = dayOfMonth.equals("*");
        boolean anyWeekday = dayOfWeek.equals("*");
        if (!anyDay && !anyWeekday) {
            return null; // Kubernetes runs on either; EventBridge needs one of them to be '?'
        }
        String weekday;
        if (anyWeekday) {
            weekday = "?";
        } else if (dayOfWeek.contains("/")) {
            return null;
        } else {
            // Kubernetes counts 0-7 from Sunday (0 and 7 both Sunday), EventBridge 1-7 from Sunday
            List<String> items = new ArrayList<>();
            for (String item : dayOfWeek.split(",")) {
                String translated = weekday(item);
                if (translated == null) {
                    return null;
                }
                items.add(translated);
            }
            weekday = String.join(",", items);
        }
        // EventBridge's examples step from a start value (0/15); Kubernetes' */15 starts at the field's first value
        return "cron(" + step(f[0], "0") + " " + step(f[1], "0") + " " + (anyDay && !anyWeekday ? "?" : step(dayOfMonth, "1")) + " "
                + step(f[3], "1").toUpperCase(Locale.ROOT) + " " + weekday + " *)";
    }

    private static String step(String field, String first) {
        return field.startsWith("*/") ? first + field.substring(1) : field;
    }
}
