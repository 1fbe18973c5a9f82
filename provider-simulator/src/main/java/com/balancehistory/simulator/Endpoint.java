package com.balancehistory.simulator;

/** The five provider endpoints the simulator speaks, with their documented paths. */
public enum Endpoint {
    /** Ahrvo "Query Budget Account Balance". */
    AHRVO_BUDGETS("/card/issuance/api/issuing/budget/v2/balance/all"),
    /** Ahrvo "Query Card Remaining Limits" ({@code ?card_id=}). */
    AHRVO_CARD_LIMITS("/card/issuance/api/issuing/spending-control/v2/share-card-remaining-limit"),
    /** Equals Money "List all budgets". */
    EQUALS_BUDGETS("/v2/budgets"),
    /** Grantex "Get Budget Balance"; the grant id follows the path prefix. */
    GRANTEX_BALANCE("/v1/budget/balance/"),
    /** Holyheld "Get Balance" of the AI-agent card. */
    HOLYHELD_BALANCE("/v4/ai-agents/balance");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The documented path (for Grantex the prefix before {@code {grantId}}). */
    public String path() {
        return path;
    }

    /** The endpoint a request path belongs to, or null for none. */
    static Endpoint match(String requestPath) {
        for (Endpoint endpoint : values()) {
            if (endpoint == GRANTEX_BALANCE) {
                if (requestPath.startsWith(endpoint.path) && requestPath.length() > endpoint.path.length()) {
                    return endpoint;
                }
            } else if (requestPath.equals(endpoint.path)) {
                return endpoint;
            }
        }
        return null;
    }
}
