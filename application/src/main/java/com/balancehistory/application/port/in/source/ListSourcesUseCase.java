package com.balancehistory.application.port.in.source;

import com.balancehistory.application.model.source.SourceStatus;
import java.util.List;
import java.util.Map;

/** Every configured source and how it is doing, and the sources left out for their configuration. */
public interface ListSourcesUseCase {

    /** The polled sources in configuration order. */
    List<SourceStatus> sources();

    /** Misconfigured source name to the error that left it out. */
    Map<String, String> misconfigured();
}
