package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A deployment's cost and power by pool: a table of chips × $/chip-hour and chips × W with each pool's share, and
 * the same as two stacked bars, so which pool the money and the energy go to reads at a glance.
 */
final class CostBreakdown {
    private static final String[] COLOURS = {"#1f5fa8", "#e08a00", "#3a9a5b", "#8a5cb8"};
    private static final int WIDTH = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int BAR = 22;

    private CostBreakdown() {
    }

    /**
     * @param html  where to write
     * @param pools the deployment's pools, in pipeline order
     */
    static void write(StringBuilder html, List<PoolCost> pools) {
        double usdPerHour = 0;
        double watts = 0;
        for (PoolCost pool : pools) {
            usdPerHour += pool.usdPerHour();
            watts += pool.watts();
        }
        List<Html.Row> rows = new ArrayList<>();
        for (PoolCost pool : pools) {
            rows.add(new Html.Row(null, List.of(Html.Cell.of(Words.role(pool.role())), Html.Cell.of(pool.hardware()),
                    Html.Cell.of(Words.status(pool.status())), Html.Cell.figure(String.valueOf(pool.chips())),
                    Html.Cell.figure(Words.number(pool.usdPerChipHour())),
                    Html.Cell.figure(Words.number(pool.usdPerHour())),
                    Html.Cell.figure(Words.percent(pool.usdPerHour() / usdPerHour)),
                    Html.Cell.figure(Words.number(pool.wattsPerChip())),
                    Html.Cell.figure(Words.number(pool.watts() / 1000)),
                    Html.Cell.figure(Words.percent(pool.watts() / watts)))));
        }
        int chips = pools.stream().mapToInt(PoolCost::chips).sum();
        rows.add(new Html.Row("total", List.of(Html.Cell.of("all pools"), Html.Cell.of(""), Html.Cell.of(""),
                Html.Cell.figure(String.valueOf(chips)), Html.Cell.of(""), Html.Cell.figure(Words.number(usdPerHour)),
                Html.Cell.figure("100%"), Html.Cell.of(""), Html.Cell.figure(Words.number(watts / 1000)),
                Html.Cell.figure("100%"))));
        Html.table(html, "breakdown", List.of("pool", "chip", "status", "chips", "$/chip-hour",
                "$/hour (chips × $/chip-hour)", "of cost", "W/chip", "kW (chips × W)", "of power"), rows);
        html.append(bars(pools, usdPerHour, watts));
    }

    /** Two stacked bars, cost and power, one segment per pool, with a key. */
    private static String bars(List<PoolCost> pools, double usdPerHour, double watts) {
        int height = 2 * (BAR + 14) + 40;
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart breakdown\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("  <title>cost and power by pool</title>\n");
        bar(svg, "$ per hour", 10, pools, usdPerHour, PoolCost::usdPerHour);
        bar(svg, "wall power", 10 + BAR + 14, pools, watts, PoolCost::watts);
        double at = LEFT;
        double keyY = 2 * (BAR + 14) + 22;
        for (int i = 0; i < pools.size(); i++) {
            String text = Words.role(pools.get(i).role()) + ": " + pools.get(i).hardware();
            svg.append("  <rect x=\"").append(Svg.number(at)).append("\" y=\"").append(Svg.number(keyY - 9))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(COLOURS[i % COLOURS.length])
                    .append("\"/>\n");
            svg.append("  <text x=\"").append(Svg.number(at + 14)).append("\" y=\"").append(Svg.number(keyY))
                    .append("\">").append(Svg.escape(text)).append("</text>\n");
            at += 14 + Svg.width(text, 11) + 18;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, String title, double top, List<PoolCost> pools, double total,
                            ToDoubleFunction<PoolCost> part) {
        svg.append("  <text x=\"").append(LEFT - 8).append("\" y=\"").append(Svg.number(top + BAR / 2.0 + 4))
                .append("\" text-anchor=\"end\">").append(Svg.escape(title)).append("</text>\n");
        double span = WIDTH - LEFT - RIGHT;
        double at = LEFT;
        for (int i = 0; i < pools.size(); i++) {
            double width = total > 0 ? span * part.applyAsDouble(pools.get(i)) / total : 0;
            svg.append("  <rect class=\"segment\" data-pool=\"").append(Words.role(pools.get(i).role()))
                    .append("\" x=\"").append(Svg.number(at)).append("\" y=\"").append(Svg.number(top))
                    .append("\" width=\"").append(Svg.number(width)).append("\" height=\"").append(BAR)
                    .append("\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"><title>")
                    .append(Svg.escape(Words.role(pools.get(i).role()) + " " + pools.get(i).hardware() + ": "
                            + Words.percent(total > 0 ? part.applyAsDouble(pools.get(i)) / total : 0)))
                    .append("</title></rect>\n");
            at += width;
        }
    }
}
