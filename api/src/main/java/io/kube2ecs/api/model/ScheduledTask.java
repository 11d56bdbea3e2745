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
 * starts (while starting them) and {@code iam:PassRole} on its execution and task roles. EventBridge Scheduler takes no tags on a schedule; emitters put {@link #tags()}
 * on that role, and the tasks get their task definition's tags.
 */
@Stable
public final class ScheduledTask extends AwsResource {

    /** The {@link ResourceId#type()} of schedules. */
    public static final String TYPE = "scheduler-schedule";

    private final String scheduleName;
    private final ResourceId run;
    private final String expression;
    private String timeZone;
    private boolean enabled = true;

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
}
