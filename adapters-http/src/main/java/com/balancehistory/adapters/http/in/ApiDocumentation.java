package com.balancehistory.adapters.http.in;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; micronaut-openapi generates the paths from the controllers at compile time. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "balance-history",
                        version = "v1",
                        description = "Internal API of balance-history: latest balances, history, trends, card limits, "
                                + "alerts, exports and polls. Amounts are decimal strings in the currency's scale next to "
                                + "their currency; times are ISO-8601 UTC; errors are application/problem+json."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(
        name = "apiKey",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key from balance-history.api.keys, sent as 'Authorization: Bearer <key>'")
public interface ApiDocumentation {

    /** A 400 problem: a parameter or body field is invalid, or the body is not JSON. */
    String INVALID_PARAMETER = "#/components/responses/InvalidParameter";

    /** A 401 problem: no valid API key. */
    String UNAUTHORIZED = "#/components/responses/Unauthorized";

    /** A 403 problem: a reader key on an admin route. */
    String FORBIDDEN = "#/components/responses/Forbidden";
}
