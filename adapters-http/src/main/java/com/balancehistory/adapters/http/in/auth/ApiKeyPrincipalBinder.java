package com.balancehistory.adapters.http.in.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;

/**
 * Hands the {@link ApiKeyPrincipal} that {@link ManagementAccessFilter} put on the request to routes that ask for a
 * {@link Principal}, as Micronaut's health endpoint does to decide whether to show details.
 */
@Singleton
public final class ApiKeyPrincipalBinder implements TypedRequestArgumentBinder<Principal> {

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        return () -> source.getUserPrincipal();
    }
}
