package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.CardLimitsReading;
import java.util.List;

/** Read side of card spending limits: the latest remaining amount per period and the configured totals. */
public interface CardLimitReadModel {

    /**
     * The cards with recorded limits whose account id, or provider card id, is {@code cardId}; more than one when
     * the same provider card id appears in several sources.
     */
    List<CardLimitsReading> findCards(String cardId);

    /** The latest limits of every card. */
    List<CardLimitsReading> allCards();
}
