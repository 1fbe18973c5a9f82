package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.session.JooqSessionStore;
import com.balancehistory.application.service.session.BrowserSessionService;
import com.balancehistory.application.service.session.SessionSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;

/** The browser dashboard's sessions, kept in PostgreSQL so every instance shares them. */
@Factory
class DashboardFactory {

    static final String IDLE_TIMEOUT = DashboardSessionProperties.PREFIX + ".idle-timeout";
    static final String MAX_LIFETIME = DashboardSessionProperties.PREFIX + ".max-lifetime";

    @Singleton
    SessionSettings sessionSettings(Environment environment, DashboardSessionProperties session) {
        Duration idle =
                BoundValues.positiveDuration(environment, IDLE_TIMEOUT, session.idleTimeout(), Duration.ofMinutes(30));
        Duration lifetime =
                BoundValues.positiveDuration(environment, MAX_LIFETIME, session.maxLifetime(), Duration.ofHours(8));
        try {
            return new SessionSettings(idle, lifetime);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(DashboardSessionProperties.PREFIX + ": " + e.getMessage());
        }
    }

    @Singleton
    BrowserSessionService browserSessions(DSLContext dsl, SessionSettings settings, Clock clock) {
        return new BrowserSessionService(new JooqSessionStore(dsl), settings, clock, new SecureRandom());
    }
}
