package org.splitinfer.spi;

/**
 * A published document that supports one or more hardware figures.
 *
 * @param id       short key that {@link Figure#sourceId()} refers to, {@code [a-z0-9][a-z0-9._-]*}
 * @param document title of the document (datasheet, paper, vendor page), non-blank
 * @param url      where to read it, or {@code null} for a printed document
 * @param date     publication or access date, ISO {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd}
 * @param supports which figures it supports, in words, non-blank
 * @since 0.1
 */
public record Source(String id, String document, String url, String date, String supports) {

    /** Validates every field. */
    public Source {
        Names.requireLowerName("source id", id);
        Names.requireText("source", id, "document", document);
        Names.requireText("source", id, "date", date);
        if (!date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new IllegalArgumentException("source '" + id + "' date must be yyyy, yyyy-mm or yyyy-mm-dd, got '"
                    + date + "'");
        }
        Names.requireText("source", id, "supports", supports);
        if (url != null && url.isBlank()) {
            throw new IllegalArgumentException("source '" + id + "' url must be null or non-blank");
        }
    }
}
