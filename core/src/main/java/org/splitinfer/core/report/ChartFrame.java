package org.splitinfer.core.report;

import java.util.function.DoubleFunction;

/**
 * The frame of an x-y chart: the plot's border, a grid line and a label at each tick, and the axes' titles. The
 * plot's edges come from the axes' pixel spans.
 */
final class ChartFrame {
    private ChartFrame() {
    }

    /**
     * @param svg    where to write
     * @param x      the x-axis (its pixels run left to right)
     * @param y      the y-axis (its pixels run bottom to top)
     * @param xTitle the x-axis's title, under the tick labels
     * @param yTitle the y-axis's title, turned along the left edge
     * @param xTick  how an x tick reads
     * @param yTick  how a y tick reads
     */
    static void draw(StringBuilder svg, ChartAxis x, ChartAxis y, String xTitle, String yTitle,
                     DoubleFunction<String> xTick, DoubleFunction<String> yTick) {
        double left = x.fromPixel();
        double right = x.toPixel();
        double bottom = y.fromPixel();
        double top = y.toPixel();
        for (double tick : x.ticks()) {
            double at = x.pixel(tick);
            svg.append("  <line class=\"grid\" x1=\"").append(Svg.number(at)).append("\" y1=\"")
                    .append(Svg.number(top)).append("\" x2=\"").append(Svg.number(at)).append("\" y2=\"")
                    .append(Svg.number(bottom)).append("\" stroke=\"#e4e4e4\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(Svg.number(at)).append("\" y=\"")
                    .append(Svg.number(bottom + 15)).append("\" text-anchor=\"middle\">")
                    .append(Svg.escape(xTick.apply(tick))).append("</text>\n");
        }
        for (double tick : y.ticks()) {
            double at = y.pixel(tick);
            svg.append("  <line class=\"grid\" x1=\"").append(Svg.number(left)).append("\" y1=\"")
                    .append(Svg.number(at)).append("\" x2=\"").append(Svg.number(right)).append("\" y2=\"")
                    .append(Svg.number(at)).append("\" stroke=\"#e4e4e4\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(Svg.number(left - 6)).append("\" y=\"")
                    .append(Svg.number(at + 4)).append("\" text-anchor=\"end\">").append(Svg.escape(yTick.apply(tick)))
                    .append("</text>\n");
        }
        svg.append("  <rect class=\"frame\" x=\"").append(Svg.number(left)).append("\" y=\"").append(Svg.number(top))
                .append("\" width=\"").append(Svg.number(right - left)).append("\" height=\"")
                .append(Svg.number(bottom - top)).append("\" fill=\"none\" stroke=\"#bbbbbb\"/>\n");
        svg.append("  <text class=\"axis\" x=\"").append(Svg.number((left + right) / 2)).append("\" y=\"")
                .append(Svg.number(bottom + 36)).append("\" text-anchor=\"middle\">").append(Svg.escape(xTitle))
                .append(x.log() ? " (log scale)" : "").append("</text>\n");
        svg.append("  <text class=\"axis\" transform=\"translate(16 ").append(Svg.number((top + bottom) / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Svg.escape(yTitle))
                .append(y.log() ? " (log scale)" : "").append("</text>\n");
    }
}
