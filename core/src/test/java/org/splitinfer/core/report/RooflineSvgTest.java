package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RooflineSvgTest {
    /** H100-SXM-like figures: 989.4e12 FLOP/s BF16, 1978.9e12 FP8, 3.35e12 B/s HBM. */
    private static final RooflineChart CHART = new RooflineChart("h100-sxm: llama decode",
            List.of(new RooflineChart.Ceiling("bf16", 989.4e12), new RooflineChart.Ceiling("fp8", 1978.9e12)),
            List.of(new RooflineChart.Slope("hbm", 3.35e12)),
            List.of(new RooflineChart.Point("qkv_proj", 1.0, 3.0e12),
                    new RooflineChart.Point("mlp & \"up\"", 500, 700e12)));

    @Test
    void theRidgePointIsPeakOverBandwidth() {
        // 989.4e12 FLOP/s ÷ 3.35e12 B/s = 295.34 FLOP/byte
        assertThat(RooflineChart.ridgeFlopsPerByte(CHART.ceilings().get(0), CHART.slopes().get(0)))
                .isCloseTo(295.343, org.assertj.core.data.Offset.offset(1e-3));
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
    void labelsOfKernelsOnTheSameSpotAreStackedNotOverlaid() {
        RooflineChart crowded = new RooflineChart("crowded", CHART.ceilings(), CHART.slopes(),
                List.of(new RooflineChart.Point("a", 1.0, 3.0e12), new RooflineChart.Point("b", 1.0, 3.0e12)));

        String svg = RooflineSvg.render(crowded);

        // the second label moves one line (11 px) below the first
        double first = attribute(svg, "class=\"kernel-label\" x=\"[0-9.]+\" y=\"([0-9.]+)\"[^>]*>a<");
        double second = attribute(svg, "class=\"kernel-label\" x=\"[0-9.]+\" y=\"([0-9.]+)\"[^>]*>b<");
        assertThat(second - first).isCloseTo(11, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void formatsWithTheSamePeakShareOneRoof() {
        RooflineChart twins = new RooflineChart("twins",
                List.of(new RooflineChart.Ceiling("bf16", 989.4e12), new RooflineChart.Ceiling("fp16", 989.4e12)),
                CHART.slopes(), List.of());

        String svg = RooflineSvg.render(twins);

        assertThat(count(svg, "class=\"ceiling\"")).isEqualTo(1);
        assertThat(svg).contains("bf16, fp16 989 TFLOP/s");
    }

    @Test
    void theSvgMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("roofline-h100.svg", RooflineSvg.render(CHART));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static double attribute(String svg, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(svg);
        assertThat(matcher.find()).as(regex).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
