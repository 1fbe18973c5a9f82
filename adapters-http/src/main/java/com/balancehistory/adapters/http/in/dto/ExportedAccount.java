package com.balancehistory.adapters.http.in.dto;

/** The account and amount fields a balance and a snapshot share, in the order the CSV exports write them. */
public interface ExportedAccount {

    String accountId();

    String source();

    String provider();

    String kind();

    String externalId();

    String name();

    String currency();

    String available();

    String ledger();

    String pending();

    String allocated();

    String initial();
}
