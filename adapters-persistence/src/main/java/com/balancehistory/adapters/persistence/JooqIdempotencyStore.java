package com.balancehistory.adapters.persistence;

import static com.balancehistory.db.jooq.Tables.IDEMPOTENCY_KEY;

import com.balancehistory.application.port.out.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Idempotency keys in PostgreSQL, as their SHA-256: the primary key makes one instance's INSERT win a race, the
 * others read the winner's row.
 */
public final class JooqIdempotencyStore implements IdempotencyStore {

    private final DSLContext dsl;

    public JooqIdempotencyStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Claim claim(String scope, String key, Instant now, Instant expiredBefore) {
        Condition ofKey = ofKey(scope, key);
        dsl.deleteFrom(IDEMPOTENCY_KEY)
                .where(ofKey)
                .and(IDEMPOTENCY_KEY.CREATED_AT.lt(expiredBefore.atOffset(ZoneOffset.UTC)))
                .execute();
        int inserted = dsl.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.SCOPE, scope)
                .set(IDEMPOTENCY_KEY.KEY_SHA256, sha256(key))
                .set(IDEMPOTENCY_KEY.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return new Claim.Claimed();
        }
        Long resource = dsl.select(IDEMPOTENCY_KEY.RESOURCE_ID)
                .from(IDEMPOTENCY_KEY)
                .where(ofKey)
                .fetchOne(IDEMPOTENCY_KEY.RESOURCE_ID);
        return new Claim.Taken(resource == null ? OptionalLong.empty() : OptionalLong.of(resource));
    }

    @Override
    public void complete(String scope, String key, long resourceId) {
        dsl.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.RESOURCE_ID, resourceId)
                .where(ofKey(scope, key))
                .execute();
    }

    @Override
    public void release(String scope, String key) {
        dsl.deleteFrom(IDEMPOTENCY_KEY).where(ofKey(scope, key)).execute();
    }

    private static Condition ofKey(String scope, String key) {
        return IDEMPOTENCY_KEY.SCOPE.eq(scope).and(IDEMPOTENCY_KEY.KEY_SHA256.eq(sha256(key)));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
