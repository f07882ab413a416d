package org.splitinfer.core.validate;

import java.util.List;
import java.util.Objects;
import org.splitinfer.spi.ParallelLayout;

/**
 * What a {@link CasePredictor} predicts for a case.
 *
 * @param value  the prediction in the case's metric unit; a report accepts only positive finite values and lists
 *               any other as a problem of the case
 * @param layout the layout the prediction is for, e.g. {@code tp=8 pp=1 dp=1} (see {@link #describe(ParallelLayout)});
 *               not null, may be empty when the predictor has no layout to name
 * @param notes  remarks on the prediction (assumptions made, the chip count {@code auto} resolved to); copied
 * @since 0.1
 */
public record Prediction(double value, String layout, List<String> notes) {

    /** Copies the notes. */
    public Prediction {
        Objects.requireNonNull(layout, "layout");
        notes = List.copyOf(notes);
    }

    /**
     * A prediction without notes.
     *
     * @param value  the prediction in the metric's unit
     * @param layout the layout it is for
     * @return the prediction
     */
    public static Prediction of(double value, String layout) {
        return new Prediction(value, layout, List.of());
    }

    /**
     * The layout as a report shows it: {@code tp=8 pp=1 dp=1}, with {@code ep=N} appended when experts are spread.
     *
     * @param layout a layout
     * @return its description
     */
    public static String describe(ParallelLayout layout) {
        String text = "tp=" + layout.tensor() + " pp=" + layout.pipeline() + " dp=" + layout.data();
        return layout.expert() > 1 ? text + " ep=" + layout.expert() : text;
    }
}
