package com.balancehistory.adapters.persistence.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Delivery attempts, written one at a time and read back per subject in the order they were made. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeliveryAttemptRepository extends GenericRepository<DeliveryAttemptRow, Long> {

    DeliveryAttemptRow save(DeliveryAttemptRow attempt);

    List<DeliveryAttemptRow> findBySubjectAndSubjectIdOrderById(String subject, long subjectId);
}
