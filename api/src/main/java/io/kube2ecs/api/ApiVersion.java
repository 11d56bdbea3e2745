package io.kube2ecs.api;

/**
 * Version of this API, so a plugin can refuse to run on a contract it does not know.
 *
 * <p>The major number changes only on incompatible changes; the minor number when types or
 * default methods are added. Immutable and thread-safe.
 *
 * @param major incompatible revisions
 * @param minor compatible additions
 */
@Stable
public record ApiVersion(int major, int minor) {
    /**
     * The version of the API this jar implements. 1.1 added {@code InputRequest.kinds()} and
     * {@code InputSink}'s {@code progress}, {@code notice} and {@code choose}; 1.2 added
     * {@code EcsService.deploymentController}; 1.3 {@code ObjectIndex.shared}; 1.4
     * {@code InputRequest.reportedKinds}; 1.5 {@code EfsAccessPoint}, {@code StandardInputs.EFS_FILE_SYSTEM_ID} and
     * {@code ModelIds.efsAccessPoint}; 1.6 {@code model.ScheduledTask}; 1.7 {@code EmitContext.placeholder}.
     * {@code api/CHANGELOG.md} lists every change.
     */
    public static final ApiVersion CURRENT = new ApiVersion(1, 7);

    /**
     * Whether a plugin written against {@code required} can run on this version.
     *
     * @param required the version the plugin was written against, not null
     * @return true when the major numbers match and this minor is at least the required one
     */
    public boolean satisfies(ApiVersion required) {
        return major == required.major && minor >= required.minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
