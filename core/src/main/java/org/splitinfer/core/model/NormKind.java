package org.splitinfer.core.model;

/**
 * The normalisation a model uses before attention, before the MLP and after the last layer.
 *
 * @since 0.1
 */
public enum NormKind {
    /** RMSNorm (Zhang and Sennrich, 2019): a weight vector of {@code hidden} parameters, no bias. */
    RMS_NORM(1, 4),
    /** LayerNorm (Ba et al., 2016) with a weight and a bias: {@code 2 × hidden} parameters. */
    LAYER_NORM(2, 7);

    private final int vectorsPerNorm;
    private final int flopsPerElement;

    NormKind(int vectorsPerNorm, int flopsPerElement) {
        this.vectorsPerNorm = vectorsPerNorm;
        this.flopsPerElement = flopsPerElement;
    }

    /**
     * Parameters of one norm over {@code width} features.
     *
     * @param width features normalised
     * @return weight (and bias) parameters
     */
    public long parameters(int width) {
        return (long) vectorsPerNorm * width;
    }

    /**
     * FLOPs per element the planner charges: RMSNorm 4 (square, accumulate, scale by the reciprocal root,
     * scale by the weight); LayerNorm 7 (accumulate the mean, subtract it, square, accumulate, scale by the
     * reciprocal deviation, by the weight, add the bias).
     *
     * @return FLOPs per normalised element
     */
    public int flopsPerElement() {
        return flopsPerElement;
    }
}
