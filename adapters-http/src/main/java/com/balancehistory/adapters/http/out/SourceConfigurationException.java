package com.balancehistory.adapters.http.out;

/**
 * A source that cannot run as configured: unknown provider, missing credential, malformed URL or parameter. The
 * message names the source and the setting at fault ({@code source 'ahrvo-main': missing access-token}) and never
 * contains a credential value.
 */
public class SourceConfigurationException extends RuntimeException {

    private final String source;

    public SourceConfigurationException(String source, String problem) {
        super("source '" + source + "': " + problem);
        this.source = source;
    }

    /** The configured source name. */
    public String source() {
        return source;
    }
}
