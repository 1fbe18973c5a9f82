package com.balancehistory.application.service.query;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.testing.BalanceReadModelContract;
import com.balancehistory.domain.account.BalanceObservation;
import java.time.Instant;

class FakeBalanceReadModelTest extends BalanceReadModelContract {

    private final FakeBalanceReadModel fake = new FakeBalanceReadModel();

    @Override
    protected BalanceReadModel readModel() {
        return fake;
    }

    @Override
    protected long recordPoll(Instant at, String source, BalanceObservation... balances) {
        long poll = fake.nextPoll();
        for (BalanceObservation balance : balances) {
            fake.add(balance.account(), at, balance.balances().available().toPlainString(), poll);
        }
        return poll;
    }

    @Override
    protected long recordFailure(Instant at, String source) {
        long poll = fake.nextPoll();
        fake.fail(source, new FailedPoll(poll, at, SourceOutcome.FAILED));
        return poll;
    }
}
