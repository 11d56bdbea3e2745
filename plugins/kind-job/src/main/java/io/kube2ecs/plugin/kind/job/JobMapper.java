package io.kube2ecs.plugin.kind.job;

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
import io.kube2ecs.podtemplate.ServiceRouting;
import io.kube2ecs.podtemplate.WorkloadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converts a Job into a task definition and a one-off run of it, the ECS counterpart of "run
 * these pods to completion". What a Job controller adds on top is reported: ECS starts the task
 * once and neither retries a failed one ({@code backoffLimit}) nor counts completions, runs
 * several in parallel from one request, or stops one at a deadline ({@code JOB001}). A Job owned
 * by a CronJob is the CronJob's and is skipped.
 */
public final class JobMapper implements KindMapper {

    static final String CODE_CONTROLLER = "JOB001";

    private static final ResourceKind KIND = new ResourceKind("batch", "Job");
    private static final UnaryOperator<SourceNode> TEMPLATE = root -> root.get("spec").get("template");

    private final PodTemplateMapper pods = new PodTemplateMapper(TEMPLATE);

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", "spec.template."));
        out.add(FieldSupport.ignored("metadata.ownerReferences", "a Job owned by a CronJob is converted through the CronJob"));
        out.add(FieldSupport.partial("spec.template.spec.restartPolicy", "Never: a one-off task; OnFailure JOB001 (ECS does not "
                + "restart a failed task)"));
        out.add(FieldSupport.partial("spec.parallelism", "one task per run-task; more JOB001"));
        out.add(FieldSupport.partial("spec.completions", "one completion; more JOB001"));
        out.add(FieldSupport.partial("spec.backoffLimit", "no retries on ECS (JOB001 when above 0)"));
        out.add(FieldSupport.partial("spec.activeDeadlineSeconds", "no deadline on ECS (JOB001)"));
        out.add(FieldSupport.partial("spec.completionMode", "NonIndexed; Indexed JOB001"));
        out.add(FieldSupport.partial("spec.suspend", "false; true JOB001"));
        out.add(FieldSupport.ignored("spec.ttlSecondsAfterFinished", "ECS keeps a stopped task visible for about an hour"));
        out.add(FieldSupport.ignored("spec.selector", "ECS tasks need no label selector"));
        out.add(FieldSupport.ignored("spec.manualSelector", "ECS tasks need no label selector"));
        out.add(FieldSupport.ignored("spec.podFailurePolicy", "ECS does not retry a failed task, so there is nothing to decide (JOB001 for backoffLimit)"));
        return out;
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject job) {
        if (!ServiceRouting.standalone(job)) {
            return List.of(); // the CronJob's references are checked on the CronJob
        }
        return pods.references(job);
    }

    @Override
    public void map(SourceObject job, MappingContext context) {
        SourceNode owners = job.root().get("metadata").get("ownerReferences");
        for (SourceNode owner : owners.items()) {
            if (owner.get("kind").asText().map("CronJob"::equals).orElse(false)) {
                job.root().ignore("started by CronJob '" + owner.get("name").asText().orElse("?") + "'; convert that instead");
                return;
            }
        }
        Optional<TaskDefinition> task = pods.map(job, context);
        if (task.isEmpty()) {
            return;
        }
        WorkloadService.runTask(job, task.get(), TEMPLATE, context);
        jobSpec(job.root().get("spec"), context);
        job.root().get("status").ignore("set by the cluster");
    }

    /**
     * Reports what a Job controller does beyond starting the pods, for a Job's spec or a CronJob's
     * {@code jobTemplate.spec}.
     */
    static void jobSpec(SourceNode spec, MappingContext context) {
        SourceNode restart = spec.get("template").get("spec").get("restartPolicy");
        if (restart.asText().map("OnFailure"::equals).orElse(false)) {
            context.diagnostics().warning(restart, CODE_CONTROLLER, "restartPolicy OnFailure is not converted: ECS does not restart "
                    + "the containers of a failed task", "run the task again when it fails (check its exit code with aws ecs describe-tasks)");
        } else {
            restart.markConverted();
        }
        int parallelism = spec.get("parallelism").asInt().orElse(1);
        int completions = spec.get("completions").asInt().orElse(parallelism < 1 ? 1 : parallelism);
        if (parallelism > 1 || completions > 1) {
            context.diagnostics().warning(spec.get("parallelism").exists() ? spec.get("parallelism") : spec.get("completions"),
                    CODE_CONTROLLER, "the run starts one task; the Job runs " + completions + " completions, " + parallelism
                            + " at a time, which ECS does not count", "start more with aws ecs run-task --count (up to 10 a call), "
                            + "or split the work with AWS Batch, which runs array jobs on Fargate");
            spec.get("completions").markConverted();
        } else {
            spec.get("parallelism").markConverted();
            spec.get("completions").markConverted();
        }
        SourceNode backoff = spec.get("backoffLimit");
        if (backoff.asInt().orElse(6) > 0) {
            context.diagnostics().warning(backoff.exists() ? backoff : spec, CODE_CONTROLLER, "a failed task is not retried: the "
                    + "Job's backoffLimit (" + backoff.asInt().orElse(6) + (backoff.exists() ? "" : ", the default") + ") has no ECS "
                    + "counterpart", "retry from whatever starts the task (a Step Functions state machine can run an ECS task with retries)");
        } else {
            backoff.markConverted();
        }
        SourceNode deadline = spec.get("activeDeadlineSeconds");
        if (deadline.exists()) {
            context.diagnostics().warning(deadline, CODE_CONTROLLER, "activeDeadlineSeconds has no ECS counterpart: the task runs until "
                    + "it exits", "stop it from outside (aws ecs stop-task), or give the process its own timeout");
        }
        SourceNode mode = spec.get("completionMode");
        if (mode.asText().map("Indexed"::equals).orElse(false)) {
            context.diagnostics().warning(mode, CODE_CONTROLLER, "Indexed completion is not converted: the task gets no "
                    + "JOB_COMPLETION_INDEX", "pass each task its index with a container override of aws ecs run-task");
        } else {
            mode.markConverted();
        }
        SourceNode suspend = spec.get("suspend");
        if (suspend.asBoolean().orElse(false)) {
            context.diagnostics().warning(suspend, CODE_CONTROLLER, "the Job is suspended; the run-task input starts it anyway when used",
                    "run it when you would have resumed the Job");
        } else {
            suspend.markConverted();
        }
        spec.get("ttlSecondsAfterFinished").ignore("ECS keeps a stopped task visible for about an hour");
        spec.get("selector").ignore("ECS tasks need no label selector");
        spec.get("manualSelector").ignore("ECS tasks need no label selector");
        spec.get("podFailurePolicy").ignore("ECS does not retry a failed task, so there is nothing to decide");
    }
}
