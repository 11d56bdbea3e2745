package io.kube2ecs.ecsshapes;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the three emitters write the same way for a {@link ScheduledTask}: an EventBridge Scheduler
 * schedule with an ECS target, and the role the scheduler assumes to start the task. Stateless and
 * thread-safe.
 */
public final class ScheduleShapes {

    /** The service principal that assumes the role. */
    public static final String PRINCIPAL = "scheduler.amazonaws.com";
    /** Tasks run on Fargate, as every task of the model. */
    public static final String LAUNCH_TYPE = "FARGATE";
    /** The tasks get the task definition's tags, as {@code run-task.json} gives them. */
    public static final String PROPAGATE_TAGS = "TASK_DEFINITION";
    /**
     * The tasks' ARNs, after {@code arn:<partition>:ecs:<region>:<account>:}, that the role may tag while it starts
     * them. ECS authorizes the tags a RunTask puts on its task (managed and propagated ones too) as
     * {@code ecs:TagResource}; the condition {@code ecs:CreateAction = RunTask} keeps the role from tagging anything else.
     */
    public static final String TAGGED_TASKS = "task/*";
    /** The name of the role's inline policy. */
    public static final String POLICY_NAME = "run-task";
    /** IAM's limit on a role's name. */
    private static final int ROLE_NAME_LENGTH = 64;
    private static final String ROLE_SUFFIX = "-scheduler";

    private ScheduleShapes() {
    }

    /**
     * @param schedule a schedule
     * @param model    the model
     * @return the run it starts
     * @throws IllegalStateException when the model lacks the run or its task definition: a mapper's bug
     */
    public static RunTask run(ScheduledTask schedule, DeploymentModel model) {
        return model.find(schedule.run(), RunTask.class).orElseThrow(
                () -> new IllegalStateException(schedule.id() + " starts " + schedule.run() + ", which is not in the model"));
    }

    /**
     * @param run   a run
     * @param model the model
     * @return its task definition
     */
    public static TaskDefinition task(RunTask run, DeploymentModel model) {
        return model.find(run.taskDefinition(), TaskDefinition.class).orElseThrow(
                () -> new IllegalStateException(run.id() + " runs " + run.taskDefinition() + ", which is not in the model"));
    }

    /**
     * @param model the model
     * @return the runs a schedule starts: the targets need not tell the user to start them by hand
     */
    public static Set<ResourceId> scheduledRuns(DeploymentModel model) {
        Set<ResourceId> out = new HashSet<>();
        model.all(ScheduledTask.class).forEach(s -> out.add(s.run()));
        return out;
    }

    /**
     * @param scheduleName the schedule's name (at most 64 characters)
     * @return the name of its role, {@code <schedule>-scheduler}; a name too long for IAM is cut and
     *         given a hash of the whole, so two schedules never share a role
     */
    public static String roleName(String scheduleName) {
        String name = scheduleName + ROLE_SUFFIX;
        if (name.length() <= ROLE_NAME_LENGTH) {
            return name;
        }
        String hash = Digests.sha256Hex(scheduleName).substring(0, 8);
        return scheduleName.substring(0, ROLE_NAME_LENGTH - ROLE_SUFFIX.length() - hash.length() - 1) + "-" + hash + ROLE_SUFFIX;
    }

    /**
     * @param task a task definition
     * @return the roles starting its task passes to ECS: the execution role and the task role, those it has
     */
    public static List<Value> passedRoles(TaskDefinition task) {
        List<Value> out = new ArrayList<>();
        if (task.executionRole() != null) {
            out.add(task.executionRole());
        }
        if (task.taskRole() != null) {
            out.add(task.taskRole());
        }
        return out;
    }

    /**
     * @param schedule a schedule
     * @return {@code ENABLED} or {@code DISABLED}
     */
    public static String state(ScheduledTask schedule) {
        return schedule.enabled() ? "ENABLED" : "DISABLED";
    }
}
