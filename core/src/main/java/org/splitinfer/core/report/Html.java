package org.splitinfer.core.report;

import java.util.List;

/**
 * The page every HTML report is: one self-contained file with its style inline and its charts as inline SVG, so it
 * opens offline and asks nothing of the network (no fonts, scripts, styles or images from elsewhere; the system's
 * sans-serif face). Output is byte-stable: no time stamps, no generated ids.
 */
final class Html {
    /** The style of every report: readable tables, charts side by side where the page is wide enough. */
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; color: #222; margin: 2rem auto; max-width: 1320px;
                   padding: 0 1rem; line-height: 1.4; }
            h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
            h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
            h3 { font-size: 1rem; margin-bottom: 0.3rem; }
            p.lead { margin-top: 0.2rem; color: #444; }
            p.verdict { font-size: 1.05rem; padding: 0.6rem 0.8rem; background: #f3f7fc;
                        border-left: 4px solid #1f5fa8; }
            p.verdict.problem { background: #fdf0f2; border-left-color: #b00020; }
            p.note { color: #555; font-size: 0.85rem; margin-top: 0.3rem; }
            div.scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 0.85rem; margin: 0.4rem 0; }
            th, td { padding: 0.25rem 0.55rem; border-bottom: 1px solid #e6e6e6; text-align: left;
                     white-space: nowrap; vertical-align: top; }
            th { background: #f5f5f5; font-weight: 600; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            tr.winner td { background: #fff1d0; }
            tr.front td:first-child { font-weight: 700; }
            tr.total td { font-weight: 600; border-top: 1px solid #999; }
            td.problem { color: #b00020; white-space: normal; }
            table.candidates { font-size: 0.8rem; }
            table.candidates th, table.candidates td { padding: 0.25rem 0.4rem; }
            table.candidates td { white-space: normal; }
            table.candidates td.number { white-space: nowrap; }
            table.candidates td:last-child { min-width: 13rem; }
            div.charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
            figure { margin: 0.5rem 0; }
            figcaption { color: #555; font-size: 0.85rem; max-width: 800px; }
            svg { max-width: 100%; height: auto; }
            ul.assumptions li, ul.chips li { margin: 0.2rem 0; }
            span.tag { font-size: 0.75rem; padding: 0 0.35rem; border-radius: 3px; background: #eee; }
            span.tag.announced, span.tag.projected { background: #fde8c8; }
            """;

    private Html() {
    }

    /**
     * @param title the page's title
     * @param body  the page's body, already HTML
     * @return the whole document
     */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    /**
     * @param text any text
     * @return it safe inside an element or a quoted attribute
     */
    static String escape(String text) {
        return Svg.escape(text);
    }

    /**
     * A cell of a table.
     *
     * @param text     the cell's text, not yet escaped
     * @param cssClass {@code number} for a figure (set right), {@code problem} for an error, or null
     */
    record Cell(String text, String cssClass) {
        static Cell of(String text) {
            return new Cell(text, null);
        }

        static Cell figure(String text) {
            return new Cell(text, "number");
        }

        static Cell problem(String text) {
            return new Cell(text, "problem");
        }
    }

    /**
     * A row of a table.
     *
     * @param cssClass the row's class, or null
     * @param cells    its cells
     */
    record Row(String cssClass, List<Cell> cells) {
    }

    /**
     * @param html     where to write
     * @param cssClass the table's class
     * @param headers  column headings
     * @param rows     the rows
     */
    static void table(StringBuilder html, String cssClass, List<String> headers, List<Row> rows) {
        html.append("<div class=\"scroll\"><table class=\"").append(cssClass).append("\">\n<thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append(row.cssClass() == null ? "<tr>" : "<tr class=\"" + row.cssClass() + "\">");
            for (Cell cell : row.cells()) {
                html.append(cell.cssClass() == null ? "<td>" : "<td class=\"" + cell.cssClass() + "\">")
                        .append(escape(cell.text())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }
}
