package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long {@code POST /api/v1/polls} may wait for its run: {@code ?wait=PT30S} or {@code Prefer: wait=30} (RFC 7240). */
final class PollWait {

    static final Duration MAX = Duration.ofSeconds(60);
    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait=(\\d{1,6})(?:$|[,;\\s])");

    private PollWait() {}

    /** The wait asked for, the query parameter first; empty for none; at most {@link #MAX}. */
    static Optional<Duration> parse(String wait, String prefer) {
        if (wait != null && !wait.isBlank()) {
            Duration duration = Params.duration("wait", wait, Duration.ZERO);
            if (duration.isNegative() || duration.compareTo(MAX) > 0) {
                throw ApiProblem.invalidParameter("wait", "wait must be between PT0S and " + MAX + ", got " + duration);
            }
            return Optional.of(duration);
        }
        if (prefer != null) {
            Matcher matcher = PREFER_WAIT.matcher(prefer);
            if (matcher.find()) {
                Duration asked = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
                return Optional.of(asked.compareTo(MAX) > 0 ? MAX : asked);
            }
        }
        return Optional.empty();
    }
}
