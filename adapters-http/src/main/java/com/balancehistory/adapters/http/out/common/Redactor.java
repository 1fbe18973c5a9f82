package com.balancehistory.adapters.http.out.common;

import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out a source's credentials in everything that leaves a provider adapter: failure reasons, stored raw
 * bodies, exception messages (so logs too). Never applied to the bytes being parsed: a credential that happens to
 * occur in the data must not rewrite the data.
 *
 * <p>A provider may echo a credential encoded, and the text is decoded later (by Jackson, by PostgreSQL into JSONB,
 * by a browser), so each credential is matched in every form it can take once decoded: as is; JSON-escaped
 * character by character ({@code \/}, {@code \"}, <code>&#92;u0067</code>, also with doubled backslashes as in JSON inside a
 * JSON string); URL-encoded ({@code %2F}, {@code +} for a space); HTML character references ({@code &#103;},
 * {@code &#x67;}); and any mix of these. Each credential's Base64 forms (standard and URL-safe, padded or not) are
 * credentials of their own, which covers Basic auth when a provider uses it: pass {@code user:password} as a secret.
 */
public final class Redactor {

    public static final String MASK = "***";

    /**
     * How many characters of a credential, cut short in front of an excerpt's {@code ...}, are masked: an error text
     * keeps only the first characters of a provider's message, and is cut before it reaches the redactor.
     */
    static final int SHORTEST_CUT = 4;

    private final List<Pattern> patterns;

    public Redactor(List<Secret> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (Secret secret : secrets) {
            String value = secret.reveal();
            forms.add(value);
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            String standard = Base64.getEncoder().encodeToString(bytes);
            String urlSafe = Base64.getUrlEncoder().encodeToString(bytes);
            forms.add(standard);
            forms.add(urlSafe);
            forms.add(standard.replace("=", ""));
            forms.add(urlSafe.replace("=", ""));
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        List<Pattern> compiled = new ArrayList<>();
        for (String form : longestFirst) {
            compiled.add(Pattern.compile(anyEncoding(form)));
        }
        for (String form : longestFirst) {
            cutShort(form).ifPresent(regex -> compiled.add(Pattern.compile(regex)));
        }
        this.patterns = List.copyOf(compiled);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(out);
            if (matcher.find()) {
                out = matcher.replaceAll(MASK);
            }
        }
        return out;
    }

    /** The result with its failure reasons and raw bodies redacted; balances and limits stay exactly as read. */
    public FetchResult redact(FetchResult result) {
        if (patterns.isEmpty()) {
            return result;
        }
        if (result instanceof FetchResult.Failed failed) {
            return new FetchResult.Failed(failed.source(), redact(failed.failure()), redactRaws(failed.rawResponses()));
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        return new FetchResult.Fetched(
                fetched.source(),
                fetched.balances(),
                fetched.cardLimits(),
                fetched.accountFailures().stream().map(this::redact).toList(),
                fetched.fullyListedKinds(),
                redactRaws(fetched.rawResponses()));
    }

    /**
     * An exception to rethrow in place of one that escaped a provider: same type name and stack, message redacted,
     * no cause (a cause's message could carry provider text too).
     */
    public RuntimeException redact(RuntimeException escaped) {
        RedactedException redacted = new RedactedException(
                escaped.getClass().getName() + ": " + redact(String.valueOf(escaped.getMessage())));
        redacted.setStackTrace(escaped.getStackTrace());
        return redacted;
    }

    private FetchFailure redact(FetchFailure failure) {
        return new FetchFailure(
                failure.endpoint(), failure.kind(), redact(failure.reason()), failure.externalId(), failure.retryAt());
    }

    private List<RawResponse> redactRaws(List<RawResponse> raws) {
        return raws.stream()
                .map(raw -> new RawResponse(raw.endpoint(), raw.status(), redact(raw.body())))
                .toList();
    }

    /** A regular expression matching {@code secret} with each character in any of the encodings listed above. */
    static String anyEncoding(String secret) {
        StringBuilder regex = new StringBuilder();
        secret.codePoints().forEach(cp -> regex.append(anyEncoding(cp)));
        return regex.toString();
    }

    /**
     * A regular expression matching the first {@link #SHORTEST_CUT} or more characters of {@code secret} (in any
     * encoding) right before {@code ...}; empty for a secret no longer than that.
     */
    static Optional<String> cutShort(String secret) {
        int[] codePoints = secret.codePoints().toArray();
        if (codePoints.length <= SHORTEST_CUT) {
            return Optional.empty();
        }
        String rest = "";
        for (int i = codePoints.length - 2; i >= SHORTEST_CUT; i--) {
            rest = "(?:" + anyEncoding(codePoints[i]) + rest + ")?";
        }
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < SHORTEST_CUT; i++) {
            first.append(anyEncoding(codePoints[i]));
        }
        return Optional.of(first + rest + "(?=\\.\\.\\.)");
    }

    private static String anyEncoding(int codePoint) {
        List<String> forms = new ArrayList<>();
        forms.add(Pattern.quote(new String(Character.toChars(codePoint))));
        StringBuilder jsonUnicode = new StringBuilder();
        for (char unit : Character.toChars(codePoint)) {
            jsonUnicode.append("\\\\+u").append(hexIgnoringCase(String.format(Locale.ROOT, "%04x", (int) unit)));
        }
        forms.add(jsonUnicode.toString());
        if (codePoint == '/' || codePoint == '"' || codePoint == '\\') {
            forms.add("\\\\+" + Pattern.quote(String.valueOf((char) codePoint)));
        }
        StringBuilder percent = new StringBuilder();
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            percent.append('%').append(hexIgnoringCase(String.format(Locale.ROOT, "%02x", b & 0xff)));
        }
        forms.add(percent.toString());
        if (codePoint == ' ') {
            forms.add("\\+");
        }
        forms.add("&#0*" + codePoint + ";");
        forms.add("&#[xX]0*" + hexIgnoringCase(Integer.toHexString(codePoint)) + ";");
        return "(?:" + String.join("|", forms) + ")";
    }

    private static String hexIgnoringCase(String hex) {
        StringBuilder out = new StringBuilder();
        for (char c : hex.toCharArray()) {
            out.append(Character.isLetter(c) ? "[" + Character.toLowerCase(c) + Character.toUpperCase(c) + "]" : c);
        }
        return out.toString();
    }

    /** An exception whose message was redacted; its text starts with the original exception's class name. */
    public static final class RedactedException extends RuntimeException {
        RedactedException(String message) {
            super(message);
        }
    }
}
