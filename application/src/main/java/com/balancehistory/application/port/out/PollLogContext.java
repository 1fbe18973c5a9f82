package com.balancehistory.application.port.out;

/**
 * Marks the current thread as working on one source of one poll, so every log line it writes meanwhile names them
 * (the logging adapter puts them in its diagnostic context).
 */
@FunctionalInterface
public interface PollLogContext {

    /** Marks nothing. */
    PollLogContext NONE = (pollId, source) -> () -> {};

    Scope enter(long pollId, String source);

    /** Ends the marking. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
