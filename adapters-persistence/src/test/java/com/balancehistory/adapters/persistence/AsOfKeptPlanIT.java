package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.query.JooqAsOfBalanceReadModel;
import com.balancehistory.adapters.persistence.query.KeptPlan;
import com.balancehistory.db.testing.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The as-of query is planned once per connection: the server keeps it prepared with a generic plan, which prunes the
 * history tables' monthly partitions when it runs rather than when it is planned.
 */
class AsOfKeptPlanIT {

    @Test
    void the_as_of_statement_is_prepared_once_with_a_generic_plan_that_prunes_partitions_when_it_runs()
            throws Exception {
        try (Connection connection = TestDatabase.get().connect()) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            // a month before the partitions of this month and later, which the plan cannot have left out
            Instant lastMonth = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(31, ChronoUnit.DAYS);
            JooqAsOfBalanceReadModel readModel = new JooqAsOfBalanceReadModel(dsl);
            readModel.allBalancesAsOf(lastMonth);
            readModel.allBalancesAsOf(lastMonth.plusSeconds(1));

            Record prepared = dsl.fetchOne("""
                    SELECT name, generic_plans, custom_plans, cardinality(parameter_types) AS parameters
                    FROM pg_prepared_statements WHERE statement LIKE '%sighting AS MATERIALIZED%'""");
            assertThat(prepared)
                    .as("the as-of statement, prepared on the server")
                    .isNotNull();
            assertThat(prepared.get("generic_plans", Long.class)).isEqualTo(2);
            assertThat(prepared.get("custom_plans", Long.class)).isZero();

            // the same kept statement, run once more as the read model runs it, its plan shown
            String plan = dsl.transactionResult(tx -> {
                tx.dsl().execute(KeptPlan.PLAN_KEPT);
                String times = String.join(
                        ", ", Collections.nCopies(prepared.get("parameters", Integer.class), "'" + lastMonth + "'"));
                return String.join(
                        "\n",
                        tx.dsl()
                                .fetch("EXPLAIN (ANALYZE) EXECUTE \"" + prepared.get("name", String.class) + "\"("
                                        + times + ")")
                                .getValues(0, String.class));
            });
            // the newer months' partitions left out at the start of the run (the plan itself holds them all)
            assertThat(plan).containsPattern("Subplans Removed: [1-9]");
        }
    }
}
