package io.kube2ecs.core.diag;

/**
 * The core's diagnostic codes. Stable: documented in {@code docs/diagnostics.md} and used by CI
 * gates, so a code is never reused for another meaning.
 */
public final class Codes {

    /** An input could not be read (missing file, not UTF-8, binary). */
    public static final String INPUT_UNREADABLE = "K2E001";
    /** YAML syntax error. */
    public static final String YAML_SYNTAX = "K2E002";
    /** JSON syntax error. */
    public static final String JSON_SYNTAX = "K2E003";
    /** A safety limit was exceeded (size, nesting, aliases). */
    public static final String YAML_LIMIT = "K2E004";
    /** A key appears twice in one map. */
    public static final String DUPLICATE_KEY = "K2E005";
    /** A document is not a Kubernetes object (no kind, apiVersion or name). */
    public static final String NOT_AN_OBJECT = "K2E006";
    /** Two documents define the same object. */
    public static final String DUPLICATE_OBJECT = "K2E007";
    /** The object's namespace contradicts {@code -n}. */
    public static final String NAMESPACE_MISMATCH = "K2E008";
    /** A path named on the command line matched no input files. */
    public static final String NO_INPUT = "K2E009";

    /** No installed plugin maps this kind. */
    public static final String KIND_UNSUPPORTED = "K2E101";
    /** A part of a kustomization file that is not applied (patches, generators, remote resources …). */
    public static final String BUILD_FILE = "K2E102";
    /** A kustomization's namespace was set on the objects of its resources. */
    public static final String KUSTOMIZATION_APPLIED = "K2E103";

    /** A field that no plugin converted. */
    public static final String FIELD_NOT_CONVERTED = "K2E201";
    /** A field a plugin deliberately left out, with its reason. */
    public static final String FIELD_IGNORED = "K2E202";

    /** A reference to an object that is not in the input. */
    public static final String DANGLING_REFERENCE = "K2E301";
    /** A reference, without which Kubernetes would not start the workload, to an object not in the input. */
    public static final String MISSING_REQUIRED_OBJECT = "K2E303";

    /** Two resources would get the same AWS name. */
    public static final String NAME_COLLISION = "K2E302";

    /** A plugin threw an exception. */
    public static final String PLUGIN_FAILURE = "K2E401";
    /** A jar in a plugin folder cannot be loaded (not a jar, no plugin in it, a plugin class that cannot be created). */
    public static final String PLUGIN_JAR = "K2E402";

    /** A value of the environment is a placeholder the user must fill in. */
    public static final String PLACEHOLDER = "K2E501";

    /** Nothing to write: the output folder is left untouched. */
    public static final String NOTHING_TO_WRITE = "K2E011";

    /** The output could not be written. */
    public static final String OUTPUT_FAILED = "K2E010";

    /** The conversion profile is invalid. */
    public static final String PROFILE_INVALID = "K2E601";

    private Codes() {
    }
}
