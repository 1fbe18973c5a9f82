package com.balancehistory.adapters.persistence.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** One row of {@code delivery_attempt}: an attempt to deliver a report or alert event to one target. */
@MappedEntity("delivery_attempt")
public record DeliveryAttemptRow(
        @Id @GeneratedValue @MappedProperty("id") @Nullable Long id,
        @MappedProperty("subject") String subject,
        @MappedProperty("subject_id") long subjectId,
        @MappedProperty("channel") String channel,
        @MappedProperty("target") String target,
        @MappedProperty("attempt") int attempt,
        @MappedProperty("attempted_at") Instant attemptedAt,
        @MappedProperty("succeeded") boolean succeeded,
        @MappedProperty("http_status") @Nullable Integer httpStatus,
        @MappedProperty("error_text") @Nullable String errorText) {}
