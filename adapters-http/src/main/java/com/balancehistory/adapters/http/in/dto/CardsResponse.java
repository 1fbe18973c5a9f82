package com.balancehistory.adapters.http.in.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every card with recorded limits, each as its limits route answers it. */
@Serdeable
@Schema(name = "Cards")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CardsResponse(List<CardLimitsResponse> cards, int count) {}
