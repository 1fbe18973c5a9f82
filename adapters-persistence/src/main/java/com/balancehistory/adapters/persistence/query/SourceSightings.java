package com.balancehistory.adapters.persistence.query;

import java.time.Instant;
import java.util.List;

/**
 * A source's sightings in a window (the polls that recorded its balances), in time and poll order, searched by binary
 * search so that a run's samples are counted without expanding them.
 */
record SourceSightings(Instant[] at, long[] pollId) {

    static final SourceSightings NONE = new SourceSightings(new Instant[0], new long[0]);

    static SourceSightings of(List<Instant> at, List<Long> pollIds) {
        long[] ids = new long[pollIds.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = pollIds.get(i);
        }
        return new SourceSightings(at.toArray(new Instant[0]), ids);
    }

    int size() {
        return at.length;
    }

    /** The first position whose sighting is at or after {@code instant}. */
    int firstAtOrAfter(Instant instant) {
        int low = 0;
        int high = at.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (at[middle].isBefore(instant)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first position whose sighting is after {@code instant}. */
    int firstAfter(Instant instant) {
        int low = 0;
        int high = at.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (at[middle].isAfter(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The first position whose sighting comes after the snapshot at {@code instant} by {@code poll}, in that order. */
    int firstAfter(Instant instant, long poll) {
        int low = 0;
        int high = at.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = at[middle].compareTo(instant);
            if (order > 0 || (order == 0 && pollId[middle] > poll)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
