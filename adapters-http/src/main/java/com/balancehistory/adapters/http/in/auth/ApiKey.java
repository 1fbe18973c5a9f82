package com.balancehistory.adapters.http.in.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One configured API key: a name for logs, a role, and the SHA-256 of the key. The key itself is never kept; a plain
 * key from configuration is hashed when the key is built.
 */
public final class ApiKey {

    private static final int SHA256_BYTES = 32;

    private final String name;
    private final ApiRole role;
    private final byte[] sha256;
    private final boolean givenInPlain;

    private ApiKey(String name, ApiRole role, byte[] sha256, boolean givenInPlain) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name");
        }
        this.name = name;
        this.role = Objects.requireNonNull(role, "role");
        if (sha256.length != SHA256_BYTES) {
            throw new IllegalArgumentException("API key " + name + ": sha256 must be 64 hex digits");
        }
        this.sha256 = sha256.clone();
        this.givenInPlain = givenInPlain;
    }

    /** A key given as the hex SHA-256 of its text. */
    public static ApiKey ofSha256Hex(String name, ApiRole role, String hex) {
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(hex == null ? "" : hex.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("API key " + name + ": sha256 must be 64 hex digits");
        }
        return new ApiKey(name, role, digest, false);
    }

    /** A key given in plain text: hashed here, and the text is not kept. */
    public static ApiKey ofPlain(String name, ApiRole role, String key) {
        if (key == null || key.strip().length() < 16) {
            throw new IllegalArgumentException("API key " + name + ": a plain key needs at least 16 characters");
        }
        return new ApiKey(name, role, sha256(key.strip()), true);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    /** The hex SHA-256 of a key, for {@code balance-history.api.keys[].sha256}. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    public String name() {
        return name;
    }

    public ApiRole role() {
        return role;
    }

    /** Whether configuration held the key itself rather than its SHA-256 (the key then sat in a file in plain text). */
    public boolean givenInPlain() {
        return givenInPlain;
    }

    boolean matches(byte[] presentedHash) {
        return MessageDigest.isEqual(sha256, presentedHash);
    }

    @Override
    public String toString() {
        return "ApiKey[" + name + ", " + role.configName() + "]";
    }
}
