/**
 * Read-only, position-aware views of the Kubernetes objects being converted.
 *
 * <p>Every read a mapper makes through a {@link io.kube2ecs.api.source.SourceNode} is recorded, so
 * the core can report each input field that no plugin used, without mapper authors keeping lists.
 */
package io.kube2ecs.api.source;
