package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RooflineChart} as a standalone SVG on log-log axes: x is arithmetic intensity (FLOP/byte),
 * y is throughput (FLOP/s). Each memory slope rises at 45° until it meets each compute ceiling at the ridge
 * point; kernels are dots whose area is their share of the step's time, each labelled with a leader line. Output is
 * byte-stable: fixed decimal formatting in {@link Locale#ROOT} and elements in a fixed order, with stable
 * {@code class} names ({@code ceiling}, {@code slope}, {@code ridge}, {@code kernel}, {@code kernel-label},
 * {@code kernel-leader}, {@code warning}) for tools and tests.
 *
 * <h2>Notes: layout</h2>
 * <ul>
 *   <li>The x-axis spans the ridge points and the kernels with a decade's margin either side
 *       ({@code [min ÷ 10, max × 10]}), so no decade of the plot is empty but the margins.</li>
 *   <li>A dot's area is proportional to its share of the step's kernel time: radius
 *       {@code max(2.5, 20 × √share)} px, so a kernel that takes the whole step is 20 px and a negligible one still
 *       shows; a legend in the right margin reads the sizes.</li>
 *   <li>Labels are placed by {@link LabelLayout}, most time-consuming kernel first, never over another label, a
 *       dot or the plot's edge.</li>
 *   <li>The title and warnings wrap to the width (and shrink where a single word would not fit); the plot moves
 *       down by the lines they take.</li>
 * </ul>
 */
public final class RooflineSvg {
    private static final int WIDTH = 800;
    private static final int PLOT_HEIGHT = 450;
    private static final int LEFT = 90;
    private static final int RIGHT = 180;
    private static final int BOTTOM = 60;
    private static final int TITLE_X = 16;
    private static final double TITLE_SIZE = 15;
    private static final double WARNING_SIZE = 12;
    private static final double LABEL_SIZE = 11;
    /** Radius of a dot that takes the whole step, px. */
    private static final double FULL_RADIUS = 20;
    private static final double MIN_RADIUS = 2.5;
    private static final double[] LEGEND_SHARES = {0.5, 0.1, 0.01};

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
        for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
            maxPeak = Math.max(maxPeak, ceiling.flopsPerSecond());
            minPeak = Math.min(minPeak, ceiling.flopsPerSecond());
        }
        double leftmost = Double.MAX_VALUE;
        double rightmost = 0;
        for (RooflineChart.Slope slope : chart.slopes()) {
            for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
                double ridge = RooflineChart.ridgeFlopsPerByte(ceiling, slope);
                leftmost = Math.min(leftmost, ridge);
                rightmost = Math.max(rightmost, ridge);
            }
        }
        double yMin = minPeak / 1e4;
        for (RooflineChart.Point point : chart.points()) {
            leftmost = Math.min(leftmost, point.flopsPerByte());
            rightmost = Math.max(rightmost, point.flopsPerByte());
            yMin = Math.min(yMin, point.flopsPerSecond() / 2);
        }

        double textWidth = WIDTH - 2 * TITLE_X;
        int titleLines = Svg.lineCount(chart.title(), TITLE_SIZE, textWidth);
        int warningLines = 0;
        for (String warning : chart.warnings()) {
            warningLines += Svg.lineCount(warning, WARNING_SIZE, textWidth);
        }
        int top = 50 + (titleLines - 1) * 20 + warningLines * 16;
        int height = top + PLOT_HEIGHT + BOTTOM;
        Axes axes = new Axes(leftmost / 10, rightmost * 10, floorPow10(yMin), ceilPow10(maxPeak * 4), top, height);

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"roofline\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("  <title>").append(Svg.escape(chart.title())).append("</title>\n");
        svg.append("  <rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        double y = Svg.wrappedText(svg, "  ", "title", chart.title(), TITLE_X, 24, TITLE_SIZE, textWidth, "black");
        for (String warning : chart.warnings()) {
            y = Svg.wrappedText(svg, "  ", "warning", warning, TITLE_X, y + 16, WARNING_SIZE, textWidth, "#b00020");
        }
        gridAndLabels(svg, axes);
        LabelLayout labels = new LabelLayout(new LabelLayout.Box(LEFT, top, WIDTH - RIGHT, height - BOTTOM),
                LABEL_SIZE);
        for (RooflineChart.Slope slope : chart.slopes()) {
            for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
                double ridge = RooflineChart.ridgeFlopsPerByte(ceiling, slope);
                double startX = axes.xMin;
                double startY = startX * slope.bytesPerSecond();
                if (startY < axes.yMin) {
                    startX = axes.yMin / slope.bytesPerSecond();
                    startY = axes.yMin;
                }
                labels.blockLine(axes.x(startX), axes.y(startY), axes.x(ridge), axes.y(ceiling.flopsPerSecond()));
                svg.append("  <line class=\"slope\" data-tier=\"").append(Svg.escape(slope.name()))
                        .append("\" data-precision=\"").append(Svg.escape(ceiling.name())).append("\" x1=\"")
                        .append(Svg.number(axes.x(startX))).append("\" y1=\"").append(Svg.number(axes.y(startY)))
                        .append("\" x2=\"").append(Svg.number(axes.x(ridge))).append("\" y2=\"")
                        .append(Svg.number(axes.y(ceiling.flopsPerSecond())))
                        .append("\" stroke=\"#1f5fa8\" stroke-width=\"1.5\"/>\n");
                svg.append("  <circle class=\"ridge\" data-tier=\"").append(Svg.escape(slope.name()))
                        .append("\" data-precision=\"").append(Svg.escape(ceiling.name()))
                        .append("\" data-flops-per-byte=\"").append(Svg.number(ridge)).append("\" cx=\"")
                        .append(Svg.number(axes.x(ridge))).append("\" cy=\"")
                        .append(Svg.number(axes.y(ceiling.flopsPerSecond())))
                        .append("\" r=\"2.5\" fill=\"#1f5fa8\"/>\n");
            }
            // below the line, which rises to the right away from its label, a third of a decade in from its start
            double startX = Math.max(axes.xMin, axes.yMin / slope.bytesPerSecond());
            double labelX = startX * Math.pow(10, 0.33);
            double textX = axes.x(labelX) + 4;
            double baseline = axes.y(labelX * slope.bytesPerSecond()) + 14;
            String text = slope.name() + " " + quantity(slope.bytesPerSecond(), "B/s");
            labels.block(new LabelLayout.Box(textX, baseline - LABEL_SIZE, textX + Svg.width(text, LABEL_SIZE),
                    baseline + 3));
            svg.append("  <text class=\"slope-label\" x=\"").append(Svg.number(textX)).append("\" y=\"")
                    .append(Svg.number(baseline)).append("\" fill=\"#1f5fa8\">").append(Svg.escape(text))
                    .append("</text>\n");
        }
        for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
            double ridgeMin = Double.MAX_VALUE;
            for (RooflineChart.Slope slope : chart.slopes()) {
                ridgeMin = Math.min(ridgeMin, RooflineChart.ridgeFlopsPerByte(ceiling, slope));
            }
            labels.blockLine(axes.x(ridgeMin), axes.y(ceiling.flopsPerSecond()), axes.x(axes.xMax),
                    axes.y(ceiling.flopsPerSecond()));
            svg.append("  <line class=\"ceiling\" data-precision=\"").append(Svg.escape(ceiling.name()))
                    .append("\" x1=\"").append(Svg.number(axes.x(ridgeMin))).append("\" y1=\"")
                    .append(Svg.number(axes.y(ceiling.flopsPerSecond()))).append("\" x2=\"")
                    .append(Svg.number(axes.x(axes.xMax))).append("\" y2=\"")
                    .append(Svg.number(axes.y(ceiling.flopsPerSecond())))
                    .append("\" stroke=\"#b03030\" stroke-width=\"1.5\"/>\n");
            svg.append("  <text class=\"ceiling-label\" x=\"").append(Svg.number(axes.x(axes.xMax) + 6))
                    .append("\" y=\"").append(Svg.number(axes.y(ceiling.flopsPerSecond()) + 4))
                    .append("\" fill=\"#b03030\">").append(Svg.escape(ceiling.name())).append(' ')
                    .append(quantity(ceiling.flopsPerSecond(), "FLOP/s")).append("</text>\n");
        }
        kernels(svg, chart.points(), axes, labels);
        if (!chart.points().isEmpty()) {
            legend(svg, height);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Dots largest first (so small ones stay visible on top), then each label and its leader line. */
    private static void kernels(StringBuilder svg, List<RooflineChart.Point> points, Axes axes, LabelLayout labels) {
        List<RooflineChart.Point> bySize = new ArrayList<>(points);
        bySize.sort(Comparator.comparingDouble(RooflineChart.Point::shareOfStep).reversed());
        for (RooflineChart.Point point : bySize) {
            double x = axes.x(point.flopsPerByte());
            double y = axes.y(point.flopsPerSecond());
            double radius = radius(point.shareOfStep());
            labels.blockPoint(x, y, radius);
            svg.append("  <circle class=\"kernel\" data-label=\"").append(Svg.escape(point.label()))
                    .append("\" data-flops-per-byte=\"").append(Svg.number(point.flopsPerByte()))
                    .append("\" data-flops-per-second=\"").append(Svg.number(point.flopsPerSecond()))
                    .append("\" data-share=\"").append(String.format(Locale.ROOT, "%.4f", point.shareOfStep()))
                    .append("\" cx=\"").append(Svg.number(x)).append("\" cy=\"").append(Svg.number(y))
                    .append("\" r=\"").append(Svg.number(radius))
                    .append("\" fill=\"#e08a00\" fill-opacity=\"0.8\" stroke=\"white\" stroke-width=\"0.8\">")
                    .append("<title>").append(Svg.escape(point.label())).append(": ")
                    .append(String.format(Locale.ROOT, "%.1f%%", point.shareOfStep() * 100))
                    .append(" of the step's kernel time</title></circle>\n");
        }
        for (RooflineChart.Point point : bySize) {
            double x = axes.x(point.flopsPerByte());
            double y = axes.y(point.flopsPerSecond());
            LabelLayout.Placed placed = labels.place(x, y, radius(point.shareOfStep()), point.label());
            svg.append("  <line class=\"kernel-leader\" data-label=\"").append(Svg.escape(point.label()))
                    .append("\" x1=\"").append(Svg.number(placed.leaderX1())).append("\" y1=\"")
                    .append(Svg.number(placed.leaderY1())).append("\" x2=\"").append(Svg.number(placed.leaderX2()))
                    .append("\" y2=\"").append(Svg.number(placed.leaderY2()))
                    .append("\" stroke=\"#805000\" stroke-width=\"0.7\"/>\n");
            svg.append("  <text class=\"kernel-label\" x=\"").append(Svg.number(placed.textX())).append("\" y=\"")
                    .append(Svg.number(placed.baseline())).append("\" fill=\"#805000\">")
                    .append(Svg.escape(point.label())).append("</text>\n");
        }
    }

    /** Sample dots of 50%, 10% and 1% of the step's time, bottom right, beside the plot. */
    private static void legend(StringBuilder svg, int height) {
        double x = WIDTH - RIGHT + 16;
        double y = height - BOTTOM - 112;
        svg.append("  <g class=\"legend\">\n");
        svg.append("    <text x=\"").append(Svg.number(x)).append("\" y=\"").append(Svg.number(y))
                .append("\">dot area: share of</text>\n");
        svg.append("    <text x=\"").append(Svg.number(x)).append("\" y=\"").append(Svg.number(y + 14))
                .append("\">the step's kernel time</text>\n");
        double centreY = y + 24;
        for (double share : LEGEND_SHARES) {
            double radius = radius(share);
            centreY += Math.max(radius, 6) + 4;
            svg.append("    <circle cx=\"").append(Svg.number(x + FULL_RADIUS)).append("\" cy=\"")
                    .append(Svg.number(centreY)).append("\" r=\"").append(Svg.number(radius))
                    .append("\" fill=\"#e08a00\" fill-opacity=\"0.8\"/>\n");
            svg.append("    <text x=\"").append(Svg.number(x + 2 * FULL_RADIUS + 8)).append("\" y=\"")
                    .append(Svg.number(centreY + 4)).append("\">")
                    .append(String.format(Locale.ROOT, "%.0f%%", share * 100)).append("</text>\n");
            centreY += Math.max(radius, 6);
        }
        svg.append("  </g>\n");
    }

    /** Area proportional to the share, per the notes. */
    static double radius(double share) {
        return Math.max(MIN_RADIUS, FULL_RADIUS * Math.sqrt(share));
    }

    /** Formats with the same peak (bf16 and fp16, fp8 and int8) share one roof and one label: "bf16, fp16". */
    private static RooflineChart withEqualCeilingsMerged(RooflineChart chart) {
        Map<Double, String> byPeak = new LinkedHashMap<>();
        for (RooflineChart.Ceiling ceiling : chart.ceilings()) {
            byPeak.merge(ceiling.flopsPerSecond(), ceiling.name(), (a, b) -> a + ", " + b);
        }
        List<RooflineChart.Ceiling> merged = new ArrayList<>();
        byPeak.forEach((peak, names) -> merged.add(new RooflineChart.Ceiling(names, peak)));
        return new RooflineChart(chart.title(), merged, chart.slopes(), chart.points(), chart.warnings());
    }

    private static void gridAndLabels(StringBuilder svg, Axes axes) {
        // decades inside the range; the range itself need not start or end on one
        long lastDecade = (long) Math.floor(Math.log10(axes.xMax));
        for (long decade = (long) Math.ceil(Math.log10(axes.xMin)); decade <= lastDecade; decade++) {
            double x = Math.pow(10, decade);
            svg.append("  <line class=\"grid\" x1=\"").append(Svg.number(axes.x(x))).append("\" y1=\"")
                    .append(axes.top).append("\" x2=\"").append(Svg.number(axes.x(x))).append("\" y2=\"")
                    .append(axes.height - BOTTOM).append("\" stroke=\"#dddddd\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(Svg.number(axes.x(x))).append("\" y=\"")
                    .append(axes.height - BOTTOM + 16).append("\" text-anchor=\"middle\">").append(power(x))
                    .append("</text>\n");
        }
        for (double y = axes.yMin; y <= axes.yMax * 1.0001; y *= 10) {
            svg.append("  <line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.number(axes.y(y)))
                    .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(Svg.number(axes.y(y)))
                    .append("\" stroke=\"#dddddd\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(Svg.number(axes.y(y) + 4)).append("\" text-anchor=\"end\">").append(power(y))
                    .append("</text>\n");
        }
        svg.append("  <rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(axes.top)
                .append("\" width=\"").append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(PLOT_HEIGHT)
                .append("\" fill=\"none\" stroke=\"#bbbbbb\"/>\n");
        svg.append("  <text class=\"axis\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
                .append(axes.height - 20).append("\" text-anchor=\"middle\">arithmetic intensity (FLOP/byte)</text>\n");
        svg.append("  <text class=\"axis\" transform=\"translate(24 ").append(axes.top + PLOT_HEIGHT / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">throughput (FLOP/s)</text>\n");
    }

    private record Axes(double xMin, double xMax, double yMin, double yMax, int top, int height) {
        double x(double value) {
            return LEFT + (WIDTH - LEFT - RIGHT) * (Math.log10(value) - Math.log10(xMin))
                    / (Math.log10(xMax) - Math.log10(xMin));
        }

        double y(double value) {
            return height - BOTTOM - PLOT_HEIGHT * (Math.log10(value) - Math.log10(yMin))
                    / (Math.log10(yMax) - Math.log10(yMin));
        }
    }

    private static double floorPow10(double value) {
        return Math.pow(10, Math.floor(Math.log10(value)));
    }

    private static double ceilPow10(double value) {
        return Math.pow(10, Math.ceil(Math.log10(value)));
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
}
