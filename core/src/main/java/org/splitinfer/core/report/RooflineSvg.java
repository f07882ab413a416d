package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RooflineChart} as a standalone SVG on log-log axes: x is arithmetic intensity (FLOP/byte),
 * y is throughput (FLOP/s). Each memory slope rises at 45° until it meets each compute ceiling at the ridge
 * point; kernels are dots. Output is byte-stable: fixed decimal formatting in {@link Locale#ROOT} and elements in
 * the chart's order, with stable {@code class} names ({@code ceiling}, {@code slope}, {@code ridge}, {@code kernel})
 * for tools and tests.
 */
public final class RooflineSvg {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 180;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private RooflineSvg() {
    }

    /**
     * @param chart what to draw
     * @return the SVG document
     */
    public static String render(RooflineChart chart) {
        chart = withEqualCeilingsMerged(chart);
        double maxPeak = 0;
        double minPeak = Double.MAX_VALUE;
        double minBandwidth = Double.MAX_VALUE;
        double maxBandwidth = 0;
        for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
            maxPeak = Math.max(maxPeak, ceiling.flopsPerSecond());
            minPeak = Math.min(minPeak, ceiling.flopsPerSecond());
        }
        for (RooflineChart.Slope slope : chart.slopes()) {
            minBandwidth = Math.min(minBandwidth, slope.bytesPerSecond());
            maxBandwidth = Math.max(maxBandwidth, slope.bytesPerSecond());
        }
        double xMin = minPeak / maxBandwidth / 100;
        double xMax = maxPeak / minBandwidth * 100;
        double yMin = minPeak / 1e4;
        double yMax = maxPeak * 4;
        for (RooflineChart.Point point : chart.points()) {
            xMin = Math.min(xMin, point.flopsPerByte() / 2);
            xMax = Math.max(xMax, point.flopsPerByte() * 2);
            yMin = Math.min(yMin, point.flopsPerSecond() / 2);
        }
        Axes axes = new Axes(floorPow10(xMin), ceilPow10(xMax), floorPow10(yMin), ceilPow10(yMax));

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("  <title>").append(escape(chart.title())).append("</title>\n");
        svg.append("  <rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("  <text class=\"title\" x=\"").append(LEFT).append("\" y=\"24\" font-size=\"15\">")
                .append(escape(chart.title())).append("</text>\n");
        gridAndLabels(svg, axes);
        for (RooflineChart.Slope slope : chart.slopes()) {
            for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
                double ridge = RooflineChart.ridgeFlopsPerByte(ceiling, slope);
                double startX = axes.xMin;
                double startY = startX * slope.bytesPerSecond();
                if (startY < axes.yMin) {
                    startX = axes.yMin / slope.bytesPerSecond();
                    startY = axes.yMin;
                }
                svg.append("  <line class=\"slope\" data-tier=\"").append(escape(slope.name()))
                        .append("\" data-precision=\"").append(escape(ceiling.name())).append("\" x1=\"")
                        .append(number(axes.x(startX))).append("\" y1=\"").append(number(axes.y(startY)))
                        .append("\" x2=\"").append(number(axes.x(ridge))).append("\" y2=\"")
                        .append(number(axes.y(ceiling.flopsPerSecond())))
                        .append("\" stroke=\"#1f5fa8\" stroke-width=\"1.5\"/>\n");
                svg.append("  <circle class=\"ridge\" data-tier=\"").append(escape(slope.name()))
                        .append("\" data-precision=\"").append(escape(ceiling.name()))
                        .append("\" data-flops-per-byte=\"").append(number(ridge)).append("\" cx=\"")
                        .append(number(axes.x(ridge))).append("\" cy=\"").append(number(axes.y(ceiling.flopsPerSecond())))
                        .append("\" r=\"2.5\" fill=\"#1f5fa8\"/>\n");
            }
            double labelX = axes.xMin * 3;
            svg.append("  <text class=\"slope-label\" x=\"").append(number(axes.x(labelX) + 4)).append("\" y=\"")
                    .append(number(axes.y(Math.max(labelX * slope.bytesPerSecond(), axes.yMin)) - 4))
                    .append("\" fill=\"#1f5fa8\">").append(escape(slope.name())).append(' ')
                    .append(quantity(slope.bytesPerSecond(), "B/s")).append("</text>\n");
        }
        for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
            double ridgeMin = Double.MAX_VALUE;
            for (RooflineChart.Slope slope : chart.slopes()) {
                ridgeMin = Math.min(ridgeMin, RooflineChart.ridgeFlopsPerByte(ceiling, slope));
            }
            svg.append("  <line class=\"ceiling\" data-precision=\"").append(escape(ceiling.name()))
                    .append("\" x1=\"").append(number(axes.x(ridgeMin))).append("\" y1=\"")
                    .append(number(axes.y(ceiling.flopsPerSecond()))).append("\" x2=\"")
                    .append(number(axes.x(axes.xMax))).append("\" y2=\"").append(number(axes.y(ceiling.flopsPerSecond())))
                    .append("\" stroke=\"#b03030\" stroke-width=\"1.5\"/>\n");
            svg.append("  <text class=\"ceiling-label\" x=\"").append(number(axes.x(axes.xMax) + 6)).append("\" y=\"")
                    .append(number(axes.y(ceiling.flopsPerSecond()) + 4)).append("\" fill=\"#b03030\">")
                    .append(escape(ceiling.name())).append(' ').append(quantity(ceiling.flopsPerSecond(), "FLOP/s"))
                    .append("</text>\n");
        }
        List<double[]> labels = new ArrayList<>();
        for (RooflineChart.Point point : chart.points()) {
            double x = axes.x(point.flopsPerByte());
            double y = axes.y(point.flopsPerSecond());
            svg.append("  <circle class=\"kernel\" data-label=\"").append(escape(point.label()))
                    .append("\" data-flops-per-byte=\"").append(number(point.flopsPerByte()))
                    .append("\" data-flops-per-second=\"").append(number(point.flopsPerSecond())).append("\" cx=\"")
                    .append(number(x)).append("\" cy=\"").append(number(y)).append("\" r=\"4\" fill=\"#e08a00\">")
                    .append("<title>").append(escape(point.label())).append("</title></circle>\n");
            // Kernels of one step often sit on top of each other: move a label down until it clears the others.
            double labelY = y - 4;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (double[] placed : labels) {
                    if (Math.abs(placed[0] - x) < 90 && Math.abs(placed[1] - labelY) < 10.5) {
                        labelY = placed[1] + 11;
                        moved = true;
                    }
                }
            }
            labels.add(new double[] {x, labelY});
            svg.append("  <text class=\"kernel-label\" x=\"").append(number(x + 6))
                    .append("\" y=\"").append(number(labelY)).append("\" fill=\"#805000\">")
                    .append(escape(point.label())).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Formats with the same peak (bf16 and fp16, fp8 and int8) share one roof and one label: "bf16, fp16". */
    private static RooflineChart withEqualCeilingsMerged(RooflineChart chart) {
        Map<Double, String> byPeak = new LinkedHashMap<>();
        for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
            byPeak.merge(ceiling.flopsPerSecond(), ceiling.name(), (a, b) -> a + ", " + b);
        }
        List<RooflineChart.Ceiling> merged = new ArrayList<>();
        byPeak.forEach((peak, names) -> merged.add(new RooflineChart.Ceiling(names, peak)));
        return new RooflineChart(chart.title(), merged, chart.slopes(), chart.points());
    }

    private static void gridAndLabels(StringBuilder svg, Axes axes) {
        for (double x = axes.xMin; x <= axes.xMax * 1.0001; x *= 10) {
            svg.append("  <line class=\"grid\" x1=\"").append(number(axes.x(x))).append("\" y1=\"").append(TOP)
                    .append("\" x2=\"").append(number(axes.x(x))).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#dddddd\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(number(axes.x(x))).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">").append(power(x))
                    .append("</text>\n");
        }
        for (double y = axes.yMin; y <= axes.yMax * 1.0001; y *= 10) {
            svg.append("  <line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(number(axes.y(y)))
                    .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(number(axes.y(y)))
                    .append("\" stroke=\"#dddddd\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(number(axes.y(y) + 4))
                    .append("\" text-anchor=\"end\">").append(power(y)).append("</text>\n");
        }
        svg.append("  <text class=\"axis\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
                .append(HEIGHT - 20).append("\" text-anchor=\"middle\">arithmetic intensity (FLOP/byte)</text>\n");
        svg.append("  <text class=\"axis\" transform=\"translate(24 ").append((TOP + HEIGHT - BOTTOM) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">throughput (FLOP/s)</text>\n");
    }

    private record Axes(double xMin, double xMax, double yMin, double yMax) {
        double x(double value) {
            return LEFT + (WIDTH - LEFT - RIGHT) * (Math.log10(value) - Math.log10(xMin))
                    / (Math.log10(xMax) - Math.log10(xMin));
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (Math.log10(value) - Math.log10(yMin))
                    / (Math.log10(yMax) - Math.log10(yMin));
        }
    }

    private static double floorPow10(double value) {
        return Math.pow(10, Math.floor(Math.log10(value)));
    }

    private static double ceilPow10(double value) {
        return Math.pow(10, Math.ceil(Math.log10(value)));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String power(double value) {
        return "1e" + Math.round(Math.log10(value));
    }

    static String quantity(double value, String unit) {
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E"};
        int index = 0;
        double scaled = value;
        while (scaled >= 1000 && index < prefixes.length - 1) {
            scaled /= 1000;
            index++;
        }
        return String.format(Locale.ROOT, "%.3g %s%s", scaled, prefixes[index], unit);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
