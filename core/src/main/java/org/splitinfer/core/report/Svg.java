package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every generated SVG and HTML page shares: escaping, coordinates in {@link Locale#ROOT} with two decimals (so
 * output is byte-stable), and text measured before it is drawn.
 *
 * <h2>Notes: measuring text without a font</h2>
 * The renderer has no font metrics, so it bounds a label's width by {@code characters × 0.56 × font size}. Drawn by
 * Chromium in DejaVu Sans (Debian's sans-serif), the kernel names and titles here take 0.45 to 0.5 em a character
 * (a lower-case letter 0.28 to 0.97 em, an underscore 0.5, a digit 0.64); 0.56 leaves room for runs of digits and
 * capitals. The browser test of the report checks the drawn boxes of every label against each other and the page.
 */
final class Svg {
    /** Width of one character as a share of the font size; see the notes. */
    static final double CHARACTER_WIDTH_EM = 0.56;

    private Svg() {
    }

    /**
     * @param value a coordinate or figure
     * @return it with two decimals, e.g. {@code 90.00}
     */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * @param value a size
     * @return it without a trailing {@code .0}, e.g. {@code 15} or {@code 13.5}
     */
    static String compact(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * @param text any text
     * @return it safe inside an element or a quoted attribute
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * @param text     a label
     * @param fontSize its font size, px
     * @return an upper bound of its width, px, per the notes
     */
    static double width(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * CHARACTER_WIDTH_EM * fontSize;
    }

    /**
     * Breaks text into lines no wider than {@code width}, at spaces; a word longer than a line stays whole on a line
     * of its own (the caller shrinks the font for it, see {@link #fittingFontSize}).
     *
     * @param text     the text
     * @param fontSize its font size, px
     * @param width    the room, px
     * @return the lines, at least one
     */
    static List<String> wrap(String text, double fontSize, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && width(line + " " + word, fontSize) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * @param lines    wrapped lines
     * @param fontSize the font size they were wrapped at, px
     * @param width    the room, px
     * @return {@code fontSize}, or less where a line (a word too long to wrap) would not fit
     */
    static double fittingFontSize(List<String> lines, double fontSize, double width) {
        double size = fontSize;
        for (String line : lines) {
            double needed = width(line, fontSize);
            if (needed > width) {
                size = Math.min(size, fontSize * width / needed);
            }
        }
        return Math.floor(size * 10) / 10;
    }

    /**
     * Text that wraps to fit a width: one {@code <text>} with a {@code <tspan>} per line.
     *
     * @param svg        where to write
     * @param indent     leading spaces
     * @param cssClass   the element's class
     * @param text       the text
     * @param x          left edge, px
     * @param firstLineY baseline of the first line, px
     * @param fontSize   the font size, px
     * @param width      the room, px
     * @param fill       the colour
     * @return the baseline of the last line, px
     */
    static double wrappedText(StringBuilder svg, String indent, String cssClass, String text, double x,
                              double firstLineY, double fontSize, double width, String fill) {
        List<String> lines = wrap(text, fontSize, width);
        double size = fittingFontSize(lines, fontSize, width);
        double lineHeight = Math.ceil(size * 1.3);
        svg.append(indent).append("<text class=\"").append(cssClass).append("\" x=\"").append(number(x))
                .append("\" y=\"").append(number(firstLineY)).append("\" font-size=\"").append(compact(size))
                .append("\" fill=\"").append(fill).append("\">");
        double y = firstLineY;
        for (int i = 0; i < lines.size(); i++) {
            y = firstLineY + i * lineHeight;
            svg.append("<tspan x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\">")
                    .append(escape(lines.get(i))).append("</tspan>");
        }
        svg.append("</text>\n");
        return y;
    }

    /**
     * @param text     the text
     * @param fontSize its font size, px
     * @param width    the room, px
     * @return lines {@link #wrappedText} will draw
     */
    static int lineCount(String text, double fontSize, double width) {
        return wrap(text, fontSize, width).size();
    }
}
