package com.balancehistory.bootstrap.logging;

import com.balancehistory.application.port.out.PollLogContext;
import org.slf4j.MDC;

/** Puts {@code pollId} and {@code source} in SLF4J's MDC while a source is polled (both log formats show them). */
public final class MdcPollLogContext implements PollLogContext {

    @Override
    public Scope enter(long pollId, String source) {
        MDC.put("pollId", Long.toString(pollId));
        MDC.put("source", source);
        return () -> {
            MDC.remove("pollId");
            MDC.remove("source");
        };
    }
}
