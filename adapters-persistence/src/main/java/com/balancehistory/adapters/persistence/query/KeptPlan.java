package com.balancehistory.adapters.persistence.query;

import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGStatement;

/** How the as-of statement of {@link AsOfBalances} is run: planned once per connection, never JIT-compiled. */
public final class KeptPlan {

    private KeptPlan() {}

    /**
     * Runs {@code work} in a transaction with PostgreSQL's JIT compilation off, its statements prepared by the server
     * and run with a generic plan that the connection keeps. The planner's estimate of the per-account lookups (few in
     * practice) puts this query over {@code jit_above_cost}, and compiling its hundreds of expressions takes longer
     * than the query then runs. Planning it is costly too, since it reads the history tables' monthly partitions in
     * several places: a statement sent unnamed is planned again at every call.
     * Prepared, it is planned once per connection and SQL text; the generic plan leaves the time a parameter and
     * prunes the partitions when it runs ({@link #PLAN_KEPT}).
     */
    public static <T> T run(DSLContext dsl, Function<DSLContext, T> work) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute(NO_JIT);
            tx.execute(PLAN_KEPT);
            return work.apply(configuration.deriveAppending(SERVER_PREPARED).dsl());
        });
    }

    /** The statement {@link #run} runs first, for callers that open their own transaction. */
    public static final String NO_JIT = "SET LOCAL jit = off";

    /**
     * A generic plan from the first call of a prepared statement on, instead of five custom plans and a comparison:
     * the choice is made at each execution, so this applies to the statements of the transaction that sets it.
     */
    public static final String PLAN_KEPT = "SET LOCAL plan_cache_mode = force_generic_plan";

    /**
     * Makes the driver prepare each statement on the server from its first execution (PgJDBC's default is the fifth
     * on one connection, which a pool of connections seldom reaches); the driver keeps it prepared per connection and
     * SQL text after the statement is closed.
     */
    private static final ExecuteListener SERVER_PREPARED = new ExecuteListener() {
        @Override
        public void prepareEnd(ExecuteContext ctx) {
            if (ctx.statement() == null) {
                return;
            }
            try {
                ctx.statement().unwrap(PGStatement.class).setPrepareThreshold(1);
            } catch (SQLException e) {
                throw new DataAccessException("the as-of statement is not a PostgreSQL statement", e);
            }
        }
    };
}
