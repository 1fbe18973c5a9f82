package com.balancehistory.adapters.http.in.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}: what went wrong ({@code type}, {@code title},
 * {@code status}), the specifics ({@code detail}), and the request parameter or resource at fault.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(example = "/problems/invalid-parameter") String type,
        @Schema(example = "Invalid parameter") String title,
        @Schema(example = "400") int status,

        @Schema(example = "zone 'Mars/Olympus' is not a time zone")
        String detail,

        @Schema(description = "the request parameter at fault", example = "zone") @Nullable
        String parameter,

        @Schema(description = "the resource at fault", example = "account ahrvo-main.budget.b1") @Nullable
        String resource,

        @Schema(description = "the request path") @Nullable String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
