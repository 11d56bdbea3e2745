package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * An EventBridge Scheduler schedule that starts a task on Fargate at set times, as made for a
 * CronJob: the input of {@code aws scheduler create-schedule} with an ECS target.
 *
 * <p>What it starts, and where, is the {@link RunTask} it names: that run's task definition,
 * cluster, subnets, security groups, public IP and platform version, so the schedule and the
 * one-off run of the same workload cannot disagree. Emitters also create (or, when they create
 * no resources, describe) the role EventBridge Scheduler assumes to start the task: allowed
 * {@code ecs:RunTask} on the task definition's family, {@code ecs:TagResource} on the tasks it
 * starts (while starting them) and {@code iam:PassRole} on its execution and task roles. A
 * {@link #maximumEventAgeSeconds()} is the schedule's retry policy: how late a run may still start. EventBridge Scheduler takes no tags on a schedule; emitters put {@link #tags()}
 * on that role, and the tasks get their task definition's tags.
 */
@Stable
public final class ScheduledTask extends AwsResource {

    /** The {@link ResourceId#type()} of schedules. */
    public static final String TYPE = "scheduler-schedule";
    /** The least {@link #maximumEventAgeSeconds()} EventBridge Scheduler takes: one minute. */
    public static final int MIN_EVENT_AGE_SECONDS = 60;
    /** The most {@link #maximumEventAgeSeconds()} EventBridge Scheduler takes, and its default: one day. */
    public static final int MAX_EVENT_AGE_SECONDS = 86_400;

    private final String scheduleName;
    private final ResourceId run;
    private final String expression;
    private String timeZone;
    private boolean enabled = true;
    private Integer maximumEventAgeSeconds;

    /**
     * @param id           identity; type {@link #TYPE}
     * @param scheduleName the schedule's name: at most 64 letters, digits, {@code -}, {@code _} or {@code .}
     * @param run          the {@link RunTask} the schedule starts
     * @param expression   an EventBridge Scheduler expression: {@code cron(min hour dom month dow year)},
     *                     {@code rate(…)} or {@code at(…)}
     */
    public ScheduledTask(ResourceId id, String scheduleName, ResourceId run, String expression) {
        super(id);
        this.scheduleName = Objects.requireNonNull(scheduleName, "scheduleName");
        this.run = Objects.requireNonNull(run, "run");
        this.expression = Objects.requireNonNull(expression, "expression");
    }

    /** @return the schedule's name */
    public String scheduleName() { return scheduleName; }
    /** @return the run the schedule starts, a {@link RunTask} */
    public ResourceId run() { return run; }
    /** @return the schedule expression */
    public String expression() { return expression; }
    /** @return the IANA time zone the expression is read in (e.g. {@code Europe/Berlin}), or null for UTC */
    public String timeZone() { return timeZone; }
    /** @param value the IANA time zone, or null for UTC */
    public void timeZone(String value) { this.timeZone = value; }
    /** @return whether the schedule starts tasks (true, the default) or is created disabled */
    public boolean enabled() { return enabled; }
    /** @param value whether the schedule starts tasks */
    public void enabled(boolean value) { this.enabled = value; }

    /**
     * @return how long after its time EventBridge Scheduler keeps trying to start a run (its retry policy's
     *         {@code MaximumEventAgeInSeconds}), or null for EventBridge Scheduler's default (a day)
     */
    public Integer maximumEventAgeSeconds() { return maximumEventAgeSeconds; }

    /**
     * @param value seconds, {@value #MIN_EVENT_AGE_SECONDS} to {@value #MAX_EVENT_AGE_SECONDS}, or null for
     *              EventBridge Scheduler's default
     * @throws IllegalArgumentException outside that range, which EventBridge Scheduler refuses
     */
    public void maximumEventAgeSeconds(Integer value) {
        if (value != null && (value < MIN_EVENT_AGE_SECONDS || value > MAX_EVENT_AGE_SECONDS)) {
            throw new IllegalArgumentException("maximumEventAgeSeconds " + value + " is not within " + MIN_EVENT_AGE_SECONDS
                    + " to " + MAX_EVENT_AGE_SECONDS);
        }
        this.maximumEventAgeSeconds = value;
    }
}
