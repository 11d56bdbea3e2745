package io.kube2ecs.ecsshapes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash the emitters put into names and tokens that must be short and stable (a role name cut to
 * IAM's length, an EFS client token): the same text always gives the same hex, across runs and machines.
 */
public final class Digests {

    private Digests() {
    }

    /**
     * @param text any text, read as UTF-8
     * @return the lower-case hex of its SHA-256 (64 characters)
     */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
