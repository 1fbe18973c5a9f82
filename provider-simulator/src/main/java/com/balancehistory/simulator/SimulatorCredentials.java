package com.balancehistory.simulator;

import java.util.List;

/**
 * The demo credentials and ids the simulator accepts. They are fake, public and only valid against the simulator.
 *
 * @param ahrvoAccessToken  Ahrvo {@code Authorization: Bearer <access-token>}
 * @param ahrvoApiKey       Ahrvo {@code x-api-key}
 * @param equalsApiKey      Equals Money {@code Authorization: ApiKey <key>} (also accepted as Bearer or bare)
 * @param equalsAccountId   Equals Money {@code accountId} query parameter
 * @param grantexApiKey     Grantex {@code Authorization: Bearer <api-key>}
 * @param grantIds          the grants that have a budget allocation
 * @param holyheldToken     Holyheld {@code Authorization: Bearer <token>}
 * @param ahrvoCardIds      the Ahrvo cards that exist
 */
public record SimulatorCredentials(
        String ahrvoAccessToken,
        String ahrvoApiKey,
        String equalsApiKey,
        String equalsAccountId,
        String grantexApiKey,
        List<String> grantIds,
        String holyheldToken,
        List<String> ahrvoCardIds) {

    public static final String AHRVO_ACCESS_TOKEN = "sim-ahrvo-access-token";
    public static final String AHRVO_API_KEY = "sim-ahrvo-api-key";
    public static final String EQUALS_API_KEY = "sim-equals-api-key";
    public static final String EQUALS_ACCOUNT_ID = "F50091";
    public static final String GRANTEX_API_KEY = "gx_sim_api_key";
    public static final String HOLYHELD_TOKEN = "sim-holyheld-token";

    public SimulatorCredentials {
        grantIds = List.copyOf(grantIds);
        ahrvoCardIds = List.copyOf(ahrvoCardIds);
    }
}
