package com.balancehistory.adapters.http.in.auth;

import java.util.Locale;

/**
 * What an API key may do: readers read the API and the metrics, admins also trigger polls and see health details,
 * metrics keys read {@code /prometheus} and nothing else.
 */
public enum ApiRole {
    METRICS,
    READER,
    ADMIN;

    public static ApiRole fromConfig(String name) {
        for (ApiRole role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role '" + name + "' is not reader, admin or metrics");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Each role may do what the roles declared before it may: metrics, then reading, then administration. */
    public boolean mayDo(ApiRole required) {
        return compareTo(required) >= 0;
    }
}
