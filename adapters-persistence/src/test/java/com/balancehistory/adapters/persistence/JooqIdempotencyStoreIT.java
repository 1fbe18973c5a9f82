package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.IdempotencyStore;
import com.balancehistory.application.testing.IdempotencyStoreContract;

class JooqIdempotencyStoreIT extends IdempotencyStoreContract {

    private static final IdempotencyStore STORE = new JooqIdempotencyStore(PersistenceTestSupport.dsl());

    @Override
    protected IdempotencyStore store() {
        return STORE;
    }
}
