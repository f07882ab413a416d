package org.splitinfer.core.report;

import java.util.List;
import java.util.Locale;
import org.splitinfer.core.sim.Percentiles;

/**
 * A latency's distribution as SVG: the share of requests (y) served within a time (x), drawn through the 0th to
 * 100th percentiles a simulation measured, with the objective's limit and the share that must meet it, so the
 * curve crossing left of the limit above the share is a pass at a glance.
 *
 * <h2>Notes</h2>
 * The x-axis runs from 0 to past the 99th percentile or the limit, whichever is later; a longer tail is drawn to the
 * edge and its longest value named in a note, so one straggler does not squash the distribution into the left
 * edge. The 50th, 90th and 99th percentiles are marked and labelled.
 */
final class CdfChart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 370;
    private static final int LEFT = 76;
    private static final int RIGHT = 22;
    private static final int TOP = 40;
    private static final int BOTTOM = 52;
    private static final int[] MARKED = {50, 90, 99};

    private CdfChart() {
    }

    /**
     * @param cssClass     the svg's class after {@code chart cdf}, e.g. {@code ttft}
     * @param title        the plot's title
     * @param xTitle       the x-axis's title
     * @param distribution the measured percentiles; empty quantiles draw a note instead of a curve
     * @param limitSeconds the objective's limit
     * @param attainment   the share of requests that must meet it
     * @return the SVG element
     */
    static String render(String cssClass, String title, String xTitle, Percentiles distribution,
                         double limitSeconds, double attainment) {
        List<Double> quantiles = distribution.quantiles();
        double high = limitSeconds;
        if (quantiles.size() == 101) {
            high = Math.max(high, quantiles.get(99));
        }
        ChartAxis x = ChartAxis.linear(0, high * 1.08, LEFT, WIDTH - RIGHT);
        ChartAxis y = ChartAxis.linear(0, 1, HEIGHT - BOTTOM, TOP);

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart cdf ").append(cssClass)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("  <title>").append(Svg.escape(title)).append("</title>\n");
        svg.append("  <rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("  <text class=\"title\" x=\"12\" y=\"20\" font-size=\"14\">").append(Svg.escape(title))
                .append("</text>\n");
        ChartFrame.draw(svg, x, y, xTitle, "share of requests", Words::seconds,
                share -> String.format(Locale.ROOT, "%.0f%%", share * 100));
        LabelLayout labels = new LabelLayout(new LabelLayout.Box(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM), 11);

        double limitX = x.pixel(limitSeconds);
        double shareY = y.pixel(attainment);
        labels.blockLine(limitX, TOP, limitX, HEIGHT - BOTTOM);
        labels.blockLine(LEFT, shareY, WIDTH - RIGHT, shareY);
        svg.append("  <line class=\"limit\" x1=\"").append(Svg.number(limitX)).append("\" y1=\"").append(TOP)
                .append("\" x2=\"").append(Svg.number(limitX)).append("\" y2=\"").append(HEIGHT - BOTTOM)
                .append("\" stroke=\"#b00020\" stroke-dasharray=\"5 4\"/>\n");
        svg.append("  <line class=\"attainment\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.number(shareY))
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(Svg.number(shareY))
                .append("\" stroke=\"#777777\" stroke-dasharray=\"2 3\"/>\n");
        String limitText = "SLO " + Words.seconds(limitSeconds);
        double limitWidth = Svg.width(limitText, 11);
        double limitTextX = limitX + 4 + limitWidth <= WIDTH - RIGHT ? limitX + 4 : limitX - 4 - limitWidth;
        double limitBaseline = HEIGHT - BOTTOM - 6;
        labels.block(new LabelLayout.Box(limitTextX, limitBaseline - 11, limitTextX + limitWidth, limitBaseline + 3));
        svg.append("  <text class=\"limit-label\" x=\"").append(Svg.number(limitTextX)).append("\" y=\"")
                .append(Svg.number(limitBaseline)).append("\" fill=\"#b00020\">").append(Svg.escape(limitText))
                .append("</text>\n");
        String shareText = Words.percent(attainment) + " must meet it";
        double shareBaseline = shareY + 14;
        double shareWidth = Svg.width(shareText, 11);
        labels.block(new LabelLayout.Box(LEFT + 4, shareBaseline - 11, LEFT + 4 + shareWidth, shareBaseline + 3));
        svg.append("  <text class=\"attainment-label\" x=\"").append(LEFT + 4).append("\" y=\"")
                .append(Svg.number(shareBaseline)).append("\" fill=\"#555555\">").append(Svg.escape(shareText))
                .append("</text>\n");

        if (quantiles.size() != 101) {
            svg.append("  <text class=\"note\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
                    .append((TOP + HEIGHT - BOTTOM) / 2).append("\" text-anchor=\"middle\">no requests measured")
                    .append("</text>\n</svg>\n");
            return svg.toString();
        }
        svg.append("  <polyline class=\"cdf-line\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"");
        double previousX = 0;
        double previousY = 0;
        for (int percent = 0; percent <= 100; percent++) {
            double px = x.pixel(quantiles.get(percent));
            double py = y.pixel(percent / 100.0);
            if (percent > 0) {
                svg.append(' ');
                labels.blockLine(previousX, previousY, px, py);
            }
            svg.append(Svg.number(px)).append(',').append(Svg.number(py));
            previousX = px;
            previousY = py;
        }
        svg.append("\"/>\n");
        for (int percent : MARKED) {
            double px = x.pixel(quantiles.get(percent));
            double py = y.pixel(percent / 100.0);
            labels.blockPoint(px, py, 3.5);
            svg.append("  <circle class=\"percentile\" data-percent=\"").append(percent).append("\" cx=\"")
                    .append(Svg.number(px)).append("\" cy=\"").append(Svg.number(py))
                    .append("\" r=\"3.5\" fill=\"#1f5fa8\"/>\n");
        }
        for (int percent : MARKED) {
            double px = x.pixel(quantiles.get(percent));
            double py = y.pixel(percent / 100.0);
            String text = "p" + percent + " " + Words.seconds(quantiles.get(percent));
            LabelLayout.Placed placed = labels.place(px, py, 3.5, text);
            svg.append("  <line class=\"percentile-leader\" x1=\"").append(Svg.number(placed.leaderX1()))
                    .append("\" y1=\"").append(Svg.number(placed.leaderY1())).append("\" x2=\"")
                    .append(Svg.number(placed.leaderX2())).append("\" y2=\"").append(Svg.number(placed.leaderY2()))
                    .append("\" stroke=\"#555555\" stroke-width=\"0.7\"/>\n");
            svg.append("  <text class=\"percentile-label\" x=\"").append(Svg.number(placed.textX())).append("\" y=\"")
                    .append(Svg.number(placed.baseline())).append("\">").append(Svg.escape(text)).append("</text>\n");
        }
        double longest = quantiles.get(100);
        if (longest > x.max()) {
            svg.append("  <text class=\"note\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 6)
                    .append("\" text-anchor=\"end\" fill=\"#555555\">longest ").append(Svg.escape(Words.seconds(longest)))
                    .append(", past the edge</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }
}
