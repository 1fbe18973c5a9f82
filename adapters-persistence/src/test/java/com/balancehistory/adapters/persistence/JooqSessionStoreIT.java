package com.balancehistory.adapters.persistence;

import com.balancehistory.adapters.persistence.session.JooqSessionStore;
import com.balancehistory.application.port.out.session.SessionStore;
import com.balancehistory.application.testing.SessionStoreContract;

class JooqSessionStoreIT extends SessionStoreContract {

    private static final SessionStore STORE = new JooqSessionStore(PersistenceTestSupport.dsl());

    @Override
    protected SessionStore store() {
        return STORE;
    }
}
