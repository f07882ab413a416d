package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.sensitivity.Elasticity;
import org.splitinfer.core.sensitivity.SensitivityReport;

/**
 * The HTML page of {@code sensitivity}: a tornado chart of the parameters that move the metric most (each bar spans
 * the metric's relative change from the low to the high value of its parameter) and the ranked table of every
 * parameter, infeasible perturbations with their reason.
 *
 * @since 0.2
 */
public final class SensitivityPage {
    /** Bars the tornado draws at most; the table lists every parameter. */
    static final int MAX_BARS = 20;

    private SensitivityPage() {
    }

    /**
     * @param title  what was analysed, e.g. the model and the deployment
     * @param report the analysis
     * @return the whole page
     */
    public static String render(String title, SensitivityReport report) {
        StringBuilder body = new StringBuilder(16384);
        body.append("<h1>SplitInfer sensitivity: ").append(Html.escape(title)).append("</h1>\n");
        body.append("<p class=\"lead\">").append(Html.escape(String.format(Locale.ROOT, "%s = %s at the base values;"
                        + " each parameter moved by ±%s%% with the rest held; elasticity = relative change of the"
                        + " metric ÷ relative change of the parameter (central difference)", report.metric().jsonName(),
                Words.number(report.baseMetric()), Words.number(report.step() * 100)))).append("</p>\n");
        body.append("<section id=\"tornado\">\n<h2>Tornado</h2>\n<figure>\n");
        body.append(tornado(report));
        body.append("<figcaption>").append(Html.escape("Change of " + report.metric().jsonName() + " when each"
                + " parameter is at its low (light) and high (dark) value; the " + MAX_BARS + " largest elasticities."))
                .append("</figcaption>\n</figure>\n</section>\n");
        body.append("<section id=\"ranked\">\n<h2>Every parameter</h2>\n");
        List<Html.Row> rows = new ArrayList<>();
        int rank = 1;
        for (Elasticity e : report.ranked()) {
            List<Html.Cell> cells = new ArrayList<>();
            cells.add(Html.Cell.figure(String.valueOf(rank++)));
            cells.add(Html.Cell.of(e.subject()));
            cells.add(Html.Cell.of(e.parameter()));
            cells.add(Html.Cell.figure(Words.number(e.baseValue())));
            cells.add(Html.Cell.figure(e.metricLow().isPresent() ? Words.number(e.metricLow().getAsDouble())
                    : "infeasible"));
            cells.add(Html.Cell.figure(e.metricHigh().isPresent() ? Words.number(e.metricHigh().getAsDouble())
                    : "infeasible"));
            cells.add(Html.Cell.figure(e.elasticity().isPresent()
                    ? String.format(Locale.ROOT, "%+.3f", e.elasticity().getAsDouble()) : "-"));
            cells.add(e.note() == null ? Html.Cell.of("") : Html.Cell.problem(e.note()));
            rows.add(new Html.Row(null, cells));
        }
        Html.table(body, "ranked", List.of("#", "of", "parameter", "base value", "metric at low",
                "metric at high", "elasticity", "note"), rows);
        body.append("</section>\n");
        return Html.page("SplitInfer sensitivity: " + title, body.toString());
    }

    /** The tornado as inline SVG: one bar per parameter, centred on the base metric. */
    static String tornado(SensitivityReport report) {
        List<Elasticity> bars = report.ranked().stream().filter(e -> e.elasticity().isPresent())
                .limit(MAX_BARS).toList();
        double labelWidth = 320;
        double plotWidth = 480;
        double rowHeight = 22;
        double top = 30;
        double height = top + rowHeight * Math.max(1, bars.size()) + 30;
        double extent = 1e-12;
        for (Elasticity e : bars) {
            extent = Math.max(extent, Math.abs(change(e.metricLow().orElse(report.baseMetric()), report)));
            extent = Math.max(extent, Math.abs(change(e.metricHigh().orElse(report.baseMetric()), report)));
        }
        double centre = labelWidth + plotWidth / 2;
        double scale = (plotWidth / 2 - 10) / extent;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(Svg.number(labelWidth + plotWidth + 20)).append(' ').append(Svg.number(height))
                .append("\" width=\"").append(Svg.number(labelWidth + plotWidth + 20)).append("\" height=\"")
                .append(Svg.number(height)).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(Svg.escape("Tornado of " + report.metric().jsonName())).append("</title>\n");
        svg.append("<text x=\"").append(Svg.number(centre)).append("\" y=\"16\" text-anchor=\"middle\">")
                .append(Svg.escape(report.metric().jsonName() + " " + Words.number(report.baseMetric())))
                .append("</text>\n");
        for (int i = 0; i < bars.size(); i++) {
            Elasticity e = bars.get(i);
            double y = top + i * rowHeight;
            svg.append("<text x=\"").append(Svg.number(labelWidth - 8)).append("\" y=\"")
                    .append(Svg.number(y + rowHeight * 0.65)).append("\" text-anchor=\"end\">")
                    .append(Svg.escape(shorten(e.label(), labelWidth, 12) + String.format(Locale.ROOT, " (%+.2f)",
                            e.elasticity().getAsDouble()))).append("</text>\n");
            bar(svg, centre, scale, y, rowHeight, change(e.metricLow().orElse(report.baseMetric()), report),
                    "#9ec3e6", "low " + Words.number(e.lowValue()));
            bar(svg, centre, scale, y, rowHeight, change(e.metricHigh().orElse(report.baseMetric()), report),
                    "#1f5fa8", "high " + Words.number(e.highValue()));
        }
        svg.append("<line x1=\"").append(Svg.number(centre)).append("\" y1=\"").append(Svg.number(top - 4))
                .append("\" x2=\"").append(Svg.number(centre)).append("\" y2=\"")
                .append(Svg.number(height - 26)).append("\" stroke=\"#333\"/>\n");
        svg.append("<text x=\"").append(Svg.number(centre - plotWidth / 2 + 10)).append("\" y=\"")
                .append(Svg.number(height - 8)).append("\">").append(Svg.escape(String.format(Locale.ROOT, "%+.1f%%",
                        -extent * 100))).append("</text>\n");
        svg.append("<text x=\"").append(Svg.number(centre + plotWidth / 2 - 10)).append("\" y=\"")
                .append(Svg.number(height - 8)).append("\" text-anchor=\"end\">").append(Svg.escape(
                        String.format(Locale.ROOT, "%+.1f%%", extent * 100))).append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double change(double metric, SensitivityReport report) {
        return report.baseMetric() == 0 ? 0 : metric / report.baseMetric() - 1;
    }

    private static void bar(StringBuilder svg, double centre, double scale, double y, double rowHeight, double change,
                            String colour, String title) {
        double x = change < 0 ? centre + change * scale : centre;
        svg.append("<rect x=\"").append(Svg.number(x)).append("\" y=\"").append(Svg.number(y + 3))
                .append("\" width=\"").append(Svg.number(Math.abs(change) * scale)).append("\" height=\"")
                .append(Svg.number(rowHeight - 6)).append("\" fill=\"").append(colour).append("\"><title>")
                .append(Svg.escape(title + String.format(Locale.ROOT, ": %+.2f%%", change * 100)))
                .append("</title></rect>\n");
    }

    private static String shorten(String label, double width, double fontSize) {
        int max = (int) (width / (Svg.CHARACTER_WIDTH_EM * fontSize)) - 10;
        return label.length() <= max ? label : label.substring(0, Math.max(1, max - 1)) + "…";
    }
}
