package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.splitinfer.core.band.Band;

/**
 * A scatter plot as SVG: deployments as marks on two figures, in four styles (the caller says what each means),
 * the chosen ones labelled with leader lines, and an optional limit drawn across (an SLO).
 *
 * <h2>Notes</h2>
 * Each axis is linear, or logarithmic when its values span more than a factor of {@link ChartAxis#LOG_RATIO}; a
 * linear one is padded by 5% of its range so no mark sits on the frame. Marks are drawn plain first and best last,
 * so the marks that matter are never hidden. Marks with a figure that is not finite, or not positive on a log axis,
 * are left out and counted in a note under the plot. A predicted mark may carry its error bands
 * ({@link org.splitinfer.core.band.BandMethod}): drawn as error bars, under the marks, and within the axes' range.
 */
final class ScatterChart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 410;
    private static final int LEFT = 76;
    private static final int RIGHT = 22;
    private static final int TOP = 66;
    private static final int BOTTOM = 52;

    private ScatterChart() {
    }

    /** How a mark is drawn, from least to most prominent (the order they are drawn in). */
    enum Style {
        /** Hollow grey: e.g. estimated only. */
        PLAIN("#ffffff", "#8a8a8a", 4),
        /** Filled light blue: e.g. simulated. */
        MEASURED("#9bb7dc", "#5b7fb0", 5),
        /** Filled dark blue: e.g. on the Pareto front. */
        HIGHLIGHT("#1f5fa8", "#0d3a70", 6),
        /** Filled orange, large: e.g. the winner. */
        BEST("#e08a00", "#7a4a00", 8.5);

        private final String fill;
        private final String stroke;
        private final double radius;

        Style(String fill, String stroke, double radius) {
            this.fill = fill;
            this.stroke = stroke;
            this.radius = radius;
        }

        String cssClass() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One mark.
     *
     * @param label   its label on the plot, or null for none
     * @param tooltip what a pointer over it shows
     * @param x       its x figure
     * @param y       its y figure
     * @param style   how it is drawn
     * @param xBand   the band of its x figure, or null for none
     * @param yBand   the band of its y figure, or null for none
     */
    record Mark(String label, String tooltip, double x, double y, Style style, Band xBand, Band yBand) {
        /**
         * A mark without error bars.
         *
         * @param label   its label, or null
         * @param tooltip what a pointer over it shows
         * @param x       its x figure
         * @param y       its y figure
         * @param style   how it is drawn
         */
        Mark(String label, String tooltip, double x, double y, Style style) {
            this(label, tooltip, x, y, style, null, null);
        }

        /** @return x and the ends of its band */
        double[] xExtent() {
            return xBand == null ? new double[] {x} : new double[] {x, xBand.low(), xBand.high()};
        }

        /** @return y and the ends of its band */
        double[] yExtent() {
            return yBand == null ? new double[] {y} : new double[] {y, yBand.low(), yBand.high()};
        }
    }

    /**
     * What a style means, for the legend.
     *
     * @param style a style
     * @param text  its meaning
     */
    record Legend(Style style, String text) {
    }

    /**
     * A vertical line across the plot.
     *
     * @param x     where
     * @param label what it is, e.g. {@code SLO 1.00 s}
     */
    record Limit(double x, String label) {
    }

    /**
     * @param cssClass the svg's class after {@code chart}, e.g. {@code pareto-cost}
     * @param title    the plot's title
     * @param xTitle   the x-axis's title
     * @param yTitle   the y-axis's title
     * @param marks    the marks
     * @param legend   the styles in use and their meaning, in the order to list them
     * @param limit    a vertical line, if any
     * @param xTick    how an x tick reads
     * @param yTick    how a y tick reads
     * @return the SVG element
     */
    static String render(String cssClass, String title, String xTitle, String yTitle, List<Mark> marks,
                         List<Legend> legend, Optional<Limit> limit, DoubleFunction<String> xTick,
                         DoubleFunction<String> yTick) {
        List<Mark> shown = new ArrayList<>();
        for (Mark mark : marks) {
            if (Double.isFinite(mark.x()) && Double.isFinite(mark.y())) {
                shown.add(mark);
            }
        }
        // the axes hold the bands' ends too, so no error bar leaves the frame
        ChartAxis x = axis(shown.stream().flatMapToDouble(m -> Arrays.stream(m.xExtent())).toArray(),
                limit.map(Limit::x), LEFT, WIDTH - RIGHT);
        ChartAxis y = axis(shown.stream().flatMapToDouble(m -> Arrays.stream(m.yExtent())).toArray(),
                Optional.empty(), HEIGHT - BOTTOM, TOP);
        shown.removeIf(mark -> x.log() && mark.x() <= 0 || y.log() && mark.y() <= 0);
        int leftOut = marks.size() - shown.size();

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(cssClass)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("  <title>").append(Svg.escape(title)).append("</title>\n");
        svg.append("  <rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("  <text class=\"title\" x=\"12\" y=\"20\" font-size=\"14\">").append(Svg.escape(title))
                .append("</text>\n");
        legend(svg, legend);
        ChartFrame.draw(svg, x, y, xTitle, yTitle, xTick, yTick);
        LabelLayout labels = new LabelLayout(new LabelLayout.Box(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM), 11);
        if (limit.isPresent()) {
            double at = x.pixel(limit.get().x());
            labels.blockLine(at, TOP, at, HEIGHT - BOTTOM);
            svg.append("  <line class=\"limit\" x1=\"").append(Svg.number(at)).append("\" y1=\"").append(TOP)
                    .append("\" x2=\"").append(Svg.number(at)).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#b00020\" stroke-dasharray=\"5 4\"/>\n");
            String text = limit.get().label();
            double width = Svg.width(text, 11);
            // inside the plot at its top, on whichever side of the line has room
            double textX = at + 4 + width <= WIDTH - RIGHT ? at + 4 : at - 4 - width;
            labels.block(new LabelLayout.Box(textX, TOP + 2, textX + width, TOP + 17));
            svg.append("  <text class=\"limit-label\" x=\"").append(Svg.number(textX)).append("\" y=\"")
                    .append(TOP + 13).append("\" fill=\"#b00020\">").append(Svg.escape(text)).append("</text>\n");
        }
        List<Mark> byStyle = new ArrayList<>(shown);
        byStyle.sort(Comparator.comparing(Mark::style));
        for (Mark mark : byStyle) {
            errorBars(svg, mark, x, y);
        }
        for (Mark mark : byStyle) {
            double px = x.pixel(mark.x());
            double py = y.pixel(mark.y());
            labels.blockPoint(px, py, mark.style().radius);
            svg.append("  <circle class=\"mark ").append(mark.style().cssClass()).append("\" cx=\"")
                    .append(Svg.number(px)).append("\" cy=\"").append(Svg.number(py)).append("\" r=\"")
                    .append(Svg.compact(mark.style().radius)).append("\" fill=\"").append(mark.style().fill)
                    .append("\" stroke=\"").append(mark.style().stroke).append("\" stroke-width=\"1.2\"><title>")
                    .append(Svg.escape(mark.tooltip())).append("</title></circle>\n");
        }
        // labels of the most prominent marks first: they get the nearest spots
        for (int i = byStyle.size() - 1; i >= 0; i--) {
            Mark mark = byStyle.get(i);
            if (mark.label() == null) {
                continue;
            }
            double px = x.pixel(mark.x());
            double py = y.pixel(mark.y());
            LabelLayout.Placed placed = labels.place(px, py, mark.style().radius, mark.label());
            svg.append("  <line class=\"mark-leader\" x1=\"").append(Svg.number(placed.leaderX1())).append("\" y1=\"")
                    .append(Svg.number(placed.leaderY1())).append("\" x2=\"").append(Svg.number(placed.leaderX2()))
                    .append("\" y2=\"").append(Svg.number(placed.leaderY2()))
                    .append("\" stroke=\"#555555\" stroke-width=\"0.7\"/>\n");
            svg.append("  <text class=\"mark-label\" x=\"").append(Svg.number(placed.textX())).append("\" y=\"")
                    .append(Svg.number(placed.baseline())).append("\">").append(Svg.escape(mark.label()))
                    .append("</text>\n");
        }
        if (leftOut > 0) {
            svg.append("  <text class=\"note\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 6)
                    .append("\" text-anchor=\"end\" fill=\"#555555\">").append(leftOut)
                    .append(leftOut == 1 ? " deployment" : " deployments").append(" without a figure here")
                    .append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A mark's bands as bars with end caps, in its stroke colour; drawn before any mark so none hides one. */
    private static void errorBars(StringBuilder svg, Mark mark, ChartAxis x, ChartAxis y) {
        double px = x.pixel(mark.x());
        double py = y.pixel(mark.y());
        double cap = 3;
        if (mark.xBand() != null) {
            double from = x.pixel(mark.xBand().low());
            double to = x.pixel(mark.xBand().high());
            svg.append("  <path class=\"error-bar x\" d=\"M").append(Svg.number(from)).append(' ')
                    .append(Svg.number(py)).append('H').append(Svg.number(to)).append('M').append(Svg.number(from))
                    .append(' ').append(Svg.number(py - cap)).append('v').append(Svg.compact(2 * cap)).append('M')
                    .append(Svg.number(to)).append(' ').append(Svg.number(py - cap)).append('v')
                    .append(Svg.compact(2 * cap)).append("\" stroke=\"").append(mark.style().stroke)
                    .append("\" stroke-width=\"1\" fill=\"none\"/>\n");
        }
        if (mark.yBand() != null) {
            double from = y.pixel(mark.yBand().low());
            double to = y.pixel(mark.yBand().high());
            svg.append("  <path class=\"error-bar y\" d=\"M").append(Svg.number(px)).append(' ')
                    .append(Svg.number(from)).append('V').append(Svg.number(to)).append('M')
                    .append(Svg.number(px - cap)).append(' ').append(Svg.number(from)).append('h')
                    .append(Svg.compact(2 * cap)).append('M').append(Svg.number(px - cap)).append(' ')
                    .append(Svg.number(to)).append('h').append(Svg.compact(2 * cap)).append("\" stroke=\"")
                    .append(mark.style().stroke).append("\" stroke-width=\"1\" fill=\"none\"/>\n");
        }
    }

    /** A row of sample marks under the title. */
    private static void legend(StringBuilder svg, List<Legend> legend) {
        double at = 12;
        svg.append("  <g class=\"legend\">\n");
        for (Legend entry : legend) {
            Style style = entry.style();
            svg.append("    <circle cx=\"").append(Svg.number(at + 8)).append("\" cy=\"38\" r=\"")
                    .append(Svg.compact(Math.min(style.radius, 6))).append("\" fill=\"").append(style.fill)
                    .append("\" stroke=\"").append(style.stroke).append("\" stroke-width=\"1.2\"/>\n");
            svg.append("    <text x=\"").append(Svg.number(at + 18)).append("\" y=\"42\">")
                    .append(Svg.escape(entry.text())).append("</text>\n");
            at += 18 + Svg.width(entry.text(), 11) + 16;
        }
        svg.append("  </g>\n");
    }

    private static ChartAxis axis(double[] values, Optional<Double> also, double fromPixel, double toPixel) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (double value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        if (also.isPresent()) {
            low = Math.min(low, also.get());
            high = Math.max(high, also.get());
        }
        if (low > high) {
            return ChartAxis.linear(0, 1, fromPixel, toPixel);
        }
        if (low > 0 && high / low > ChartAxis.LOG_RATIO) {
            return ChartAxis.logarithmic(low, high, fromPixel, toPixel);
        }
        double pad = (high - low) * 0.05;
        return ChartAxis.linear(low >= 0 ? Math.max(0, low - pad) : low - pad, high + pad, fromPixel, toPixel);
    }
}
