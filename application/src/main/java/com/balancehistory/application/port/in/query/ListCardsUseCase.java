package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.limit.LimitStatus;
import java.util.List;

/** Every card with recorded limits, each with its latest remaining limit per period (ordered by account id). */
public interface ListCardsUseCase {

    List<CardAnswer<List<LimitStatus>>> cards();
}
