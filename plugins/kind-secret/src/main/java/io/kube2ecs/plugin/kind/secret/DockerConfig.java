package io.kube2ecs.plugin.kind.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the user name and password of the first registry in a {@code .dockerconfigjson} (or
 * {@code .dockercfg}), for {@code --include-secret-values} only; the values never reach the model.
 */
final class DockerConfig {

    private static final Pattern AUTH = Pattern.compile("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
    private static final Pattern USER = Pattern.compile("\"username\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DockerConfig() {
    }

    static Map<String, String> credentials(Map<String, String> values) {
        Map<String, String> out = new TreeMap<>();
        String config = values.getOrDefault(".dockerconfigjson", values.getOrDefault(".dockercfg", ""));
        Matcher user = USER.matcher(config);
        Matcher password = PASSWORD.matcher(config);
        if (user.find() && password.find()) {
            out.put("username", user.group(1));
            out.put("password", password.group(1));
            return out;
        }
        Matcher auth = AUTH.matcher(config);
        if (auth.find()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.group(1)), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    out.put("username", decoded.substring(0, colon));
                    out.put("password", decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                // not base64: leave the credentials to the user
            }
        }
        return out;
    }
}
