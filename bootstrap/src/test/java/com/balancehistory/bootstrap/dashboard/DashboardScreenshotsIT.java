package com.balancehistory.bootstrap.dashboard;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Writes the screenshots of docs/screenshots/ from the demo service plus a budget that falls and missed a poll: not
 * part of the build; run with {@code -Ddashboard.screenshots=<directory>} (see docs/dashboard.md).
 */
@MicronautTest(environments = "demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "dashboard.screenshots", matches = ".+")
class DashboardScreenshotsIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "demo-admin-key-change-me-0001";

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    @Test
    void writes_a_screenshot_of_every_page() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Account falling = Account.of(
                "ops-eu",
                ProviderType.AHRVO,
                AccountKind.BUDGET,
                "travel",
                "Travel budget",
                CurrencyCodes.require("EUR"));
        SeededPolls polls = new SeededPolls(dsl);
        String[] values = {
            "9800.00", "9650.00", "9400.00", "9380.00", "9100.00", "8870.00", "8600.00", "8580.00", "8200.00",
            "7900.00", "7850.00", "7400.00", "7120.00", "6900.00"
        };
        for (int day = 20; day >= 0; day--) {
            if (day == 12 || day == 13) {
                polls.failed("ops-eu", now.minus(day, ChronoUnit.DAYS));
            } else if (day < values.length) {
                polls.answered("ops-eu", now.minus(day, ChronoUnit.DAYS), falling, values[values.length - 1 - day]);
            }
        }
        String base = server.getURL().toString();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/v1/polls?wait=PT30S", "/api/v1/reports"}) {
            http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + ADMIN_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        Path directory = Path.of(System.getProperty("dashboard.screenshots"));
        Files.createDirectories(directory);
        Browser browser = Browser.get();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        browser.signOutByForgetting();
        browser.open(base + "/login");
        shoot(browser, directory.resolve("login.png"));
        browser.signIn(base, ADMIN_KEY);
        shoot(browser, directory.resolve("overview.png"));
        for (String page : new String[] {"accounts", "cards", "alerts", "polls", "reports"}) {
            browser.open(base + "/dashboard/" + page);
            shoot(browser, directory.resolve(page + ".png"));
        }
        browser.open(base + "/dashboard/accounts/" + falling.id().value() + "?range=P30D&bucket=day");
        shoot(browser, directory.resolve("account.png"));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(base + "/dashboard");
        shoot(browser, directory.resolve("overview-phone.png"));
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    private static void shoot(Browser browser, Path file) {
        try {
            Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
