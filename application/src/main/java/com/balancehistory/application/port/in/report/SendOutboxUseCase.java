package com.balancehistory.application.port.in.report;

/** Sends what the delivery outbox holds for sending now; run by a background worker, never on a request thread. */
public interface SendOutboxUseCase {

    /** Claims due deliveries and sends them with the configured retries; returns how many reached their target. */
    int sendDue();
}
