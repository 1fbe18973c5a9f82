package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.JooqIdempotencyStore;
import com.balancehistory.adapters.persistence.JooqPollRunLiveness;
import com.balancehistory.application.service.RunOnceService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jooq.DSLContext;

/** Idempotency keys of retried POSTs and the liveness of poll runs, both shared through the database. */
@Factory
class OperationsFactory {

    @Singleton
    RunOnceService runOnceService(DSLContext dsl, Clock clock) {
        return new RunOnceService(new JooqIdempotencyStore(dsl), clock, RunOnceService.DEFAULT_KEEP_FOR);
    }

    @Singleton
    JooqPollRunLiveness pollRunLiveness(DSLContext dsl) {
        return new JooqPollRunLiveness(dsl);
    }
}
