package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.persistence.fx.JooqFxRateStore;
import com.balancehistory.application.port.out.fx.FxRateStore;
import com.balancehistory.application.testing.FxRateStoreContract;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class JooqFxRateStoreIT extends FxRateStoreContract {

    private static final DSLContext DSL = PersistenceTestSupport.dsl();
    private static final FxRateStore STORE = new JooqFxRateStore(DSL);

    @Override
    protected FxRateStore store() {
        return STORE;
    }

    @Test
    void the_table_refuses_to_change_or_remove_a_stored_rate() {
        assertThatThrownBy(() -> DSL.execute("UPDATE fx_rate SET rate = 2 WHERE version = -1"))
                .hasMessageContaining("fx_rate is append-only: UPDATE refused");
        assertThatThrownBy(() -> DSL.execute("DELETE FROM fx_rate WHERE version = -1"))
                .hasMessageContaining("fx_rate is append-only: DELETE refused");
    }
}
