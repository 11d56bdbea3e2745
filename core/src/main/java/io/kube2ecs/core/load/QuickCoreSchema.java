package io.kube2ecs.core.load;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * snakeyaml-engine's YAML 1.2 core schema with a resolver that settles most plain scalars by their
 * first character. The core resolver matches every scalar, keys included, against at least one
 * regular expression (an empty-string pattern applies to all), and its matchers were a fifth of what
 * parsing allocated. The resolver here gives the same tag for every string: it answers only where
 * the core resolver's patterns leave one possible outcome, and hands every other scalar to it.
 */
final class QuickCoreSchema implements Schema {

    private final CoreSchema core = new CoreSchema();

    @Override
    public ScalarResolver getScalarResolver() {
        return new QuickResolver(core.getScalarResolver());
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return core.getSchemaTagConstructors();
    }

    /** The core resolver's answers; see the class comment. */
    static final class QuickResolver implements ScalarResolver {
        private final ScalarResolver core;

        QuickResolver(ScalarResolver core) {
            this.core = core;
        }

        @Override
        public Tag resolve(String value, Boolean implicit) {
            if (!implicit) {
                return Tag.STR;
            }
            if (value.isEmpty()) {
                return core.resolve(value, implicit);
            }
            // The core resolver keys its patterns by first character: t f T F (booleans), n N ~ and
            // space (null), - + . and digits (numbers), $ (environment variables), < (merge key); a
            // non-empty string starting with anything else matches none of them and is a string.
            // The two common letters are settled here; the rest go to the core resolver.
            return switch (value.charAt(0)) {
                case 'n' -> value.equals("null") ? Tag.NULL : Tag.STR;
                case 't', 'T' -> value.equals("true") || value.equals("True") || value.equals("TRUE") ? Tag.BOOL : Tag.STR;
                case 'f', 'F' -> value.equals("false") || value.equals("False") || value.equals("FALSE") ? Tag.BOOL : Tag.STR;
                case 'N', '~', ' ', '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '$', '<' ->
                        core.resolve(value, implicit);
                default -> Tag.STR;
            };
        }
    }
}
