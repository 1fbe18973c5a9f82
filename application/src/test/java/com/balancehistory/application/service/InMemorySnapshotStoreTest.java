package com.balancehistory.application.service;

import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.testing.InMemorySnapshotStore;
import com.balancehistory.application.testing.SnapshotStoreContract;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

class InMemorySnapshotStoreTest extends SnapshotStoreContract {

    private final InMemorySnapshotStore store = new InMemorySnapshotStore();

    @Override
    protected SnapshotStore store() {
        return store;
    }

    @Override
    protected StoredRun storedRun(long pollId) {
        InMemorySnapshotStore.PollRun run = store.run(pollId);
        Map<String, StoredResult> sources = new LinkedHashMap<>();
        new TreeMap<>(run.results())
                .forEach((source, result) -> sources.put(
                        source,
                        new StoredResult(
                                result.record().outcome(), result.record().error(), result.rowsWritten())));
        return new StoredRun(run.finishedAt(), run.interrupted(), sources);
    }
}
