package com.balancehistory.application.port.out.report;

import java.util.Objects;

/** Where a report or an alert notification goes. */
public sealed interface DeliveryTarget {

    /** The channel name recorded with every attempt: directory, webhook or log. */
    String channel();

    /** The target as recorded: a path, a URL, or "log". Never a secret. */
    String describe();

    /** Files written into a directory (created if missing). */
    record Directory(String path) implements DeliveryTarget {
        public Directory {
            Objects.requireNonNull(path, "path");
        }

        public String channel() {
            return "directory";
        }

        public String describe() {
            return path;
        }
    }

    /** The JSON POSTed to a URL, signed with HMAC-SHA256 of the body under {@code secret}. */
    record Webhook(String url, String secret) implements DeliveryTarget {
        public Webhook {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }

        public String channel() {
            return "webhook";
        }

        public String describe() {
            return url;
        }

        @Override
        public String toString() {
            return "Webhook[" + url + "]";
        }
    }

    /** A line in the service log. */
    record Log() implements DeliveryTarget {
        public String channel() {
            return "log";
        }

        public String describe() {
            return "log";
        }
    }
}
