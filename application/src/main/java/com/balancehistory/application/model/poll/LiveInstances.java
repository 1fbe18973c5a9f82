package com.balancehistory.application.model.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instances scheduling polls that were seen recently, each with the sources it is configured with. Each source
 * belongs to one of the instances that have it, chosen by rendezvous (highest random weight) hashing: every instance
 * computes the same owner from the same set without talking to the others, the sources spread evenly, and when an
 * instance joins or leaves only the sources it wins or held change hands.
 */
public record LiveInstances(Map<String, Set<String>> sourcesByInstance) {

    public LiveInstances {
        sourcesByInstance = Map.copyOf(sourcesByInstance);
    }

    /** No instance known to be alive (the heartbeat could not be written): no source has an owner. */
    public static LiveInstances none() {
        return new LiveInstances(Map.of());
    }

    /** The live instance that should poll the source: the highest weight among those configured with it. */
    public Optional<String> ownerOf(String source) {
        String owner = null;
        long best = 0;
        for (Map.Entry<String, Set<String>> instance : sourcesByInstance.entrySet()) {
            if (!instance.getValue().contains(source)) {
                continue;
            }
            long weight = weight(source, instance.getKey());
            int order = owner == null ? 1 : Long.compareUnsigned(weight, best);
            if (order > 0 || (order == 0 && instance.getKey().compareTo(owner) < 0)) {
                owner = instance.getKey();
                best = weight;
            }
        }
        return Optional.ofNullable(owner);
    }

    public boolean owns(String instance, String source) {
        return ownerOf(source).filter(instance::equals).isPresent();
    }

    /**
     * A weight that is the same in every JVM and spread evenly whatever the names look like: the first 8 bytes of
     * SHA-256 over source and instance (String.hashCode would cluster similar names such as host-1, host-2).
     */
    static long weight(String source, String instance) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
        sha256.update(source.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0); // no name pair may run into another: ("ab", "c") vs ("a", "bc")
        byte[] digest = sha256.digest(instance.getBytes(StandardCharsets.UTF_8));
        long weight = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            weight = (weight << 8) | (digest[i] & 0xff);
        }
        return weight;
    }
}
