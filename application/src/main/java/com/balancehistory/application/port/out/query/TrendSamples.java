package com.balancehistory.application.port.out.query;

import com.balancehistory.domain.analytics.BalancePoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's available-balance samples in a window, in summary: {@code keyPoints} are samples in time and poll
 * order that keep the first and the last sample and the samples on both sides of every change of value (each run's
 * first and last sighting in the window, and the neighbours of a poll recorded late), so the samples left out only
 * repeat their neighbours' value; {@code count} is how many samples the window really holds.
 */
public record TrendSamples(List<BalancePoint> keyPoints, long count) {

    public static final TrendSamples NONE = new TrendSamples(List.of(), 0);

    /** The summary of {@code samples} (all of a window's samples, in time and poll order). */
    public static TrendSamples summarise(List<BalancePoint> samples) {
        List<BalancePoint> key = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            BalancePoint point = samples.get(i);
            boolean repeatsPrevious = i > 0 && samples.get(i - 1).balance().equals(point.balance());
            boolean repeatedByNext =
                    i + 1 < samples.size() && samples.get(i + 1).balance().equals(point.balance());
            if (!repeatsPrevious || !repeatedByNext) {
                key.add(point);
            }
        }
        return new TrendSamples(key, samples.size());
    }

    public TrendSamples {
        keyPoints = List.copyOf(keyPoints);
        if (count < keyPoints.size()) {
            throw new IllegalArgumentException("more key points than samples: " + keyPoints.size() + " > " + count);
        }
    }
}
