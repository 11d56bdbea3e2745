/**
 * The target-neutral ECS deployment model: what kind mappers write and emitters read.
 *
 * <p>It speaks ECS and AWS, not Kubernetes and not any output format: task definitions, services and
 * the supporting resources they need (Cloud Map, SSM parameters, Secrets Manager secrets, load
 * balancers, security groups, IAM roles, log groups, autoscaling), and runs of a task definition without a
 * service, once ({@link io.kube2ecs.api.model.RunTask}) or on a schedule
 * ({@link io.kube2ecs.api.model.ScheduledTask}). Resources refer to each other
 * and to the environment through {@link io.kube2ecs.api.model.Value}s, which each emitter renders in
 * its own way ({@code aws_iam_role.x.arn}, {@code !GetAtt X.Arn}, a literal ARN or a placeholder).
 *
 * <p>Model objects are mutable while mappers build them and are read-only by contract afterwards.
 * They are not thread-safe.
 */
package io.kube2ecs.api.model;
