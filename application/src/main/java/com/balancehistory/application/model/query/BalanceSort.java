package com.balancehistory.application.model.query;

/** How a list of latest balances is ordered; ties are broken by account id so pages never overlap. */
public enum BalanceSort {
    NAME("name"),
    /** By available amount, across currencies by number only (a list is not a total). */
    AVAILABLE("available"),
    OBSERVED_AT("observedAt");

    private final String apiName;

    BalanceSort(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
