package com.balancehistory.bootstrap.dashboard;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Browser timing of the dashboard at 10,000 accounts with a year of daily polls (and one account polled hourly for
 * 30 days), measured by headless Chromium's Navigation, User and Resource Timing: not part of the build (it seeds
 * 3.65 million snapshots); run with {@code -Ddashboard.benchmark=true}, see docs/benchmarks.md.
 */
@MicronautTest(environments = "demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "dashboard.benchmark", matches = "true")
class DashboardBenchmarkIT extends ServiceTestSupport {

    static final int ACCOUNTS = 10_000;
    static final int DAYS = 365;
    static final int RUNS = 5;
    static final String SOURCE = "bench-budgets";
    static final String HOURLY = "bench-hourly";

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    @Test
    void dashboard_pages_and_charts_at_ten_thousand_accounts_and_a_year_of_history() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long seedStart = System.nanoTime();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(Account.of(
                    SOURCE,
                    ProviderType.AHRVO,
                    AccountKind.BUDGET,
                    "b" + i,
                    "Budget " + i,
                    CurrencyCodes.require(i % 3 == 0 ? "EUR" : "USD")));
        }
        SeededPolls polls = new SeededPolls(dsl);
        for (int day = DAYS; day >= 0; day--) {
            List<BalanceObservation> balances = new ArrayList<>(ACCOUNTS);
            for (int i = 0; i < ACCOUNTS; i++) {
                // each budget spends a little every day, differently per budget
                BigDecimal available =
                        BigDecimal.valueOf(50_000_000L + 3_700L * i - (long) (DAYS - day) * (i % 97) * 100, 2);
                balances.add(BalanceObservation.of(
                        accounts.get(i),
                        Balances.available(Money.of(available, accounts.get(i).currency()))));
            }
            polls.answered(SOURCE, now.minus(day, ChronoUnit.DAYS), balances);
        }
        Account hourly = Account.of(
                HOURLY, ProviderType.AHRVO, AccountKind.BUDGET, "h", "Hourly budget", CurrencyCodes.require("USD"));
        for (int hour = 30 * 24; hour >= 0; hour--) {
            polls.answered(HOURLY, now.minus(hour, ChronoUnit.HOURS), hourly, (100_000 + hour * 3) + ".00");
        }
        System.out.printf(
                Locale.ROOT,
                "seeded %d accounts x %d days in %d s%n",
                ACCOUNTS,
                DAYS + 1,
                Duration.ofNanos(System.nanoTime() - seedStart).toSeconds());

        String base = server.getURL().toString();
        Browser browser = Browser.get();
        browser.signIn(base, "demo-reader-key-change-me-0001");
        String year = "/dashboard/accounts/" + accounts.get(5).id().value() + "?bucket=day&range=P365D";
        String month = "/dashboard/accounts/" + hourly.id().value() + "?bucket=hour&range=P30D";

        report("overview: interactive (ms)", interactive(browser, base + "/dashboard"));
        report("accounts, first page: interactive (ms)", interactive(browser, base + "/dashboard/accounts"));
        report("accounts, first page: all 25 sparklines drawn (ms)", loaded(browser, base + "/dashboard/accounts"));
        report("account, a year of daily buckets: chart drawn after its data (ms)", drawn(browser, base + year));
        report("account, 30 days of hourly buckets: chart drawn after its data (ms)", drawn(browser, base + month));
        assets(browser, base);
    }

    private static double[] interactive(Browser browser, String url) {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            browser.open(url);
            times[i] = number(browser.js("return performance.getEntriesByName('dashboard-interactive')[0].startTime"));
        }
        return times;
    }

    private static double[] loaded(Browser browser, String url) {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            browser.open(url);
            times[i] = number(browser.js("return performance.now()"));
        }
        return times;
    }

    private static double[] drawn(Browser browser, String url) {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            browser.open(url);
            times[i] = Double.parseDouble(browser.find("#chart[data-draw-ms]").getAttribute("data-draw-ms"));
        }
        return times;
    }

    /** The page's own scripts and styles on a cold load: bytes on the wire and as used. */
    @SuppressWarnings("unchecked")
    private static void assets(Browser browser, String base) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Network.enable", Map.of());
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
                .executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.open(base + "/dashboard/accounts/" + "bench-hourly.budget.h");
        long transferred = 0;
        long decoded = 0;
        for (Map<String, Object> resource : (List<Map<String, Object>>) browser.js("return performance"
                + ".getEntriesByType('resource').filter(e => e.name.includes('/dashboard/assets/')"
                + " || e.name.includes('/dashboard/vendor/')).map(e => ({name: e.name, t: e.transferSize,"
                + " d: e.decodedBodySize}))")) {
            transferred += (long) number(resource.get("t"));
            decoded += (long) number(resource.get("d"));
            System.out.printf(
                    Locale.ROOT,
                    "  asset %s: %s bytes transferred, %s decoded%n",
                    resource.get("name"),
                    resource.get("t"),
                    resource.get("d"));
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT assets of the account page (cold cache): %.1f KB transferred," + " %.1f KB decoded%n",
                transferred / 1024.0,
                decoded / 1024.0);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static void report(String what, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "RESULT %s: median %.0f, min %.0f, max %.0f over %d loads %s%n",
                what,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                sorted.length,
                Arrays.toString(times));
    }
}
