package org.splitinfer.core.estimate;

import org.splitinfer.spi.Status;

/**
 * How real one chip kind of a deployment is.
 *
 * @param hardware       accelerator id
 * @param status         shipping, announced or projected
 * @param assumedFigures how many of its figures are marked assumptions rather than published
 * @since 0.1
 */
public record ChipStatus(String hardware, Status status, int assumedFigures) {
}
