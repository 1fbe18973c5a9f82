package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.report.AccountRange;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** An {@link AccountRange} as SQL, compared in the database's order of account ids. */
public final class AccountRanges {

    private AccountRanges() {}

    /** {@code accountId} is in {@code range}. */
    public static Condition within(Field<String> accountId, AccountRange range) {
        return range.after()
                .map(accountId::gt)
                .orElse(DSL.noCondition())
                .and(range.through().map(accountId::le).orElse(DSL.noCondition()));
    }
}
