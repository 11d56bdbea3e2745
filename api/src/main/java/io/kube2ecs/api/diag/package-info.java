/**
 * Diagnostics: what went wrong or could not be carried over, where, and what to do about it.
 */
package io.kube2ecs.api.diag;
