package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.SourcesResponse;
import com.balancehistory.application.port.in.source.ListSourcesUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The configured sources and how each is doing, so an operator sees which one fails without reading SQL. */
@Controller("/api/v1/sources")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sources")
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class SourcesController {

    private final ListSourcesUseCase sources;

    public SourcesController(ListSourcesUseCase sources) {
        this.sources = sources;
    }

    @Get
    @Operation(
            operationId = "listSources",
            summary = "Every configured source: schedule, next due, last poll and success, failures in a row, "
                    + "circuit state, accounts, stale; and the misconfigured sources with their error")
    public SourcesResponse list() {
        return SourcesResponse.of(sources.sources(), sources.misconfigured());
    }
}
