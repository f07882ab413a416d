package org.splitinfer.core.band;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bands of one estimate's or planned deployment's figures.
 *
 * @param bands by figure; a figure the result does not have is absent
 * @since 0.1
 */
public record FigureBands(Map<BandedFigure, Band> bands) {
    /** No bands: a calibration without residuals, or a result nothing bands. */
    public static final FigureBands NONE = new FigureBands(Map.of());

    /** Copies the map. */
    public FigureBands {
        bands = Collections.unmodifiableMap(bands.isEmpty() ? new EnumMap<>(BandedFigure.class)
                : new EnumMap<>(bands));
    }

    /**
     * @param figure a figure
     * @return its band, or empty when the result has no such figure
     */
    public Optional<Band> get(BandedFigure figure) {
        return Optional.ofNullable(bands.get(figure));
    }

    /** @return whether any band rests on assumptions (an announced or projected chip) */
    public boolean restOnAssumptions() {
        return bands.values().stream().anyMatch(Band::restsOnAssumptions);
    }
}
