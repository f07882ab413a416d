package org.splitinfer.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one chip is and where its figures come from.
 *
 * @param id          the chip's id, {@code [a-z0-9][a-z0-9._-]*}, unique across all plugins; names one chip
 *                    (one package with its own memory), never a card or a system
 * @param family      the family whose model prices it
 * @param vendor      who makes it
 * @param displayName human-readable name
 * @param status      shipping, announced or projected
 * @param sources     the documents its figures cite, ids unique
 * @param figures     every hardware figure the plugin's model uses, names unique, each with a source of this
 *                    list or a marked assumption
 * @since 0.1
 */
public record AcceleratorSpec(String id, Family family, String vendor, String displayName, Status status,
                              List<Source> sources, List<Figure> figures) {

    /** Validates the fields and that each figure cites a source of this spec. */
    public AcceleratorSpec {
        Names.requireLowerName("accelerator id", id);
        Names.requireNonNull("accelerator", id, "family", family);
        Names.requireText("accelerator", id, "vendor", vendor);
        Names.requireText("accelerator", id, "displayName", displayName);
        Names.requireNonNull("accelerator", id, "status", status);
        sources = List.copyOf(Names.requireNonNull("accelerator", id, "sources", sources));
        figures = List.copyOf(Names.requireNonNull("accelerator", id, "figures", figures));
        Map<String, Source> byId = new LinkedHashMap<>();
        for (Source source : sources) {
            if (byId.put(source.id(), source) != null) {
                throw new IllegalArgumentException("accelerator '" + id + "' lists source '" + source.id() + "' twice");
            }
        }
        Map<String, Figure> names = new LinkedHashMap<>();
        for (Figure figure : figures) {
            if (names.put(figure.name(), figure) != null) {
                throw new IllegalArgumentException("accelerator '" + id + "' lists figure '" + figure.name() + "' twice");
            }
            if (figure.sourceId() != null && !byId.containsKey(figure.sourceId())) {
                throw new IllegalArgumentException("accelerator '" + id + "' figure '" + figure.name()
                        + "' cites unknown source '" + figure.sourceId() + "'; known: " + byId.keySet());
            }
        }
    }

    /**
     * The figure of that name.
     *
     * @param name figure name
     * @return the figure, or empty
     * @since 0.1
     */
    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The source of that id.
     *
     * @param sourceId source id
     * @return the source, or empty
     * @since 0.1
     */
    public Optional<Source> source(String sourceId) {
        return sources.stream().filter(s -> s.id().equals(sourceId)).findFirst();
    }

    /**
     * The figures no source publishes.
     *
     * @return assumed figures, in declaration order
     * @since 0.1
     */
    public List<Figure> assumptions() {
        return figures.stream().filter(Figure::isAssumption).toList();
    }
}
