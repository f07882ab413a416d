package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.core.report.DeploymentWords;

/** {@code plan --report} and {@code compare --report}: what the page holds, its golden files, and its self-reliance. */
class ReportTest {

    @Test
    void thePlanReportMatchesItsGoldenFile() throws Exception {
        SplitInfer splitInfer = ReportPlans.splitInfer();
        String html = ReportPlans.report(splitInfer, ReportPlans.plan(splitInfer, ReportPlans.TIGHT));

        Golden.assertMatches("plan-report-llama-3.1-8b-h100-groq.html", html);
    }

    @Test
    void thePlanReportIsByteStableForASeed() {
        SplitInfer first = ReportPlans.splitInfer();
        SplitInfer second = ReportPlans.splitInfer();

        assertThat(ReportPlans.report(second, ReportPlans.plan(second, ReportPlans.TIGHT)))
                .isEqualTo(ReportPlans.report(first, ReportPlans.plan(first, ReportPlans.TIGHT)));
    }

    @Test
    void thePlanReportHasEverySectionAndChart() {
        SplitInfer splitInfer = ReportPlans.splitInfer();
        Plan plan = ReportPlans.plan(splitInfer, ReportPlans.TIGHT);
        String html = ReportPlans.report(splitInfer, plan);

        assertThat(plan.winner()).isPresent();
        assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
        for (String section : List.of("candidates", "pareto", "latency", "rooflines", "cost", "chips",
                "assumptions")) {
            assertThat(html).contains("<section id=\"" + section + "\">");
        }
        // the ranked table's heading and a row per candidate; the breakdown's heading, two pools and their total
        assertThat(count(html, "<tr")).isEqualTo(1 + plan.candidates().size() + 1 + 2 + 1);
        assertThat(count(html, "<tr class=\"winner\">")).isEqualTo(1);
        // Pareto: one mark per candidate in each panel, the winner's drawn largest
        assertThat(count(html, "class=\"mark ")).isEqualTo(2 * plan.candidates().size());
        assertThat(count(html, "class=\"mark best\"")).isEqualTo(2);
        // a CDF each for TTFT and TPOT through the 0th..100th percentiles
        assertThat(count(html, "<polyline class=\"cdf-line\"")).isEqualTo(2);
        // the split winner: the prefill chip's roofline with prefill kernels, the decode chip's with decode ones
        PlannedDeployment winner = plan.winner().orElseThrow();
        assertThat(html).contains("<figure class=\"roofline prefill prefill\">")
                .contains("<figure class=\"roofline decode decode\">")
                .contains(winner.prefillHardware() + ": llama-3.1-8b prefill")
                .contains(winner.decodeHardware() + ": llama-3.1-8b decode");
        assertThat(count(html, "class=\"kernel\"")).isEqualTo(count(html, "class=\"kernel-leader\""));
        // cost and power per pool, and each chip's status
        assertThat(html).contains("<table class=\"breakdown\">").contains("<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " class=\"chart breakdown\"").contains("groq-lpu-v1: shipping, 13 assumed figures");
        assertThat(html).contains("<li class=\"stackProfileApplied\">serving stack unnamed on lpu chips:")
                .contains("(the profile of vendor-api, the stack this family's calibration cases were served with;");
    }

    @Test
    void theCostBreakdownIsChipsTimesEachChipsPriceAndPower() {
        SplitInfer splitInfer = ReportPlans.splitInfer();
        Plan plan = ReportPlans.plan(splitInfer, ReportPlans.TIGHT);
        String html = ReportPlans.report(splitInfer, plan);

        for (var pool : plan.winner().orElseThrow().simulation().orElseThrow().pools()) {
            // e.g. 4 h100-sxm × $1.07/chip-hour = $4.28/hour; 4 × 662 W = 2.65 kW
            assertThat(html).contains("<td class=\"number\">" + pool.chips() + "</td><td class=\"number\">"
                    + Units.number(pool.usdPerChipHour()) + "</td><td class=\"number\">"
                    + Units.number(pool.chips() * pool.usdPerChipHour()) + "</td>");
            assertThat(html).contains("<td class=\"number\">" + Units.number(pool.wallWattsPerChip())
                    + "</td><td class=\"number\">" + Units.number(pool.chips() * pool.wallWattsPerChip() / 1000)
                    + "</td>");
        }
    }

    @Test
    void thePlanReportWordsTheWinnerAndTheRowsAsTheTerminalDoes(@TempDir Path temp) throws Exception {
        Path report = temp.resolve("plan.html");
        List<String> args = new ArrayList<>(ReportPlans.FLAGS);
        args.addAll(List.of("--report", report.toString()));

        // wide enough that the terminal prints each sentence on one line, as the page does
        CliRun run = CliRun.with(Map.of("COLUMNS", "300"), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        String winner = run.out().lines().filter(line -> line.startsWith("winner: ")).findFirst().orElseThrow();
        assertThat(html).contains("<p class=\"verdict\" id=\"verdict\">" + winner + "</p>");
        assertThat(html).contains(run.out().lines().findFirst().orElseThrow().replace("<=", "&lt;="));
        // every candidate's first pool reads as the terminal's table has it, and the file is the library's page
        SplitInfer splitInfer = ReportPlans.splitInfer();
        Plan plan = ReportPlans.plan(splitInfer, ReportPlans.TIGHT);
        for (PlannedDeployment deployment : plan.candidates()) {
            assertThat(html).contains("<td>" + firstPool(deployment) + "</td>");
        }
        assertThat(html).isEqualTo(ReportPlans.report(splitInfer, plan));
    }

    @Test
    void aPlanWithoutAWinnerSaysSoInTheTerminalsWordsAndDetailsTheClosest() {
        SplitInfer splitInfer = ReportPlans.splitInfer();
        Plan plan = ReportPlans.plan(splitInfer, ReportPlans.IMPOSSIBLE);

        String html = ReportPlans.report(splitInfer, plan);

        assertThat(plan.winner()).isEmpty();
        assertThat(html).contains("<p class=\"verdict problem\" id=\"verdict\">"
                + PlanOutput.noWinner(plan).replace("<", "&lt;").replace(">", "&gt;") + "</p>");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("no deployment meets 90% of requests within TTFT"
                + " 1.00 ms and TPOT 100 us; closest: ");
        assertThat(count(html, "<tr class=\"winner\">")).isZero();
        assertThat(html).doesNotContain("class=\"mark best\"").contains("The closest candidate, ");
    }

    @Test
    void theCompareReportHasTheTerminalsRowsAndEachDeploymentsBreakdownAndAssumptions(@TempDir Path temp)
            throws Exception {
        Path report = temp.resolve("compare.html");

        // wide enough that no cell of the terminal's table wraps
        CliRun run = CliRun.with(Map.of("COLUMNS", "300"), "compare", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(count(html, "<section class=\"deployment\"")).isEqualTo(6);
        assertThat(count(html, "<table class=\"breakdown\">")).isEqualTo(6);
        assertThat(count(html, "class=\"mark measured\"")).isEqualTo(6);
        // each row of the terminal's table, cell for cell
        List<String> lines = run.out().lines().toList();
        for (String line : lines.subList(2, 8)) {
            for (String cell : line.split("\\s{2,}")) {
                assertThat(html).contains(">" + cell.trim() + "</td>");
            }
        }
        assertThat(html).contains("<li class=\"costBasis\">cost: purchase prices amortised over");
        Golden.assertMatches("compare-report-llama-3.1-70b.html", html);
    }

    @Test
    void aCompareRowThatCouldNotBeEstimatedShowsItsProblem(@TempDir Path temp) throws Exception {
        Path report = temp.resolve("compare.html");

        // one h100-sxm cannot hold llama-3.1-70b in bf16, as CompareCommandTest has it
        CliRun run = CliRun.of("compare", "--deployment", "--hardware h100-sxm:1 --precision bf16", "--deployment",
                "--hardware h100-sxm:8 --precision fp8", "--report", report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("<p class=\"verdict problem\" id=\"verdict\">1 of 2 deployments could not be"
                + " estimated; see their rows</p>").contains("<td class=\"problem\">problem: 'llama-3.1-70b' in"
                + " weights=bf16,activations=bf16,kv=bf16 does not");
    }

    @Test
    void anUnwritableReportPathExitsTwoWithOneSentence(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-dir").resolve("report.html");

        CliRun run = CliRun.of("compare", "--report", missing.toString());

        // refused as the line is read, before six deployments are estimated and simulated
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: --report must name a file in a folder that exists, got '" + missing
                + "'; run 'splitinfer compare --help' for usage\n");
    }

    @Test
    void theReportsLoadNothing(@TempDir Path temp) throws Exception {
        SplitInfer splitInfer = ReportPlans.splitInfer();
        String plan = ReportPlans.report(splitInfer, ReportPlans.plan(splitInfer, ReportPlans.TIGHT));
        Path compare = temp.resolve("compare.html");
        assertThat(CliRun.of("compare", "--report", compare.toString()).exitCode()).isZero();

        for (String html : List.of(plan, Files.readString(compare, StandardCharsets.UTF_8))) {
            assertThat(SelfContained.problems(html)).isEmpty();
        }
    }

    /** The terminal's "prefill pool" cell: the prefill pool, or "colocated: " and the one pool. */
    private static String firstPool(PlannedDeployment deployment) {
        return deployment.pipeline() instanceof PipelineSpec.Split split ? DeploymentWords.pool(split.prefill())
                : "colocated: " + DeploymentWords.pool(((PipelineSpec.Colocated) deployment.pipeline()).pool());
    }

    static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    /** Finds everything in a page that could make a browser fetch: what {@link #theReportsLoadNothing} forbids. */
    static final class SelfContained {
        private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(?:https?:)?//[a-z0-9.-]+");
        private static final Pattern LOADERS = Pattern.compile(
                "(?i)<(?:script|link|img|iframe|object|embed|image|use|audio|video|source)\\b|\\s(?:src|href|xlink:href|srcset|action)\\s*=|url\\(|@import");

        private SelfContained() {
        }

        static List<String> problems(String html) {
            List<String> problems = new ArrayList<>();
            Matcher address = ADDRESS.matcher(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""));
            while (address.find()) {
                problems.add("address " + address.group());
            }
            Matcher loader = LOADERS.matcher(html);
            while (loader.find()) {
                problems.add("loader " + loader.group().trim());
            }
            return problems;
        }
    }
}
