package com.balancehistory.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, URL-safe account id derived from source, kind and the provider's own id, so that an account keeps its
 * history when the provider renames it. Example: {@code ahrvo-main.budget.ci202507232016182661}.
 */
public record AccountId(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_LENGTH = 200;

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!isUrlSafe(value)) {
            throw new IllegalArgumentException("account id '" + value + "' is not URL-safe");
        }
    }

    /** Letters, digits, '_', '.', '-' only, 1 to 200 of them (checked by hand: ids are read by the thousand). */
    private static boolean isUrlSafe(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /**
     * Derives the id. A provider id that is already URL-safe is kept readable; any other (spaces, slashes, very
     * long) is replaced by a SHA-256 prefix, which is just as stable.
     */
    public static AccountId derive(String source, AccountKind kind, String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (!SAFE.matcher(source).matches()) {
            throw new IllegalArgumentException("source name '" + source + "' must be letters, digits, '-' or '_'");
        }
        String external = SAFE.matcher(externalId).matches() ? externalId : "h" + sha256Prefix(externalId);
        return new AccountId(source + "." + kind.slug() + "." + external);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
