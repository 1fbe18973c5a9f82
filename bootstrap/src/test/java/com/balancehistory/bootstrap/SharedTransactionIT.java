package com.balancehistory.bootstrap;

import static com.balancehistory.db.jooq.Tables.JOB_SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.persistence.report.DeliveryAttemptRepository;
import com.balancehistory.adapters.persistence.report.DeliveryAttemptRow;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * jOOQ runs on Micronaut's transaction manager, the one Micronaut Data's repositories use: inside a Micronaut
 * transaction its statements and its own transactions join it, and roll back with it; a jOOQ statement and a
 * repository call in one {@code @Transactional} method commit together or not at all; outside a transaction each jOOQ
 * statement commits on its own, as over a plain DataSource.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedTransactionIT extends ServiceTestSupport {

    private static final OffsetDateTime DUE = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    DSLContext dsl;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DeliveryAttemptRepository attempts;

    @Inject
    JobAndAttempt jobAndAttempt;

    /** Writes a job_schedule row with jOOQ and a delivery_attempt row with a repository, in one transaction. */
    @Singleton
    static class JobAndAttempt {

        private final DSLContext dsl;
        private final DeliveryAttemptRepository attempts;

        JobAndAttempt(DSLContext dsl, DeliveryAttemptRepository attempts) {
            this.dsl = dsl;
            this.attempts = attempts;
        }

        @Transactional
        void write(String job, long subject, boolean failAfterwards) {
            dsl.insertInto(JOB_SCHEDULE)
                    .set(JOB_SCHEDULE.JOB, job)
                    .set(JOB_SCHEDULE.NEXT_DUE_AT, DUE)
                    .execute();
            attempts.save(
                    new DeliveryAttemptRow(null, "alert", subject, "log", "log", 1, Instant.now(), true, null, null));
            if (failAfterwards) {
                throw new IllegalStateException("the rest of the work failed");
            }
        }
    }

    @Test
    void a_jooq_statement_and_a_repository_call_in_one_transactional_method_commit_together() {
        String job = "shared-tx-" + UUID.randomUUID();
        long subject = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);

        jobAndAttempt.write(job, subject, false);

        assertThat(dsl.fetchExists(JOB_SCHEDULE, JOB_SCHEDULE.JOB.eq(job))).isTrue();
        assertThat(attempts.findBySubjectAndSubjectIdOrderById("alert", subject))
                .singleElement()
                .satisfies(row -> assertThat(row.channel()).isEqualTo("log"));
    }

    @Test
    void on_an_exception_the_jooq_statement_and_the_repository_call_are_both_rolled_back() {
        String job = "shared-tx-" + UUID.randomUUID();
        long subject = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);

        assertThatThrownBy(() -> jobAndAttempt.write(job, subject, true)).hasMessage("the rest of the work failed");

        assertThat(dsl.fetchExists(JOB_SCHEDULE, JOB_SCHEDULE.JOB.eq(job))).isFalse();
        assertThat(attempts.findBySubjectAndSubjectIdOrderById("alert", subject))
                .isEmpty();
    }

    @Test
    void jooq_statements_and_jooq_transactions_inside_a_micronaut_transaction_run_in_it() {
        List<Long> ids = transactions.executeWrite(status -> {
            Long ofJooqsTransaction = dsl.transactionResult(
                    tx -> DSL.using(tx).fetchOne("SELECT txid_current()").get(0, Long.class));
            return List.of(
                    transactionId(status.getConnection()),
                    dsl.fetchOne("SELECT txid_current()").get(0, Long.class),
                    ofJooqsTransaction);
        });

        assertThat(ids).hasSize(3).containsOnly(ids.get(0));
    }

    @Test
    void a_repository_call_inside_a_jooq_transaction_runs_in_it() {
        long subject = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);

        assertThatThrownBy(() -> dsl.transaction(tx -> {
                    attempts.save(new DeliveryAttemptRow(
                            null, "report", subject, "log", "log", 1, Instant.now(), false, null, "failed"));
                    throw new IllegalStateException("what it records failed");
                }))
                .hasMessage("what it records failed");

        assertThat(attempts.findBySubjectAndSubjectIdOrderById("report", subject))
                .isEmpty();
    }

    @Test
    void a_jooq_write_is_rolled_back_with_the_micronaut_transaction_it_ran_in() {
        String job = "shared-tx-" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
                    dsl.transaction(tx -> DSL.using(tx)
                            .insertInto(JOB_SCHEDULE)
                            .set(JOB_SCHEDULE.JOB, job)
                            .set(JOB_SCHEDULE.NEXT_DUE_AT, DUE)
                            .execute());
                    throw new IllegalStateException("the rest of the work failed");
                }))
                .hasMessage("the rest of the work failed");

        assertThat(dsl.fetchExists(JOB_SCHEDULE, JOB_SCHEDULE.JOB.eq(job))).isFalse();
    }

    @Test
    void outside_a_transaction_each_jooq_statement_commits_on_its_own() {
        String job = "shared-tx-" + UUID.randomUUID();
        dsl.insertInto(JOB_SCHEDULE)
                .set(JOB_SCHEDULE.JOB, job)
                .set(JOB_SCHEDULE.NEXT_DUE_AT, DUE)
                .execute();

        boolean seen = transactions.executeRead(status -> dsl.fetchExists(JOB_SCHEDULE, JOB_SCHEDULE.JOB.eq(job)));
        assertThat(seen).isTrue();
    }

    private static long transactionId(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT txid_current()")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
