package com.balancehistory.adapters.http.in.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys. A presented key is hashed and compared with every stored hash in constant time
 * ({@link java.security.MessageDigest#isEqual}), without stopping at the first match, so timing tells nothing about
 * which key or how much of it matched.
 */
public final class ApiKeys {

    private final List<ApiKey> keys;

    public ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
        Set<String> names = new HashSet<>();
        for (ApiKey key : this.keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("two API keys are named '" + key.name() + "'");
            }
        }
    }

    /** The key a bearer token stands for, or empty. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        byte[] hash = ApiKey.sha256(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (key.matches(hash) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The names of configured keys equal to one of the given texts (published demo keys, for instance). */
    public List<String> namesOfKeysEqualTo(List<String> texts) {
        return texts.stream()
                .map(this::authenticate)
                .flatMap(Optional::stream)
                .map(ApiKey::name)
                .distinct()
                .toList();
    }

    public int size() {
        return keys.size();
    }

    public List<String> names() {
        return keys.stream().map(ApiKey::name).toList();
    }
}
