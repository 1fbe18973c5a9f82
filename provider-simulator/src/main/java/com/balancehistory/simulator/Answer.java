package com.balancehistory.simulator;

import java.util.Map;

/** What the simulator sends back for one request: a status, a JSON body and any headers beyond Content-Type. */
record Answer(int status, String body, Map<String, String> headers) {

    Answer(int status, String body) {
        this(status, body, Map.of());
    }
}
