package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.auth.AdminOnly;
import com.balancehistory.adapters.http.in.dto.PollRunResponse;
import com.balancehistory.adapters.http.in.dto.PollRunsResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.RunOnceUseCase;
import com.balancehistory.application.port.in.StartedPoll;
import com.balancehistory.application.port.in.UnknownSourceException;
import com.balancehistory.application.port.in.query.ListPollRunsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Poll now in the background (admin), and the recorded poll runs. */
@Controller("/api/v1/polls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "polls")
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class PollsController {

    private final PollSourcesUseCase polls;
    private final ListPollRunsUseCase runs;
    private final RunOnceUseCase once;

    public PollsController(PollSourcesUseCase polls, ListPollRunsUseCase runs, RunOnceUseCase once) {
        this.polls = polls;
        this.runs = runs;
        this.once = once;
    }

    @Post
    @AdminOnly
    @Operation(
            operationId = "startPoll",
            summary = "Poll every source, or ?source=, in the background (admin key): 202 at once with the run and "
                    + "Location: /api/v1/polls/{id}. ?wait=PT30S or Prefer: wait=30 waits up to that long (at most "
                    + "PT60S) and answers 200 with the finished run, or 202 if it is still running. A retry with the same "
                    + "Idempotency-Key (24 h) answers with the first request's run instead of polling again")
    @ApiResponse(
            responseCode = "202",
            description = "the run, with its sources running",
            content = @Content(schema = @Schema(implementation = PollRunResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "the finished run, when asked to wait",
            content = @Content(schema = @Schema(implementation = PollRunResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "a malformed wait",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "403",
            description = "a reader key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "404",
            description = "unknown source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "409",
            description = "the first request with this Idempotency-Key is still starting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PollRunResponse> pollNow(
            @QueryValue @Nullable String source,
            @Schema(type = "string", format = "duration") @QueryValue @Nullable String wait,
            @Header("Prefer") @Nullable String prefer,
            @Header(Idempotency.HEADER) @Nullable String idempotencyKey) {
        Optional<String> requested = Params.text("source", source);
        Optional<Duration> waitFor = PollWait.parse(wait, prefer);
        AtomicReference<StartedPoll> startedHere = new AtomicReference<>();
        RunOnceUseCase.Once run;
        try {
            run = Idempotency.run(once, "polls", idempotencyKey, () -> {
                startedHere.set(polls.start(requested, PollTrigger.ON_DEMAND));
                return startedHere.get().id();
            });
        } catch (UnknownSourceException e) {
            throw ApiProblem.unknownParameterValue(
                    "source",
                    "source " + Params.shorten(requested.orElse("")),
                    "no configured source '" + Params.shorten(requested.orElse("")) + "'");
        }
        if (run.repeated()) {
            PollRunResponse first = current(run.resourceId());
            return (first.finishedAt() == null
                            ? HttpResponse.accepted(URI.create("/api/v1/polls/" + first.id()))
                            : HttpResponse.ok())
                    .header(Idempotency.REPLAYED_HEADER, "true")
                    .body(first);
        }
        StartedPoll started = startedHere.get();
        if (waitFor.isPresent()) {
            try {
                return HttpResponse.ok(
                        PollRunResponse.of(started.finished().get(waitFor.get().toMillis(), TimeUnit.MILLISECONDS)));
            } catch (TimeoutException e) {
                // still running: answer as without a wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("poll run " + started.id() + " failed", e.getCause());
            }
        }
        return HttpResponse.accepted(URI.create("/api/v1/polls/" + started.id()))
                .body(PollRunResponse.of(started.opened(), polls.sourceNames()));
    }

    private PollRunResponse current(long pollId) {
        return runs.findRun(pollId)
                .map(run -> PollRunResponse.of(run, polls.sourceNames()))
                .orElseThrow(() -> new IllegalStateException("poll run " + pollId + " is not recorded"));
    }

    @Get
    @Operation(
            operationId = "listPollRuns",
            summary = "Recent poll runs with per-source outcomes, newest first (limit 1..500, default 20)")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    public PollRunsResponse recent(
            @Schema(type = "integer", format = "int32", minimum = "1") @QueryValue @Nullable String limit) {
        int count = Params.integer("limit", limit, 20, 1, ListPollRunsUseCase.MAX_LIMIT);
        return new PollRunsResponse(runs.recentRuns(count).stream()
                .map(run -> PollRunResponse.of(run, polls.sourceNames()))
                .toList());
    }

    @Get("/{id}")
    @Operation(
            operationId = "getPollRun",
            summary = "One poll run; while it runs, sources not yet recorded show as running")
    @ApiResponse(
            responseCode = "404",
            description = "unknown poll run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PollRunResponse one(@Schema(type = "integer", format = "int64") @PathVariable String id) {
        long pollId;
        try {
            pollId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("poll run " + Params.shorten(id), "no poll run '" + Params.shorten(id) + "'");
        }
        return runs.findRun(pollId)
                .map(run -> PollRunResponse.of(run, polls.sourceNames()))
                .orElseThrow(() -> ApiProblem.notFound("poll run " + pollId, "no poll run " + pollId));
    }
}
