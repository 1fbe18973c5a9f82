package com.balancehistory.adapters.persistence.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;

/**
 * One row of {@code report}: metadata columns, and the parameters and content as JSONB (written from their text, read
 * back as PostgreSQL renders it).
 */
@MappedEntity("report")
public record ReportRow(
        @Id @GeneratedValue @MappedProperty("id") @Nullable Long id,
        @MappedProperty("report_type") String reportType,
        @MappedProperty("as_of") Instant asOf,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("trigger") String trigger,
        @MappedProperty("schedule_name") @Nullable String scheduleName,
        @MappedProperty("scheduled_for") @Nullable Instant scheduledFor,

        @MappedProperty("parameters") @ColumnTransformer(write = "CAST(? AS JSONB)")
        String parameters,

        @MappedProperty("content") @ColumnTransformer(write = "CAST(? AS JSONB)")
        String content,

        @MappedProperty("content_sha256") String contentSha256) {}
