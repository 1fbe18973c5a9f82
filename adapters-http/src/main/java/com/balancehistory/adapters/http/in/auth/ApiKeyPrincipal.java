package com.balancehistory.adapters.http.in.auth;

import java.security.Principal;

/** The caller of a management route, by its API key's name and role (never the key). */
public record ApiKeyPrincipal(String name, ApiRole role) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
