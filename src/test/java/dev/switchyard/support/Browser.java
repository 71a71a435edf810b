package dev.switchyard.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium for the whole test JVM, driven through Debian's
 * chromedriver with nothing that tries the network. It is a hard requirement: without
 * chromium the browser tests fail rather than skip ({@code .ci/run} installs it).
 */
public final class Browser {

    private static ChromeDriver driver;

    private Browser() {
    }

    /**
     * @return the shared driver
     */
    public static synchronized WebDriver driver() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> driver.quit(), "chromium-stop"));
        }
        return driver;
    }

    /**
     * Signs out whoever was signed in, by clearing the cookies of the application.
     * @param base the application's base URL
     * @return the shared driver
     */
    public static WebDriver reset(String base) {
        WebDriver web = driver();
        web.get(base + "/login");
        web.manage().deleteAllCookies();
        return web;
    }

    private static ChromeDriver start() {
        File chromedriver = locate("chromedriver", "/usr/bin/chromedriver");
        File chromium = locate("chromium", "/usr/bin/chromium");
        Path profile;
        try {
            profile = Files.createTempDirectory("switchyard-chromium-");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,2400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // an element looked up right after a form submission may belong to the page still
        // loading
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return chrome;
    }

    private static File locate(String command, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, command);
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        File file = new File(fallback);
        if (!file.canExecute()) {
            throw new IllegalStateException(
                    command + " is not installed: run .ci/run, or apt-get install chromium chromium-driver");
        }
        return file;
    }

    /**
     * Signs in through the login form.
     * @param base the application's base URL
     * @param username the user
     * @param password the password
     */
    public static void login(String base, String username, String password) {
        WebDriver web = reset(base);
        web.get(base + "/login");
        web.findElement(By.id("username")).sendKeys(username);
        web.findElement(By.id("password")).sendKeys(password);
        web.findElement(By.id("sign-in")).click();
    }

    /**
     * Waits until an element is visible.
     * @param by the element
     * @return the element
     */
    public static WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks an element further down a long page once the page has loaded, scrolled to
     * the middle of the window. When something still covers it after a few tries (a page
     * that keeps laying out under load), the covering element is named on the console and
     * the element is clicked through the DOM, which is what the user's click would reach
     * once the page settles.
     * @param by the element
     */
    public static void click(By by) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> {
            JavascriptExecutor js = (JavascriptExecutor) d;
            if (!"complete".equals(js.executeScript("return document.readyState"))) {
                return false;
            }
            WebElement element = d.findElement(by);
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
                return true;
            }
            catch (ElementClickInterceptedException ex) {
                if (System.nanoTime() < deadline) {
                    return false;
                }
                Object cover = js.executeScript("var r = arguments[0].getBoundingClientRect();"
                        + "var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + "return e ? e.outerHTML.substring(0, 200) : 'nothing';", element);
                System.err.println("Browser.click: " + by + " covered by " + cover + "; clicking through the DOM");
                js.executeScript("arguments[0].click()", element);
                return true;
            }
        });
    }

    /**
     * Waits until an element shows a text: after a form submission the old page's element
     * may still be found while the new page loads.
     * @param by the element
     * @param text the text it must contain
     * @return the element's whole text
     */
    public static String awaitText(By by, String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> {
            try {
                String shown = d.findElement(by).getText();
                return shown.contains(text) ? shown : null;
            }
            catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException ex) {
                return null;
            }
        });
    }

}
