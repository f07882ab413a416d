package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports opened in a real browser, headless Chromium: the charts render, their labels neither overlap nor
 * run off their charts as the browser lays the text out, the console stays silent, and the page asks nothing of the
 * network.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Each run gets a fresh profile and no network: every host name resolves to nothing
 *       ({@code --host-resolver-rules}), so nothing leaves the machine, and Chromium's net log still records every
 *       request made. The browser's own background requests (update checks, sign-in) carry no page as initiator;
 *       a request the page made does, and fails the test.</li>
 *   <li>Console messages reach stderr as {@code CONSOLE} lines ({@code --enable-logging=stderr --v=0}); the reports
 *       run no script, so any such line, or an {@code Uncaught} error, fails the test.</li>
 *   <li>Layout is measured in the page: a copy of the report gets a small script that takes the drawn box of every
 *       label and title ({@code getBoundingClientRect}) and writes what it found into the DOM, which
 *       {@code --dump-dom} prints once the page has settled ({@code --virtual-time-budget}).</li>
 *   <li>Without {@code /usr/bin/chromium} (or {@code -Dsplitinfer.chromium=PATH}) the tests are skipped by an
 *       assumption that names the binary; {@code .ci/run} installs Debian's {@code chromium} package when it is
 *       absent.</li>
 * </ul>
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("splitinfer.chromium", "/usr/bin/chromium"));

    /** Measures what the browser drew and appends it to the page as JSON; see the notes. */
    private static final String LAYOUT_CHECK = """
            <script>
            (() => {
              const result = { problems: [], rendered: {} };
              const box = element => element.getBoundingClientRect();
              const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
                  && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
              for (const selector of ['svg.roofline', 'svg.pareto-cost', 'svg.pareto-energy', 'svg.cdf',
                  'svg.breakdown', 'svg.compare-cost', 'circle.kernel', 'line.kernel-leader', 'circle.mark',
                  'polyline.cdf-line', 'circle.percentile', 'rect.segment', 'line.limit']) {
                result.rendered[selector] = [...document.querySelectorAll(selector)]
                    .filter(element => box(element).width + box(element).height > 0).length;
              }
              for (const svg of document.querySelectorAll('svg')) {
                const frame = box(svg);
                const name = svg.querySelector('title').textContent;
                const labels = [...svg.querySelectorAll('text.kernel-label, text.mark-label, text.percentile-label,'
                    + ' text.slope-label, text.limit-label, text.attainment-label, text.title, text.warning')];
                for (let i = 0; i < labels.length; i++) {
                  for (let j = i + 1; j < labels.length; j++) {
                    if (overlap(box(labels[i]), box(labels[j]))) {
                      result.problems.push(name + ': "' + labels[i].textContent + '" overlaps "'
                          + labels[j].textContent + '"');
                    }
                  }
                }
                for (const text of svg.querySelectorAll('text')) {
                  const drawn = box(text);
                  if (drawn.left < frame.left - 0.5 || drawn.right > frame.right + 0.5
                      || drawn.top < frame.top - 0.5 || drawn.bottom > frame.bottom + 0.5) {
                    result.problems.push(name + ': "' + text.textContent + '" runs off the chart');
                  }
                }
              }
              const out = document.createElement('pre');
              out.id = 'layout-check';
              out.textContent = JSON.stringify(result);
              document.body.appendChild(out);
            })();
            </script>
            """;

    @TempDir
    static Path temp;

    private static Path planReport;
    private static Path compareReport;

    private static final String MISSING = CHROMIUM + " is missing, so the HTML reports were not checked in a browser:"
            + " install Debian's 'chromium' package (apt-get install -y chromium), as .ci/run does when chromium is"
            + " absent, or point -Dsplitinfer.chromium at a Chromium binary";

    /** Each test, not the class, is skipped, so each one's report says why. */
    @BeforeEach
    void chromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), MISSING);
    }

    @BeforeAll
    static void theReports() {
        if (!Files.isExecutable(CHROMIUM)) {
            // the build log shows a skipped test's count, not its reason: say it where a reader of the log looks
            System.err.println("ReportInBrowserTest skipped: " + MISSING);
            return;
        }
        planReport = temp.resolve("plan.html");
        List<String> args = new ArrayList<>(ReportPlans.FLAGS);
        args.addAll(List.of("--report", planReport.toString()));
        CliRun plan = CliRun.of(args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        compareReport = temp.resolve("compare.html");
        CliRun compare = CliRun.of("compare", "--report", compareReport.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
    }

    @Test
    void thePlanReportOpensWithoutAConsoleMessageOrANetworkRequest() throws Exception {
        Run run = Run.of(planReport, "--dump-dom");

        assertThat(run.consoleLines()).as("console output of %s", planReport).isEmpty();
        assertThat(run.pageRequests()).as("requests the page made").isEmpty();
        assertThat(ReportTest.SelfContained.problems(Files.readString(planReport, StandardCharsets.UTF_8))).isEmpty();
        // the parsed page: its charts, as the browser's DOM holds them
        assertThat(ReportTest.count(run.stdout(), "<svg ")).isEqualTo(7);
        assertThat(run.stdout()).contains("class=\"roofline\"").contains("class=\"chart pareto-cost\"")
                .contains("class=\"chart cdf ttft\"").contains("class=\"chart breakdown\"");
    }

    @Test
    void thePlanReportsChartsAreDrawnWithEveryMark() throws Exception {
        JsonNode check = layout(planReport);

        JsonNode rendered = check.get("rendered");
        // two rooflines (the h100-sxm prefill, the groq-lpu-v1 decode), two Pareto panels, two CDFs, one breakdown
        assertThat(rendered.get("svg.roofline").asInt()).isEqualTo(2);
        assertThat(rendered.get("svg.pareto-cost").asInt()).isEqualTo(1);
        assertThat(rendered.get("svg.pareto-energy").asInt()).isEqualTo(1);
        assertThat(rendered.get("svg.cdf").asInt()).isEqualTo(2);
        assertThat(rendered.get("svg.breakdown").asInt()).isEqualTo(1);
        assertThat(rendered.get("circle.kernel").asInt()).isPositive()
                .isEqualTo(rendered.get("line.kernel-leader").asInt());
        assertThat(rendered.get("circle.mark").asInt()).isPositive();
        assertThat(rendered.get("polyline.cdf-line").asInt()).isEqualTo(2);
        // p50, p90 and p99 on each curve; a cost and a power segment per pool; an SLO line on each Pareto panel and CDF
        assertThat(rendered.get("circle.percentile").asInt()).isEqualTo(6);
        assertThat(rendered.get("rect.segment").asInt()).isEqualTo(4);
        assertThat(rendered.get("line.limit").asInt()).isEqualTo(4);
    }

    @Test
    void noLabelOrTitleOverlapsAnotherOrRunsOffItsChart() throws Exception {
        assertThat(layout(planReport).get("problems")).as("the plan report").isEmpty();
        assertThat(layout(compareReport).get("problems")).as("the compare report").isEmpty();
    }

    @Test
    void theCompareReportOpensAndDrawsItsCharts() throws Exception {
        Run run = Run.of(compareReport, "--dump-dom");
        JsonNode rendered = layout(compareReport).get("rendered");

        assertThat(run.consoleLines()).isEmpty();
        assertThat(run.pageRequests()).isEmpty();
        // six deployments: six marks on the scatter, and a breakdown each
        assertThat(rendered.get("svg.compare-cost").asInt()).isEqualTo(1);
        assertThat(rendered.get("circle.mark").asInt()).isEqualTo(6);
        assertThat(rendered.get("svg.breakdown").asInt()).isEqualTo(6);
    }

    @Test
    void aScreenshotOfThePlanReportShowsItsCharts() throws Exception {
        Path png = temp.resolve("plan.png");
        Run.of(planReport, "--screenshot=" + png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG at %s", png).isNotNull();
        long inked = 0;
        boolean winner = false;
        boolean front = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    inked++;
                }
                // the winner's orange (#e08a00) and the front's blue (#1f5fa8) on the Pareto panels
                winner |= near(rgb, 0xe08a00);
                front |= near(rgb, 0x1f5fa8);
            }
        }
        assertThat(inked).as("pixels that are not white").isGreaterThan((long) image.getWidth() * image.getHeight() / 50);
        assertThat(winner).as("the winner's orange").isTrue();
        assertThat(front).as("the front's blue").isTrue();
    }

    private static boolean near(int rgb, int target) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (target >> shift & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }

    /** Opens a copy of the report with the measuring script and reads back what it found. */
    private static JsonNode layout(Path report) throws Exception {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        Path copy = temp.resolve("measured-" + report.getFileName());
        Files.writeString(copy, html.replace("</body>", LAYOUT_CHECK + "</body>"), StandardCharsets.UTF_8);
        Run run = Run.of(copy, "--dump-dom");
        assertThat(run.consoleLines()).as("console output of the measuring script").isEmpty();
        String dom = run.stdout();
        int start = dom.indexOf("<pre id=\"layout-check\">");
        assertThat(start).as("the measuring script ran; the page as dumped:%n%s", dom).isNotNegative();
        String json = dom.substring(start + "<pre id=\"layout-check\">".length(), dom.indexOf("</pre>", start));
        return new ObjectMapper().readTree(json.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    /**
     * One headless Chromium run over a page.
     *
     * @param stdout what it printed (the DOM for {@code --dump-dom})
     * @param stderr its log
     * @param netLog its net log, JSON
     */
    private record Run(String stdout, String stderr, JsonNode netLog) {
        static Run of(Path page, String... action) throws IOException, InterruptedException {
            Path folder = Files.createTempDirectory(temp, "chromium");
            Path out = folder.resolve("stdout.txt");
            Path err = folder.resolve("stderr.txt");
            Path netLog = folder.resolve("net-log.json");
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + folder.resolve("profile"),
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=" + netLog, "--enable-logging=stderr",
                    "--v=0", "--hide-scrollbars", "--window-size=1280,1600", "--virtual-time-budget=5000"));
            command.addAll(List.of(action));
            command.add(page.toUri().toString());
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            // a guard against a browser that hangs, not a timing threshold: a run takes about a second
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 60 s: " + String.join(" ", command));
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("chromium's exit status; its log:%n%s", stderr).isZero();
            return new Run(Files.readString(out, StandardCharsets.UTF_8), stderr,
                    new ObjectMapper().readTree(netLog.toFile()));
        }

        /** Console messages and uncaught errors the page produced. */
        List<String> consoleLines() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
        }

        /** Requests for anything but the page's own file that the page, not the browser, made. */
        List<String> pageRequests() {
            int start = netLog.get("constants").get("logEventTypes").get("URL_REQUEST_START_JOB").asInt();
            List<String> requests = new ArrayList<>();
            for (JsonNode event : netLog.get("events")) {
                JsonNode params = event.get("params");
                if (event.get("type").asInt() != start || params == null || params.get("url") == null) {
                    continue;
                }
                String url = params.get("url").asText();
                String initiator = params.path("initiator").asText("");
                boolean browsers = initiator.equals("not an origin")
                        && !params.path("network_isolation_key").asText("").contains("file://");
                if (!url.startsWith("file:") && !url.startsWith("data:") && !browsers) {
                    requests.add(url + " (initiator " + initiator + ")");
                }
            }
            return requests;
        }
    }
}
