package com.balancehistory.domain.account;

/** The provider APIs balance-history can read. */
public enum ProviderType {
    AHRVO("ahrvo"),
    EQUALS_MONEY("equals-money"),
    GRANTEX("grantex"),
    HOLYHELD("holyheld");

    private final String configName;

    ProviderType(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration ({@code provider: equals-money}) and in the API. */
    public String configName() {
        return configName;
    }

    public static ProviderType fromConfigName(String name) {
        for (ProviderType type : values()) {
            if (type.configName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown provider '" + name + "' (known: ahrvo, equals-money, grantex, holyheld)");
    }
}
