package io.kube2ecs.core.profile;

import io.kube2ecs.api.spi.ConversionSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@link ConversionSettings} backed by the profile.
 */
public final class Settings implements ConversionSettings {

    private final Profile profile;

    /** @param profile the profile */
    public Settings(Profile profile) {
        this.profile = profile;
    }

    @Override
    public String namePrefix() {
        return profile.namePrefix();
    }

    @Override
    public boolean awsLogs() {
        return "awslogs".equals(profile.logging().driver());
    }

    @Override
    public String logGroupPrefix() {
        return profile.logging().groupPrefix();
    }

    @Override
    public int logRetentionDays() {
        return profile.logging().retentionDays();
    }

    @Override
    public boolean assignPublicIp() {
        return Boolean.TRUE.equals(profile.assignPublicIp());
    }

    @Override
    public String platformVersion() {
        return profile.platformVersion();
    }

    @Override
    public String sizingPolicy() {
        return profile.sizing();
    }

    @Override
    public String serviceDiscovery() {
        return profile.serviceDiscovery();
    }

    @Override
    public boolean internetFacingByDefault() {
        return "internet-facing".equals(profile.loadBalancerScheme());
    }

    @Override
    public String secretStore() {
        return profile.secrets();
    }

    @Override
    public String parameterPrefix() {
        return profile.parameterPrefix();
    }

    @Override
    public String kmsKeyArn() {
        return profile.kmsKeyArn();
    }

    @Override
    public boolean createCluster() {
        return Boolean.TRUE.equals(profile.createCluster());
    }

    @Override
    public Map<String, String> tags() {
        return profile.tags();
    }

    @Override
    public String awsName(String namespace, String name, int maxLength) {
        StringJoiner joined = new StringJoiner("-");
        for (String part : new String[] {profile.namePrefix(), namespace, name}) {
            if (!part.isEmpty()) {
                joined.add(part);
            }
        }
        String raw = joined.toString();
        String clean = raw.replaceAll("[^A-Za-z0-9_-]", "-");
        // a replaced character could make two names equal (web.v2, web-v2): a hash of the original keeps them apart
        if (clean.length() <= maxLength && clean.equals(raw)) {
            return clean;
        }
        String hash = sha256(raw).substring(0, 8);
        if (clean.length() + hash.length() + 1 <= maxLength) {
            return clean + "-" + hash;
        }
        return clean.substring(0, maxLength - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
