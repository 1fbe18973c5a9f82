package com.balancehistory.application.service;

import com.balancehistory.application.port.out.IdempotencyStore;
import com.balancehistory.application.testing.IdempotencyStoreContract;
import com.balancehistory.application.testing.InMemoryIdempotencyStore;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
