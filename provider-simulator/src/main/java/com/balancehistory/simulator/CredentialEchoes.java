package com.balancehistory.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The forms a careless provider may echo a credential in, each of which decodes back to the credential: as is,
 * JSON-escaped ({@code \/}, {@code \"}, every character or every other one as <code>&#92;uXXXX</code>, in lower or upper
 * case, escaped twice as JSON inside a JSON string), URL-encoded (upper and lower case hex), as HTML character
 * references, and Base64 (standard padded, URL-safe unpadded). For fault bodies in tests, and for checking outputs.
 */
public final class CredentialEchoes {

    private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");

    private CredentialEchoes() {}

    /** Each form, ready to put inside a JSON string literal. */
    public static List<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return List.of(
                jsonEscaped(secret),
                jsonEscaped(secret).replace("/", "\\/"),
                secret.chars()
                        .mapToObj(c -> String.format(Locale.ROOT, "\\u%04x", c))
                        .collect(Collectors.joining()),
                secret.chars()
                        .mapToObj(c -> String.format(Locale.ROOT, "\\u%04X", c))
                        .collect(Collectors.joining()),
                everyOtherEscaped(secret),
                jsonEscaped(jsonEscaped(secret).replace("/", "\\/")),
                urlEncoded,
                PERCENT.matcher(urlEncoded).replaceAll(match -> match.group().toLowerCase(Locale.ROOT)),
                secret.chars().mapToObj(c -> "&#" + c + ";").collect(Collectors.joining()),
                secret.chars()
                        .mapToObj(c -> "&#x" + Integer.toHexString(c) + ";")
                        .collect(Collectors.joining()),
                Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String everyOtherEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(i % 2 == 0 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : jsonEscaped(String.valueOf(c)));
        }
        return out.toString();
    }
}
