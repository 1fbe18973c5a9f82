package com.balancehistory.bootstrap.report;

import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.bootstrap.BoundValues;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * A bound {@code deliver} section, of a report schedule or of the alerts: {@code directory: path},
 * {@code webhook: {url, secret}}, {@code log: true}. Each owner binds its own copy (a nested section takes its
 * prefix from where it is declared); this is what they share.
 */
public interface DeliverProperties {

    @Nullable
    String directory();

    @Nullable
    Boolean log();

    @Nullable
    Webhook webhook();

    /** {@code deliver.webhook}: the URL and the signing secret (at least 16 characters, never shown). */
    interface Webhook {
        @Nullable
        String url();

        @Nullable
        String secret();
    }

    /** The targets configured under {@code key} (e.g. {@code balance-history.alerts.deliver}), in that order. */
    default List<DeliveryTarget> targets(Environment environment, String key) {
        List<DeliveryTarget> targets = new ArrayList<>();
        if (directory() != null && !directory().isBlank()) {
            targets.add(new DeliveryTarget.Directory(directory().strip()));
        }
        Webhook webhook = webhook();
        if (webhook != null && webhook.url() != null && !webhook.url().isBlank()) {
            if (webhook.secret() == null || webhook.secret().length() < 16) {
                throw new ConfigurationException(key + ".webhook.secret: at least 16 characters are required");
            }
            targets.add(new DeliveryTarget.Webhook(webhook.url().strip(), webhook.secret()));
        }
        if (Boolean.TRUE.equals(BoundValues.readable(environment, key + ".log", log(), "true or false"))) {
            targets.add(new DeliveryTarget.Log());
        }
        return targets;
    }
}
