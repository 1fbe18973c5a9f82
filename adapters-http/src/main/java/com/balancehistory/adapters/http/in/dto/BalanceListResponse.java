package com.balancehistory.adapters.http.in.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of latest balances; {@code total} counts every match. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BalanceListResponse(List<BalanceItem> items, long total, int limit, long offset) {}
