package com.balancehistory.adapters.http.in.dto;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A purchase to check: a decimal amount (string, or a JSON number read exactly) in the card's currency. */
@Serdeable
@Schema(name = "PurchaseCheckRequest")
public record PurchaseCheckRequest(
        @Schema(example = "84.50") @Nullable @Serdeable.Deserializable(using = StrictText.class)
        String amount,

        @Schema(example = "USD") @Nullable @Serdeable.Deserializable(using = StrictText.class)
        String currency) {}
