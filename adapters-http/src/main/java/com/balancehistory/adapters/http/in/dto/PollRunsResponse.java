package com.balancehistory.adapters.http.in.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Recent poll runs, newest first. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PollRunsResponse(List<PollRunResponse> runs) {}
