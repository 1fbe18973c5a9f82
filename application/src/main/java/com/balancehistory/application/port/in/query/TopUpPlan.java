package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to add so that every account lasts {@code target}: the accounts that need a top-up (by currency, then largest
 * top-up first), the total per currency (never a sum across currencies), and with {@code groupBy} the same totals per
 * value of that label, then the {@code (unlabelled)} group.
 */
public record TopUpPlan(
        Duration window,
        Duration target,
        Instant asOf,
        List<AccountRunway> accounts,
        List<CurrencyTopUp> totals,
        Optional<String> groupBy,
        List<Group> groups) {

    public TopUpPlan {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(asOf, "asOf");
        accounts = List.copyOf(accounts);
        totals = List.copyOf(totals);
        groupBy = groupBy == null ? Optional.empty() : groupBy;
        groups = List.copyOf(groups);
    }

    /** The top-ups of one currency: how many accounts need one and their sum. */
    public record CurrencyTopUp(int accounts, Money total) {
        public CurrencyTopUp {
            Objects.requireNonNull(total, "total");
        }
    }

    /** One value of the {@code groupBy} label (empty: the accounts without it) with its totals per currency. */
    public record Group(Optional<String> value, List<CurrencyTopUp> totals) {
        public Group {
            value = value == null ? Optional.empty() : value;
            totals = List.copyOf(totals);
        }
    }
}
