package com.balancehistory.application.port.out.query;

import com.balancehistory.domain.money.Money;
import java.util.Objects;

/**
 * The snapshots of one account that fall into one bucket {@code [boundaries[index], boundaries[index + 1])}: first and
 * last available balance (by observation time), lowest, highest, and how many there were.
 */
public record BucketAggregate(int index, Money open, Money close, Money min, Money max, int samples) {

    public BucketAggregate {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (index < 0 || samples < 1) {
            throw new IllegalArgumentException("a bucket aggregate has an index >= 0 and at least one sample");
        }
    }
}
