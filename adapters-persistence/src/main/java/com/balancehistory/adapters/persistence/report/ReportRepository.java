package com.balancehistory.adapters.persistence.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored reports, each written once and read whole. Newest first means by as-of time, then by id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReportRepository extends GenericRepository<ReportRow, Long> {

    ReportRow save(ReportRow report);

    Optional<ReportRow> findById(long id);

    /** The newest report of the type with an as-of time before {@code asOf}. */
    @Query("SELECT * FROM report WHERE report_type = :type AND as_of < :asOf ORDER BY as_of DESC, id DESC LIMIT 1")
    Optional<ReportRow> findLatestBefore(String type, Instant asOf);

    /** Up to {@code limit} reports, newest first; each filter left null does not filter. */
    @Query("""
            SELECT * FROM report
            WHERE (CAST(:type AS VARCHAR) IS NULL OR report_type = :type)
              AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR as_of >= :from)
              AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR as_of < :to)
            ORDER BY as_of DESC, id DESC
            LIMIT :limit""")
    List<ReportRow> findNewest(@Nullable String type, @Nullable Instant from, @Nullable Instant to, int limit);
}
