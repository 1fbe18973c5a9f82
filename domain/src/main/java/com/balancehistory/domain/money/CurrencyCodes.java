package com.balancehistory.domain.money;

import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Looks up ISO 4217 currencies by their three-letter code, with a clear error for anything else. */
public final class CurrencyCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    /** Codes already validated: reading thousands of stored rows should not re-validate "USD" each time. */
    private static final Map<String, Currency> KNOWN = new ConcurrentHashMap<>();

    private CurrencyCodes() {}

    /** The currency for an upper-case ISO 4217 code such as {@code "USD"}; rejects unknown or malformed codes. */
    public static Currency require(String code) {
        Currency known = code == null ? null : KNOWN.get(code);
        if (known != null) {
            return known;
        }
        Currency currency = lookUp(code);
        KNOWN.put(code, currency);
        return currency;
    }

    private static Currency lookUp(String code) {
        if (code == null || code.isBlank()) {
            throw new UnknownCurrencyException("currency code is missing");
        }
        if (!CODE.matcher(code).matches()) {
            throw new UnknownCurrencyException("currency code '" + shorten(code) + "' is not three upper-case letters");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new UnknownCurrencyException("currency code '" + code + "' is not an ISO 4217 currency");
        }
    }

    private static String shorten(String code) {
        return code.length() <= 12 ? code : code.substring(0, 12) + "...";
    }
}
