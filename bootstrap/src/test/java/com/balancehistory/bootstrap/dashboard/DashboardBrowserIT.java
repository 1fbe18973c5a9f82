package com.balancehistory.bootstrap.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium against the whole service in demo mode (the provider simulator, polled for
 * real) plus seeded sources: one whose balance falls and that failed one poll, one gone stale, one account whose name
 * is markup. One service and one browser serve every test here.
 */
@MicronautTest(environments = "demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "demo-admin-key-change-me-0001";
    static final String READER_KEY = "demo-reader-key-change-me-0001";
    static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";

    static final String SHAKY = "shaky-" + UUID.randomUUID().toString().substring(0, 6);
    static final String FROZEN = "frozen-" + UUID.randomUUID().toString().substring(0, 6);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Account FALLING = Account.of(
            SHAKY, ProviderType.AHRVO, AccountKind.BUDGET, "ops", "Operations", CurrencyCodes.require("CHF"));
    static final Account MARKUP =
            Account.of(FROZEN, ProviderType.AHRVO, AccountKind.BUDGET, "x", MARKUP_NAME, CurrencyCodes.require("CHF"));

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    @Inject
    JsonMapper json;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Browser browser;
    String base;

    @Override
    protected Map<String, String> moreProperties() {
        // lets a test pose as another client address, so throttling it slows down no other test
        return Map.of("micronaut.server.client-address-header", "X-Forwarded-For");
    }

    @BeforeAll
    void startBrowserAndSeed() {
        base = server.getURL().toString();
        browser = Browser.get();
        SeededPolls polls = new SeededPolls(dsl);
        polls.answered(SHAKY, NOW.minus(4, ChronoUnit.DAYS), FALLING, "9000.00");
        polls.answered(SHAKY, NOW.minus(3, ChronoUnit.DAYS), FALLING, "8000.00");
        polls.failed(SHAKY, NOW.minus(2, ChronoUnit.DAYS));
        polls.answered(SHAKY, NOW.minus(1, ChronoUnit.DAYS), FALLING, "6000.00");
        polls.answered(SHAKY, NOW.minusSeconds(60), FALLING, "5000.00");
        polls.answered(FROZEN, NOW.minus(3, ChronoUnit.HOURS), MARKUP, "1.00");
        assertThat(send("POST", "/api/v1/polls?wait=PT30S", "Bearer " + ADMIN_KEY, null, null)
                        .statusCode())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------ signing in and out

    @Test
    void the_root_leads_to_the_dashboard_which_without_a_session_leads_to_the_login_form() {
        browser.signOutByForgetting();
        browser.open(base + "/");

        assertThat(browser.url()).isEqualTo(base + "/login");
        assertThat(browser.find("label[for=key]").getText()).isEqualTo("API key");
    }

    @Test
    void a_wrong_key_shows_the_form_again_with_one_message_and_starts_no_session() {
        browser.signIn(base, "not-a-key-of-ours");

        assertThat(browser.url()).isEqualTo(base + "/login");
        assertThat(browser.find("#login-error").getText())
                .isEqualTo("That key was not accepted. Check it and try again.");
        assertThat(browser.sessionCookie()).isNull();
    }

    @Test
    void repeated_failed_sign_ins_from_one_address_are_throttled_with_the_same_message_even_for_a_right_key() {
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113." + (1 + new java.util.Random().nextInt(250)));
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> failed =
                    send("POST", "/login", null, "application/x-www-form-urlencoded", "key=guess-" + i, from);
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(failed.body()).contains("That key was not accepted. Check it and try again.");
        }

        HttpResponse<String> throttled =
                send("POST", "/login", null, "application/x-www-form-urlencoded", "key=" + READER_KEY, from);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(throttled.body()).contains("That key was not accepted. Check it and try again.");
        assertThat(send("POST", "/login", null, "application/x-www-form-urlencoded", "key=" + READER_KEY)
                        .statusCode())
                .as("another address is not slowed down")
                .isEqualTo(303);
    }

    @Test
    void signing_in_sets_an_http_only_strict_cookie_that_holds_an_opaque_id_never_the_key() throws Exception {
        HttpResponse<String> response =
                send("POST", "/login", null, "application/x-www-form-urlencoded", "key=" + READER_KEY);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/dashboard");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("bh_session=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .doesNotContain(READER_KEY)
                .doesNotContain("Secure");
        String forwarded = send(
                        "POST",
                        "/login",
                        null,
                        "application/x-www-form-urlencoded",
                        "key=" + READER_KEY,
                        Map.of("X-Forwarded-Proto", "https"))
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        assertThat(forwarded).contains("Secure");
        assertThat(dsl.fetchCount(dsl.selectFrom("browser_session").where("key_name = 'demo-reader'")))
                .isPositive();
        assertThat(dsl.fetch("SELECT * FROM browser_session").formatCSV())
                .doesNotContain(READER_KEY)
                .doesNotContain(sessionId(cookie));
    }

    @Test
    void signing_out_ends_the_session_for_the_api_and_the_pages() throws Exception {
        browser.signIn(base, READER_KEY);
        String cookie = browser.sessionCookie();
        assertThat(send("GET", "/api/v1/overview", null, null, null, Map.of("Cookie", "bh_session=" + cookie))
                        .statusCode())
                .isEqualTo(200);

        browser.clickAndWaitForNextPage("#logout");

        assertThat(browser.url()).isEqualTo(base + "/login");
        assertThat(send("GET", "/api/v1/overview", null, null, null, Map.of("Cookie", "bh_session=" + cookie))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/dashboard", null, null, null, Map.of("Cookie", "bh_session=" + cookie))
                        .headers()
                        .firstValue("Location"))
                .contains("/login");
    }

    @Test
    void a_session_started_on_one_instance_works_on_another_and_a_logout_there_ends_it_everywhere() {
        browser.signIn(base, READER_KEY);
        String cookie = "bh_session=" + browser.sessionCookie();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, properties, "demo")) {
            String otherBase = other.getURL().toString();
            assertThat(send(otherBase, "GET", "/api/v1/overview", null, null, null, Map.of("Cookie", cookie))
                            .statusCode())
                    .isEqualTo(200);
            String csrf = String.valueOf(browser.js("return document.body.dataset.csrf"));

            HttpResponse<String> logout = send(
                    otherBase,
                    "POST",
                    "/logout",
                    null,
                    "application/x-www-form-urlencoded",
                    "csrf=" + csrf,
                    Map.of("Cookie", cookie));
            assertThat(logout.statusCode()).isEqualTo(303);
        }

        browser.open(base + "/dashboard");
        assertThat(browser.url()).isEqualTo(base + "/login");
    }

    // ------------------------------------------------------------------ CSRF and roles

    @Test
    void a_forged_post_with_the_session_cookie_but_without_the_csrf_token_is_refused_with_403() {
        browser.signIn(base, ADMIN_KEY);

        Object forged = browser.asyncJs("const done = arguments[0]; fetch('/api/v1/polls?source=" + SHAKY
                + "', {method: 'POST'}).then(r => done(r.status))");
        Object wrongToken = browser.asyncJs("const done = arguments[0]; fetch('/api/v1/reports', {method: 'POST',"
                + " headers: {'X-CSRF-Token': 'guess', 'Content-Type': 'application/json'}, body: '{}'})"
                + ".then(r => done(r.status))");
        Object forgedLogout = browser.asyncJs("const done = arguments[0]; fetch('/logout', {method: 'POST',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'csrf=guess'})"
                + ".then(r => done(r.status))");

        assertThat(forged).isEqualTo(403L);
        assertThat(wrongToken).isEqualTo(403L);
        assertThat(forgedLogout).isEqualTo(403L);
        browser.open(base + "/dashboard");
        assertThat(browser.url()).as("the session survived the forged logout").isEqualTo(base + "/dashboard");
    }

    @Test
    void a_reader_sees_no_poll_now_button_and_an_admin_does() {
        browser.signIn(base, READER_KEY);
        assertThat(browser.all("button.poll-now")).isEmpty();

        browser.signIn(base, ADMIN_KEY);
        assertThat(browser.all("button.poll-now")).isNotEmpty();
        assertThat(browser.all("button#poll-all")).hasSize(1);
    }

    // ------------------------------------------------------------------ overview

    @Test
    void the_overview_shows_per_currency_totals_equal_to_the_api() {
        browser.signIn(base, READER_KEY);
        JsonNode overview = apiGet("/api/v1/overview");

        List<JsonNode> currencies = list(overview.get("currencies"));
        assertThat(currencies).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode currency : currencies) {
            String code = currency.get("currency").getStringValue();
            WebElement row = browser.find("tr[data-currency='" + code + "']");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".total"))
                            .getText())
                    .isEqualTo(currency.get("total").getStringValue() + " " + code);
        }
    }

    @Test
    void a_stale_source_is_marked_stale_and_a_fresh_one_is_not() {
        browser.signIn(base, READER_KEY);

        WebElement frozen = browser.find("#freshness [data-source='" + FROZEN + "']");
        assertThat(frozen.getAttribute("class")).contains("stale");
        assertThat(frozen.getText()).contains("stale");
        assertThat(browser.find("#freshness [data-source='" + SHAKY + "']").getAttribute("class"))
                .doesNotContain("stale");
    }

    @Test
    void an_account_named_with_markup_renders_as_text() {
        browser.signIn(base, READER_KEY);

        assertThat(browser.find("tr[data-currency='CHF'] .lowest").getText()).contains(MARKUP_NAME);
        assertThat(browser.all("img")).isEmpty();
    }

    @Test
    void the_overview_grouped_by_department_shows_each_group_per_currency_as_the_api_and_links_its_accounts() {
        browser.signIn(base, READER_KEY);
        JsonNode grouped = apiGet("/api/v1/overview?groupBy=department");
        List<JsonNode> groups = list(grouped.get("groups"));
        assertThat(groups)
                .as("the demo's label rules give departments")
                .anyMatch(g -> g.get("group").getStringValue().equals("Marketing"));

        browser.open(base + "/dashboard?groupBy=department");
        for (JsonNode group : groups) {
            for (JsonNode currency : list(group.get("currencies"))) {
                WebElement row = browser.find(
                        "#groups tr[data-group='" + group.get("group").getStringValue() + "'][data-currency='"
                                + currency.get("currency").getStringValue() + "']");
                assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".total"))
                                .getText())
                        .isEqualTo(currency.get("total").getStringValue() + " "
                                + currency.get("currency").getStringValue());
            }
        }
        assertThat(browser.all("#groups tr.unlabelled"))
                .as("accounts without a department form their own group")
                .isNotEmpty();

        browser.open(base + "/dashboard/accounts?label=department:Marketing");
        List<String> marketing =
                list(apiGet("/api/v1/balances?label=department:Marketing&limit=100")
                                .get("items"))
                        .stream()
                        .map(item -> item.get("accountId").getStringValue())
                        .toList();
        assertThat(marketing).isNotEmpty();
        assertThat(browser.all("#balances tbody tr"))
                .hasSize(Math.min(25, marketing.size()))
                .allSatisfy(row -> assertThat(marketing).contains(row.getAttribute("data-account")))
                .allSatisfy(row -> assertThat(row.getText()).contains("department: Marketing"));
    }

    // ------------------------------------------------------------------ accounts and the account chart

    @Test
    void the_accounts_page_searches_and_marks_stale_and_low_accounts_with_a_sparkline_each() {
        browser.signIn(base, READER_KEY);

        browser.open(base + "/dashboard/accounts?q=Operations");
        assertThat(browser.all("#balances tbody tr")).hasSize(1);
        assertThat(browser.find("#balances tbody tr").getAttribute("data-account"))
                .isEqualTo(FALLING.id().value());
        assertThat(browser.all("#balances tbody tr svg.spark polyline")).hasSize(1);

        browser.open(base + "/dashboard/accounts?stale=true");
        assertThat(browser.all("#balances tbody tr"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("stale"));
        assertThat(browser.all("#balances tbody tr[data-account='" + MARKUP.id().value() + "']"))
                .hasSize(1);

        browser.open(base + "/dashboard/accounts?low=true");
        List<String> lowIds = list(apiGet("/api/v1/overview").get("currencies")).stream()
                .flatMap(c -> list(c.get("lowBalanceAccounts")).stream())
                .map(JsonNode::getStringValue)
                .toList();
        assertThat(browser.all("#balances tbody tr"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(lowIds).contains(row.getAttribute("data-account")))
                .allSatisfy(row -> assertThat(row.getText()).contains("low"));
    }

    @Test
    void the_account_chart_holds_as_many_buckets_as_the_history_route_returns_and_marks_the_failed_poll() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/accounts/" + FALLING.id().value());

        WebElement chart = browser.find("#chart");
        List<JsonNode> buckets =
                list(apiGet("/api/v1/balances/" + FALLING.id().value() + "/history?" + chart.getAttribute("data-query"))
                        .get("buckets"));
        assertThat(chart.getAttribute("data-points")).isEqualTo(String.valueOf(buckets.size()));
        assertThat(browser.all("#chart canvas")).isNotEmpty();
        assertThat(browser.all("#chart-numbers tbody tr")).hasSize(buckets.size());
        assertThat(buckets.stream().filter(b -> b.get("status").getStringValue().equals("gap")))
                .hasSize(1);
        assertThat(chart.getAttribute("data-gap-markers")).isEqualTo("1");
        assertThat(browser.all("#chart-numbers tbody tr[data-status='gap']"))
                .hasSize(1)
                .allSatisfy(row -> assertThat(row.getAttribute("textContent")).contains("failed poll"));
    }

    @Test
    void raw_points_are_drawn_one_per_poll_with_the_failed_poll_as_a_gap_never_as_zero() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/accounts/" + FALLING.id().value() + "?bucket=raw&range=P7D");

        WebElement chart = browser.find("#chart");
        JsonNode history =
                apiGet("/api/v1/balances/" + FALLING.id().value() + "/history?" + chart.getAttribute("data-query"));
        assertThat(chart.getAttribute("data-points"))
                .isEqualTo(String.valueOf(list(history.get("points")).size()))
                .isEqualTo("4");
        assertThat(chart.getAttribute("data-gap-markers")).isEqualTo("1");
        assertThat(browser.all("#chart-numbers tbody tr[data-status='data']"))
                .extracting(WebElement::getText)
                .noneMatch(text -> text.matches(".*\\b0(\\.0+)?\\b.*"));
    }

    @Test
    void a_decreasing_account_shows_its_projected_depletion_as_a_dashed_line_with_the_date() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/accounts/" + FALLING.id().value());
        JsonNode trend = apiGet("/api/v1/balances/" + FALLING.id().value() + "/trend?window=P30D");

        assertThat(trend.get("depletion").get("outlook").getStringValue()).isEqualTo("projected");
        assertThat(browser.find("#chart").getAttribute("data-depletion")).isEqualTo("drawn");
        assertThat(browser.find("#depletion strong").getText())
                .isEqualTo(trend.get("depletion").get("date").getStringValue());
    }

    @Test
    void the_account_page_shows_a_markup_name_as_text() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/accounts/" + MARKUP.id().value());

        assertThat(browser.find("#title").getText()).isEqualTo(MARKUP_NAME);
        assertThat(browser.find("#account-name").getText()).isEqualTo(MARKUP_NAME);
        assertThat(browser.all("img")).isEmpty();
    }

    // ------------------------------------------------------------------ cards, alerts, polls, reports

    @Test
    void the_cards_page_shows_every_limit_as_the_api_gives_it_and_checks_a_purchase() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/cards");

        List<String> cards = list(apiGet("/api/v1/cards").get("cards")).stream()
                .map(card -> card.get("card").get("accountId").getStringValue())
                .toList();
        // the list route has every card the live report has limits for
        assertThat(cards)
                .containsAll(list(apiGet("/api/v1/reports/allocation/live?format=json")
                                .get("cardLimits"))
                        .stream()
                        .map(line -> line.get("accountId").getStringValue())
                        .distinct()
                        .toList());
        assertThat(cards).isNotEmpty();
        assertThat(browser.all("#card-limits [data-card]")).hasSize(cards.size());
        String cardId = cards.get(0);
        JsonNode limits = apiGet("/api/v1/cards/" + cardId + "/limits");
        WebElement section = browser.find("[data-card='" + cardId + "']");
        String currency = limits.get("card").get("currency").getStringValue();
        for (JsonNode period : list(limits.get("periods"))) {
            assertThat(section.findElement(org.openqa.selenium.By.cssSelector(
                                    "tr[data-period='" + period.get("period").getStringValue() + "'] td"))
                            .getText())
                    .isEqualTo(period.get("remaining").getStringValue() + " " + currency);
        }

        section.findElement(org.openqa.selenium.By.name("amount")).sendKeys("99999999");
        section.findElement(org.openqa.selenium.By.cssSelector(".purchase-check button"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !section.findElement(org.openqa.selenium.By.cssSelector(".check-result"))
                        .getText()
                        .isEmpty());
        assertThat(section.findElement(org.openqa.selenium.By.cssSelector(".check-result"))
                        .getText())
                .contains("would break")
                .contains("daily");
    }

    @Test
    void the_alerts_page_lists_the_active_alerts_of_the_api() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/alerts");

        int active = apiGet("/api/v1/alerts").get("count").getIntValue();
        assertThat(browser.find("h2").getText()).isEqualTo("Active (" + active + ")");
    }

    @Test
    void the_polls_page_puts_stale_and_failing_sources_first_and_shows_each_run() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/polls");

        List<String> sources = browser.all("tr[data-source]").stream()
                .map(row -> row.getAttribute("data-source"))
                .toList();
        List<String> marked = browser.all("tr[data-source].bad").stream()
                .map(row -> row.getAttribute("data-source"))
                .toList();
        assertThat(marked).contains(FROZEN).doesNotContain(SHAKY);
        assertThat(sources.subList(0, marked.size()))
                .as("stale and failing first")
                .isEqualTo(marked);
        assertThat(browser.all("tr[data-run]")).isNotEmpty();
        assertThat(browser.all("button.poll-now")).isEmpty();
    }

    @Test
    void an_admin_generates_a_report_and_opens_its_html_csv_and_json_with_the_session() {
        browser.signIn(base, READER_KEY);
        browser.open(base + "/dashboard/reports");
        assertThat(browser.all("#generate-report")).isEmpty();

        browser.signIn(base, ADMIN_KEY);
        browser.open(base + "/dashboard/reports");

        int before = browser.all("tr[data-report]").size();
        browser.find("#generate-report").click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> browser.all("tr[data-report]").size() > before);
        browser.waitForPage();

        browser.find("tr[data-report] a[href$='format=html']").click();
        browser.find("h1");
        assertThat(browser.url()).contains("/api/v1/reports/").endsWith("format=html");
        assertThat(browser.visibleText()).contains("allocation");
    }

    // ------------------------------------------------------------------ assets and headers

    @Test
    void the_pages_load_nothing_from_any_other_origin() {
        browser.signIn(base, ADMIN_KEY);
        for (String page : List.of(
                "/dashboard",
                "/dashboard/accounts",
                "/dashboard/accounts/" + FALLING.id().value(),
                "/dashboard/cards",
                "/dashboard/alerts",
                "/dashboard/polls",
                "/dashboard/reports")) {
            browser.open(base + page);
            assertThat(browser.resources())
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(String.valueOf(r.get("name"))).startsWith(base + "/"));
        }
    }

    @Test
    void every_html_answer_has_the_strict_policy_and_data_answers_are_not_stored() throws Exception {
        HttpResponse<String> login = send("GET", "/login", null, null, null);
        HttpResponse<String> data = send("GET", "/api/v1/overview", "Bearer " + READER_KEY, null, null);
        HttpResponse<String> refused = send("GET", "/api/v1/overview", null, null, null);

        for (HttpResponse<String> response : List.of(login, data, refused)) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
        assertThat(send("GET", "/dashboard/assets/common.js", null, null, null)
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).doesNotContain("no-store"));
    }

    @Test
    void swagger_ui_still_renders_the_api_under_its_own_policy() {
        browser.open(base + "/swagger-ui/index.html");

        assertThat(browser.find(".opblock-summary-path").getText()).startsWith("/api/v1/");
        assertThat(browser.resources())
                .allSatisfy(r -> assertThat(String.valueOf(r.get("name"))).startsWith(base + "/"));
    }

    @Test
    void rapidoc_still_renders_the_api_under_its_own_policy() {
        browser.open(base + "/rapidoc/index.html");

        Object operations = null;
        for (int i = 0; i < 50 && !(operations instanceof Long n && n > 0); i++) {
            operations = browser.js("const doc = document.querySelector('rapi-doc');"
                    + " return doc && doc.shadowRoot ? doc.shadowRoot.querySelectorAll('[part~=\"section-operation\"],"
                    + " .nav-bar-path, .m-endpoint').length : 0");
            sleep();
        }
        assertThat(operations).isInstanceOf(Long.class);
        assertThat((Long) operations).isPositive();
    }

    // ------------------------------------------------------------------ helpers

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sessionId(String setCookie) {
        return setCookie.substring("bh_session=".length(), setCookie.indexOf(';'));
    }

    JsonNode apiGet(String path) {
        HttpResponse<String> response = send("GET", path, "Bearer " + READER_KEY, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readValue(response.body(), JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }

    HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) {
        return send(method, path, authorization, contentType, body, Map.of());
    }

    HttpResponse<String> send(
            String method,
            String path,
            String authorization,
            String contentType,
            String body,
            Map<String, String> headers) {
        return send(base, method, path, authorization, contentType, body, headers);
    }

    HttpResponse<String> send(
            String origin,
            String method,
            String path,
            String authorization,
            String contentType,
            String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
