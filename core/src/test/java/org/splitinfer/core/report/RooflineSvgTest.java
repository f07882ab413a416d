package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RooflineSvgTest {
    /** H100-SXM-like figures: 989.4e12 FLOP/s BF16, 1978.9e12 FP8, 3.35e12 B/s HBM. */
    private static final RooflineChart CHART = new RooflineChart("h100-sxm: llama decode",
            List.of(new RooflineChart.Ceiling("bf16", 989.4e12), new RooflineChart.Ceiling("fp8", 1978.9e12)),
            List.of(new RooflineChart.Slope("hbm", 3.35e12)),
            List.of(new RooflineChart.Point("qkv_proj", 1.0, 3.0e12, 0.25),
                    new RooflineChart.Point("mlp & \"up\"", 500, 700e12, 0.01)));

    @Test
    void theRidgePointIsPeakOverBandwidth() {
        // 989.4e12 FLOP/s ÷ 3.35e12 B/s = 295.34 FLOP/byte
        assertThat(RooflineChart.ridgeFlopsPerByte(CHART.ceilings().get(0), CHART.slopes().get(0)))
                .isCloseTo(295.343, Offset.offset(1e-3));
    }

    @Test
    void theSvgHasOneCeilingPerPrecisionOneSlopeAndRidgePerPairAndOneDotPerKernel() {
        String svg = RooflineSvg.render(CHART);

        assertThat(count(svg, "class=\"ceiling\"")).isEqualTo(2);
        assertThat(count(svg, "class=\"slope\"")).isEqualTo(2);
        assertThat(count(svg, "class=\"ridge\"")).isEqualTo(2);
        assertThat(count(svg, "class=\"kernel\"")).isEqualTo(2);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(svg).contains("data-flops-per-byte=\"295.34\"").contains("mlp &amp; &quot;up&quot;");
    }

    @Test
    void aKernelBelowTheRidgeSitsLeftOfIt() {
        String svg = RooflineSvg.render(CHART);

        double ridgeX = attribute(svg, "circle class=\"ridge\"[^>]*cx=\"([0-9.]+)\"");
        double kernelX = attribute(svg, "data-label=\"qkv_proj\"[^>]*cx=\"([0-9.]+)\"");
        assertThat(kernelX).isLessThan(ridgeX);
    }

    @Test
    void theXAxisSpansTheRidgesAndKernelsWithADecadeEitherSide() {
        String svg = RooflineSvg.render(CHART);

        // leftmost: the kernel at 1 FLOP/byte; rightmost: the fp8 ridge, 1978.9e12 ÷ 3.35e12 = 590.7 FLOP/byte.
        // The axis runs from 0.1 to 5,907: decades 1e-1 (the left edge, x = 90) to 1e3, and nothing past them.
        List<String> ticks = all(svg, "<text class=\"tick\" x=\"[0-9.]+\" y=\"[0-9.]+\" text-anchor=\"middle\">"
                + "([^<]+)<");
        assertThat(ticks).containsExactly("1e-1", "1e0", "1e1", "1e2", "1e3");
        assertThat(attribute(svg, "<line class=\"grid\" x1=\"([0-9.]+)\"")).isCloseTo(90, Offset.offset(0.01));
    }

    @Test
    void aDotsAreaIsItsShareOfTheStepWithALegend() {
        String svg = RooflineSvg.render(CHART);

        // radius = 20 px × √share: √0.25 = 0.5 → 10 px; √0.01 = 0.1 → 2 px, raised to the 2.5 px floor
        assertThat(attribute(svg, "data-label=\"qkv_proj\"[^>]*r=\"([0-9.]+)\"")).isEqualTo(10.0);
        assertThat(attribute(svg, "data-label=\"mlp &amp; &quot;up&quot;\"[^>]*r=\"([0-9.]+)\"")).isEqualTo(2.5);
        assertThat(svg).contains("<g class=\"legend\">").contains(">dot area: share of<").contains(">50%<")
                .contains(">10%<").contains(">1%<");
    }

    @Test
    void labelsOfKernelsOnTheSameSpotDoNotOverlapAndEachHasALeaderLine() {
        List<RooflineChart.Point> crowd = new ArrayList<>();
        for (String name : List.of("qkv_proj", "o_proj", "mlp_up", "mlp_down", "mlp_gate", "lm_head", "attention",
                "rotary")) {
            crowd.add(new RooflineChart.Point(name, 1.0, 3.0e12, 0.1));
        }
        RooflineChart crowded = new RooflineChart("crowded", CHART.ceilings(), CHART.slopes(), crowd);

        String svg = RooflineSvg.render(crowded);

        assertThat(count(svg, "class=\"kernel-leader\"")).isEqualTo(8);
        List<double[]> boxes = labelBoxes(svg);
        assertThat(boxes).hasSize(8);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(overlap(boxes.get(i), boxes.get(j))).as("labels %d and %d overlap", i, j).isFalse();
            }
        }
        // every leader starts on its dot's edge: 20 px × √0.1 = 6.32 px from the centre
        double cx = attribute(svg, "class=\"kernel\"[^>]*cx=\"([0-9.]+)\"");
        double cy = attribute(svg, "class=\"kernel\"[^>]*cy=\"([0-9.]+)\"");
        Matcher leaders = Pattern.compile("class=\"kernel-leader\"[^>]*x1=\"([0-9.]+)\" y1=\"([0-9.]+)\"")
                .matcher(svg);
        while (leaders.find()) {
            double dx = Double.parseDouble(leaders.group(1)) - cx;
            double dy = Double.parseDouble(leaders.group(2)) - cy;
            assertThat(Math.hypot(dx, dy)).isCloseTo(6.32, Offset.offset(0.02));
        }
    }

    @Test
    void aLongTitleWrapsToTheWidthAndPushesThePlotDown() {
        String title = "tt-blackhole-p150: llama-3.1-70b-instruct-with-a-long-name prefill (batch 1, new tokens 1016,"
                + " context 0, tensor 2 × pipeline 3) [announced]";
        RooflineChart chart = new RooflineChart(title, CHART.ceilings(), CHART.slopes(), CHART.points());

        String svg = RooflineSvg.render(chart);

        List<String> lines = all(svg, "<tspan x=\"16.00\" y=\"[0-9.]+\">([^<]+)</tspan>");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo(title);
        for (String line : lines) {
            // 800 px less 16 px either side, at the 0.62 em bound of a character's width at 15 px
            assertThat(Svg.width(line, 15)).isLessThanOrEqualTo(768);
        }
        // one more title line: 20 px more above the plot, and 20 px more page
        assertThat(attribute(svg, "<rect class=\"frame\" x=\"90\" y=\"([0-9]+)\"")).isEqualTo(70);
        assertThat(svg).contains("height=\"580\" viewBox=\"0 0 800 580\"");
    }

    @Test
    void aWarningShowsUnderTheTitle() {
        RooflineChart chart = new RooflineChart("groq-lpu-v1: llama-2-70b decode", CHART.ceilings(), CHART.slopes(),
                CHART.points(), List.of("warning: the step does not fit; times assume it did"));

        String svg = RooflineSvg.render(chart);

        assertThat(svg).contains("<text class=\"warning\" x=\"16.00\" y=\"40.00\" font-size=\"12\" fill=\"#b00020\">"
                + "<tspan x=\"16.00\" y=\"40.00\">warning: the step does not fit; times assume it did</tspan></text>");
        // the plot starts one warning line (16 px) lower: 50 + 16
        assertThat(attribute(svg, "<rect class=\"frame\" x=\"90\" y=\"([0-9]+)\"")).isEqualTo(66);
    }

    @Test
    void formatsWithTheSamePeakShareOneRoof() {
        RooflineChart twins = new RooflineChart("twins",
                List.of(new RooflineChart.Ceiling("bf16", 989.4e12), new RooflineChart.Ceiling("fp16", 989.4e12)),
                CHART.slopes(), List.of());

        String svg = RooflineSvg.render(twins);

        assertThat(count(svg, "class=\"ceiling\"")).isEqualTo(1);
        assertThat(svg).contains("bf16, fp16 989 TFLOP/s").doesNotContain("class=\"legend\"");
    }

    @Test
    void theSvgMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("roofline-h100.svg", RooflineSvg.render(CHART));
    }

    /** Label boxes as the layout bounds them: from the text's start, 0.62 em a character, one line high. */
    static List<double[]> labelBoxes(String svg) {
        List<double[]> boxes = new ArrayList<>();
        Matcher labels = Pattern.compile("class=\"kernel-label\" x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*>([^<]+)<")
                .matcher(svg);
        while (labels.find()) {
            double x = Double.parseDouble(labels.group(1));
            double baseline = Double.parseDouble(labels.group(2));
            boxes.add(new double[] {x, baseline - 10, x + Svg.width(labels.group(3), 11), baseline + 3});
        }
        return boxes;
    }

    static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> all(String svg, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(svg);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static double attribute(String svg, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(svg);
        assertThat(matcher.find()).as(regex).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
