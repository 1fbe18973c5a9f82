package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.auth.AdminOnly;
import com.balancehistory.adapters.http.in.dto.PollRunResponse;
import com.balancehistory.adapters.http.in.dto.PollRunsResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.PollTrigger;
import com.balancehistory.application.port.in.UnknownSourceException;
import com.balancehistory.application.port.in.query.ListPollRunsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/** Poll now (admin), and the recorded poll runs. */
@Controller("/api/v1/polls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "polls")
public class PollsController {

    private final PollSourcesUseCase polls;
    private final ListPollRunsUseCase runs;

    public PollsController(PollSourcesUseCase polls, ListPollRunsUseCase runs) {
        this.polls = polls;
        this.runs = runs;
    }

    @Post
    @AdminOnly
    @Operation(summary = "Poll every source, or ?source=, now; returns the poll run (admin key)")
    @ApiResponse(responseCode = "403", description = "a reader key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "unknown source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PollRunResponse pollNow(@QueryValue @Nullable String source) {
        Optional<String> requested = Params.text("source", source);
        try {
            return PollRunResponse.of(polls.pollNow(requested, PollTrigger.ON_DEMAND));
        } catch (UnknownSourceException e) {
            throw ApiProblem.unknownParameterValue("source", "source " + Params.shorten(requested.orElse("")),
                    "no configured source '" + Params.shorten(requested.orElse("")) + "'");
        }
    }

    @Get
    @Operation(summary = "Recent poll runs with per-source outcomes, newest first (limit 1..500, default 20)")
    public PollRunsResponse recent(@QueryValue @Nullable String limit) {
        int count = Params.integer("limit", limit, 20, 1, ListPollRunsUseCase.MAX_LIMIT);
        return new PollRunsResponse(runs.recentRuns(count).stream().map(PollRunResponse::of).toList());
    }

    @Get("/{id}")
    @Operation(summary = "One poll run")
    @ApiResponse(responseCode = "404", description = "unknown poll run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PollRunResponse one(@PathVariable String id) {
        long pollId;
        try {
            pollId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("poll run " + Params.shorten(id), "no poll run '" + Params.shorten(id) + "'");
        }
        return runs.findRun(pollId).map(PollRunResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("poll run " + pollId, "no poll run " + pollId));
    }
}
