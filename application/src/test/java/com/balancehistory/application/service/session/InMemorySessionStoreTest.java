package com.balancehistory.application.service.session;

import com.balancehistory.application.port.out.session.SessionStore;
import com.balancehistory.application.testing.InMemorySessionStore;
import com.balancehistory.application.testing.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {

    private final InMemorySessionStore store = new InMemorySessionStore();

    @Override
    protected SessionStore store() {
        return store;
    }
}
