package com.balancehistory.bootstrap.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 100,000 budgets in one Ahrvo answer are recorded by the service run with the README's heap flags: the listing is
 * read as a stream, so the poll holds the budgets it records, never a tree of the whole body.
 */
class LargeListingHeapIT {

    @Test
    void a_listing_of_100000_budgets_is_recorded_twice_with_the_readmes_heap_and_no_out_of_memory() throws Exception {
        ListingPollRun.Result run = ListingPollRun.run(100_000, 2, ListingPollRun.README_HEAP, Duration.ofSeconds(90));
        System.out.println(run);

        assertThat(run.outOfMemory()).as("OutOfMemoryError in " + run.log()).isFalse();
        assertThat(run.outcomes()).as("outcomes of the polls").containsExactly("ok", "ok");
        assertThat(run.accountsSeen()).containsExactly(100_000, 100_000);
    }
}
