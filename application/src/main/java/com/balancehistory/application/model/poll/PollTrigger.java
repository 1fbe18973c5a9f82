package com.balancehistory.application.model.poll;

/** Why a poll ran: by its schedule, or because someone asked for it now. */
public enum PollTrigger {
    SCHEDULE("schedule"),
    ON_DEMAND("on_demand");

    private final String code;

    PollTrigger(String code) {
        this.code = code;
    }

    /** The stored and serialized form. */
    public String code() {
        return code;
    }

    public static PollTrigger fromCode(String code) {
        for (PollTrigger trigger : values()) {
            if (trigger.code.equals(code)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown poll trigger '" + code + "'");
    }
}
