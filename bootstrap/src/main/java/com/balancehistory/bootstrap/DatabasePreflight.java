package com.balancehistory.bootstrap;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Before the service starts: makes sure its database can be reached, creating it when it is missing and the user
 * may, and otherwise answers with one line that names the setting to change.
 */
final class DatabasePreflight {

    private static final String DATABASE_MISSING = "3D000";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabasePreflight() {}

    record Result(boolean ok, String message) {}

    static Result ensureDatabase(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            return new Result(
                    false,
                    "balance-history: no database configured: set DATASOURCES_DEFAULT_URL "
                            + "(e.g. jdbc:postgresql://localhost:5432/balance_history)");
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            return new Result(
                    false,
                    "balance-history: DATASOURCES_DEFAULT_URL must be a jdbc:postgresql:// URL, got " + redact(url));
        }
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return new Result(true, "database reachable");
        } catch (SQLException e) {
            if (DATABASE_MISSING.equals(e.getSQLState())) {
                return create(url, user, password);
            }
            return unreachable(url, e);
        }
    }

    private static Result create(String url, String user, String password) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().replaceFirst("^/", "");
        if (!SAFE_NAME.matcher(database).matches()) {
            return new Result(
                    false,
                    "balance-history: database '" + database + "' does not exist; create it, or set "
                            + "DATASOURCES_DEFAULT_URL to an existing one");
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String adminUrl = "jdbc:postgresql://" + uri.getRawAuthority() + "/postgres" + query;
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            System.out.println("balance-history: created database '" + database + "'");
            return new Result(true, "created");
        } catch (SQLException e) {
            return new Result(
                    false,
                    "balance-history: database '" + database + "' does not exist and could not be "
                            + "created (" + firstLine(e.getMessage()) + "): create it, or set DATASOURCES_DEFAULT_URL, "
                            + "DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD to one that exists");
        }
    }

    private static Result unreachable(String url, SQLException e) {
        return new Result(
                false,
                "balance-history: cannot reach the database at " + redact(url) + " ("
                        + firstLine(e.getMessage()) + "): start PostgreSQL there, or set DATASOURCES_DEFAULT_URL, "
                        + "DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD");
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
