package com.balancehistory.bootstrap.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for every browser test of this JVM: Debian's {@code chromium} driven through its
 * {@code chromedriver} (never a downloaded driver; {@code .ci/run} installs both). Closed when the JVM exits.
 */
final class Browser {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Browser shared;

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static synchronized Browser get() {
        if (shared == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(executable("chromium", "/usr/bin/chromium"));
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    "--disable-extensions",
                    "--no-first-run");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(executable("chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            shared = new Browser(driver);
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return shared;
    }

    private static String executable(String name, String debianPath) {
        if (Files.isExecutable(Path.of(debianPath))) {
            return debianPath;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                name + " is not installed: apt-get install -y chromium chromium-driver" + " (.ci/run does this)");
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page and waits until its script has drawn it ({@code body[data-ready]}) or it is a plain page. */
    void open(String url) {
        driver.get(url);
        waitForPage();
    }

    void waitForPage() {
        new WebDriverWait(driver, WAIT).until(d -> {
            Object ready = js("return document.readyState === 'complete' && (document.body.dataset.page === undefined"
                    + " || document.body.dataset.ready === 'true')");
            return Boolean.TRUE.equals(ready);
        });
    }

    /**
     * Clicks what {@code css} finds and waits for the page it leads to: the current document is marked first, so a
     * click whose navigation has not begun yet is not taken for the new page being ready.
     */
    void clickAndWaitForNextPage(String css) {
        WebElement element = find(css);
        js("window.__leftByClick = true");
        element.click();
        new WebDriverWait(driver, WAIT).until(d -> !Boolean.TRUE.equals(js("return window.__leftByClick === true")));
        waitForPage();
    }

    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, WAIT)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ":\n" + visibleText(), e);
        }
    }

    /** What the page shows, for failure messages. */
    String visibleText() {
        return String.valueOf(
                js("return document.body ? document.body.innerText : document.documentElement.outerHTML"));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Signs in through the login form with an API key and waits for the overview. */
    void signIn(String base, String key) {
        signOutByForgetting();
        driver.get(base + "/login");
        find("#key").sendKeys(key);
        find("#sign-in").click();
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.TRUE.equals(js("return !location.pathname.endsWith('/login')"
                        + " || (document.querySelector('#login-error')?.textContent || '') !== ''")));
        waitForPage();
    }

    /** Drops the browser's cookies (the server-side session stays, as when a browser is closed). */
    void signOutByForgetting() {
        driver.manage().deleteAllCookies();
    }

    String sessionCookie() {
        var cookie = driver.manage().getCookieNamed("bh_session");
        return cookie == null ? null : cookie.getValue();
    }

    /** Every resource the current page loaded, from the browser's Resource Timing. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resources() {
        return (List<Map<String, Object>>) js("return performance.getEntriesByType('resource').map(e => ({name: e.name,"
                + " transferSize: e.transferSize, encodedBodySize: e.encodedBodySize}))");
    }
}
