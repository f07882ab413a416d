package org.splitinfer.spi;

import java.util.List;

/**
 * A chip was asked to compute in a format it cannot run.
 *
 * @since 0.1
 */
public class UnsupportedPrecisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String acceleratorId;
    private final transient Precision precision;

    /**
     * @param acceleratorId the chip
     * @param precision     the format asked for
     * @param supported     the formats it runs
     */
    public UnsupportedPrecisionException(String acceleratorId, Precision precision, List<Precision> supported) {
        super(acceleratorId + " cannot compute in " + precision.name() + "; it runs "
                + supported.stream().map(Precision::name).toList() + ": choose one of those with --precision");
        this.acceleratorId = acceleratorId;
        this.precision = precision;
    }

    /** @return the chip's id */
    public String acceleratorId() {
        return acceleratorId;
    }

    /** @return the format asked for */
    public Precision precision() {
        return precision;
    }
}
