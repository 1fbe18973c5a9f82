package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.session.JooqSessionStore;
import com.balancehistory.application.service.session.BrowserSessionService;
import com.balancehistory.application.service.session.SessionSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import org.jooq.DSLContext;

/** The browser dashboard's sessions, kept in PostgreSQL so every instance shares them. */
@Factory
class DashboardFactory {

    static final String IDLE_TIMEOUT = "balance-history.dashboard.session.idle-timeout";
    static final String MAX_LIFETIME = "balance-history.dashboard.session.max-lifetime";

    @Singleton
    SessionSettings sessionSettings(
            @Value("${" + IDLE_TIMEOUT + ":30m}") String idle, @Value("${" + MAX_LIFETIME + ":8h}") String lifetime) {
        try {
            return new SessionSettings(
                    ConfigValues.duration(IDLE_TIMEOUT, idle), ConfigValues.duration(MAX_LIFETIME, lifetime));
        } catch (IllegalArgumentException e) {
            throw new ConfigValues.ConfigurationError(e.getMessage());
        }
    }

    @Singleton
    BrowserSessionService browserSessions(DSLContext dsl, SessionSettings settings, Clock clock) {
        return new BrowserSessionService(new JooqSessionStore(dsl), settings, clock, new SecureRandom());
    }
}
