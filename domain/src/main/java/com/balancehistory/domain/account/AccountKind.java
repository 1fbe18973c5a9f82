package com.balancehistory.domain.account;

/** What an account's balance stands for at its provider. */
public enum AccountKind {
    /** A spend budget (Ahrvo budget account, Equals Money budget in one currency). */
    BUDGET("budget"),
    /** A card's remaining spending limits (Ahrvo share card). */
    CARD_SPENDING_LIMIT("card-limit"),
    /** A budget attached to an AI-agent grant (Grantex). */
    GRANT_BUDGET("grant"),
    /** The spendable balance of a card (Holyheld agent card). */
    CARD_BALANCE("card");

    private final String slug;

    AccountKind(String slug) {
        this.slug = slug;
    }

    /** Short, URL-safe name used in account ids and in the API. */
    public String slug() {
        return slug;
    }

    public static AccountKind fromSlug(String slug) {
        for (AccountKind kind : values()) {
            if (kind.slug.equals(slug) || kind.name().equalsIgnoreCase(slug)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown account kind '" + slug + "'");
    }
}
