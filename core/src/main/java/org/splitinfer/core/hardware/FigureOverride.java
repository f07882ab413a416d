package org.splitinfer.core.hardware;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitinfer.core.input.Shown;

/**
 * One what-if figure: {@code ID.FIGURE=VALUE} sets a figure of an installed chip's hardware sheet entry, and
 * {@code ID@NEWID.FIGURE=VALUE} adds a chip {@code NEWID} beside {@code ID}, a copy of its sheet entry with the
 * figure set (several overrides with the same {@code NEWID} build one derived chip). The plugin reads the changed
 * sheet and remodels the chip from it; the figure becomes an assumption of the user ({@link #assumption()}).
 *
 * @param chipId    the installed chip whose entry is changed or copied
 * @param newChipId the derived chip's id, or null to change {@code chipId} itself
 * @param figure    the figure's documented name, e.g. {@code sram.capacityBytes}
 * @param value     its new value, finite and {@code >= 0}, in the unit its name says
 * @since 0.2
 */
public record FigureOverride(String chipId, String newChipId, String figure, double value) {
    /** How an overridden figure's assumption begins, so an output can tell the user's figures from the sheet's. */
    public static final String ASSUMPTION_PREFIX = "set by the user: ";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern FORM = Pattern.compile("([^.@=]+)(?:@([^.@=]+))?\\.([^=]+)=(.*)", Pattern.DOTALL);

    /** Validates the fields. */
    public FigureOverride {
        Objects.requireNonNull(chipId, "chipId");
        Objects.requireNonNull(figure, "figure");
        if (!ID.matcher(chipId).matches() || (newChipId != null && !ID.matcher(newChipId).matches())) {
            throw new HardwareOverrideException("--set " + Shown.quoted(chipId + (newChipId == null ? ""
                    : "@" + newChipId)) + " is not a chip id (lower-case letters, digits, '.', '_' and '-')");
        }
        if (chipId.equals(newChipId)) {
            throw new HardwareOverrideException("--set " + chipId + "@" + newChipId + " derives a chip with the id"
                    + " of its original; give the derived chip a new id");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new HardwareOverrideException("--set " + chipId + (newChipId == null ? "" : "@" + newChipId) + "."
                    + figure + "=" + number(value) + " is outside the sheet's rules: a figure is a finite number >= 0");
        }
    }

    /**
     * Parses {@code ID.FIGURE=VALUE} or {@code ID@NEWID.FIGURE=VALUE}; a chip id holds no dot, so the figure is
     * everything after the first dot.
     *
     * @param text what the user wrote after {@code --set}
     * @return the override
     * @throws HardwareOverrideException naming what is wrong, in one sentence
     */
    public static FigureOverride parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher form = FORM.matcher(text.strip());
        if (!form.matches() || form.group(3).isBlank()) {
            throw new HardwareOverrideException("--set " + Shown.quoted(text) + " is not ID.FIGURE=VALUE or"
                    + " ID@NEWID.FIGURE=VALUE (e.g. groq-lpu-v1.sram.capacityBytes=460e6)");
        }
        String valueText = form.group(4).strip();
        // a plain decimal only: Java's own parser would also take NaN, Infinity and hex floats
        if (!NUMBER.matcher(valueText).matches()) {
            throw new HardwareOverrideException("--set " + Shown.quoted(text) + ": " + Shown.quoted(valueText)
                    + " is not a number; give a decimal value such as 460e6 in the unit the figure's name says");
        }
        double value = Double.parseDouble(valueText);
        if (Double.isInfinite(value)) {
            throw new HardwareOverrideException("--set " + Shown.quoted(text) + ": " + Shown.quoted(valueText)
                    + " is past the largest number a figure can hold (about 1.8e308); give a finite value");
        }
        return new FigureOverride(form.group(1).strip(), form.group(2) == null ? null : form.group(2).strip(),
                form.group(3).strip(), value);
    }

    /** @return the chip the override lands on: the derived chip, or the installed one */
    public String targetId() {
        return newChipId != null ? newChipId : chipId;
    }

    /** @return the override as the user writes it, {@code groq-lpu-v1@groq-2x.sram.capacityBytes=4.6e+08} */
    public String text() {
        return chipId + (newChipId == null ? "" : "@" + newChipId) + "." + figure + "=" + number(value);
    }

    /**
     * A figure's value as a person writes it.
     *
     * @param value a figure
     * @return e.g. {@code 4.6e+08}, {@code 0.5}, {@code 16}
     */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return Long.toString((long) value);
        }
        String shown = String.format(Locale.ROOT, "%.6g", value);
        int exponent = shown.indexOf('e');
        String mantissa = exponent < 0 ? shown : shown.substring(0, exponent);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return exponent < 0 ? mantissa : mantissa + shown.substring(exponent);
    }

    /** @return the assumption the overridden figure carries: {@code set by the user: --set ...} */
    public String assumption() {
        return ASSUMPTION_PREFIX + "--set " + text();
    }
}
