package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.SourceSettings;

/**
 * The most one poll of a source may read, whatever the provider sends: pages of a paged listing
 * ({@code max-pages}) and accounts ({@code max-accounts}). A listing beyond either fails that poll with the reason and
 * records none of it, so a provider paging forever costs a known number of requests and a known amount of memory.
 *
 * @param maxPages    requests one listing may make (Equals Money pages)
 * @param maxAccounts accounts one listing may hold
 */
public record ListingLimits(int maxPages, int maxAccounts) {

    /** 200 pages; 20,000 accounts, which a poll holds within the heap the README's command gives. */
    public static final ListingLimits DEFAULTS = new ListingLimits(200, 20_000);

    public ListingLimits {
        if (maxPages < 1 || maxAccounts < 1) {
            throw new IllegalArgumentException(
                    "max-pages and max-accounts must be at least 1, got " + maxPages + " and " + maxAccounts);
        }
    }

    /** {@code max-pages} and {@code max-accounts} of a source, each defaulting to {@link #DEFAULTS}. */
    public static ListingLimits from(SourceSettings settings) {
        return new ListingLimits(
                positive(settings, "max-pages", DEFAULTS.maxPages),
                positive(settings, "max-accounts", DEFAULTS.maxAccounts));
    }

    private static int positive(SourceSettings settings, String key, int fallback) {
        String text = settings.parameter(key).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SourceConfigurationException(
                settings.name(), key + " must be a whole number of at least 1, got '" + text + "'");
    }

    /** The reason a listing that holds more than {@link #maxAccounts} fails with. */
    public String tooManyAccounts(String what) {
        return what + " has more than " + maxAccounts + " accounts (max-accounts): nothing of it recorded";
    }

    /** The reason a listing that needs more than {@link #maxPages} fails with. */
    public String tooManyPages(String what) {
        return what + " needs more than " + maxPages + " pages (max-pages): nothing of it recorded";
    }
}
