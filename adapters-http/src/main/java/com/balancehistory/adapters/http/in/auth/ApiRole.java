package com.balancehistory.adapters.http.in.auth;

import java.util.Locale;

/** What an API key may do: readers read, admins also trigger polls. */
public enum ApiRole {
    READER, ADMIN;

    public static ApiRole fromConfig(String name) {
        for (ApiRole role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role '" + name + "' is not reader or admin");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayDo(ApiRole required) {
        return this == ADMIN || required == READER;
    }
}
