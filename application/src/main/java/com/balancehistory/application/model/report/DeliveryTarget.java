package com.balancehistory.application.model.report;

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

        /** The URL without what may be a credential: user info becomes {@code ***@}, a query {@code ?***}. */
        public String describe() {
            String shown = url;
            int end = firstOf(shown, '?', '#');
            boolean hadQuery = end >= 0 && shown.charAt(end) == '?';
            if (end >= 0) {
                shown = shown.substring(0, end) + (hadQuery ? "?***" : "");
            }
            int authority = shown.indexOf("://");
            int from = authority < 0 ? 0 : authority + 3;
            int path = shown.indexOf('/', from);
            int at = shown.lastIndexOf('@', path < 0 ? shown.length() - 1 : path);
            if (at >= from) {
                shown = shown.substring(0, from) + "***" + shown.substring(at);
            }
            return shown;
        }

        private static int firstOf(String text, char a, char b) {
            int i = text.indexOf(a);
            int j = text.indexOf(b);
            return i < 0 ? j : j < 0 ? i : Math.min(i, j);
        }

        @Override
        public String toString() {
            return "Webhook[" + describe() + "]";
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
