package org.splitinfer.spi;

/**
 * A chip's electrical power, and its share of the node around it.
 *
 * @since 0.1
 */
public interface PowerModel {

    /**
     * Power of the chip doing nothing.
     *
     * @return watts, {@code > 0}
     * @since 0.1
     */
    double idleWatts();

    /**
     * Power of the chip at full load (its TDP or measured maximum).
     *
     * @return watts, {@code >= idleWatts()}
     * @since 0.1
     */
    double peakWatts();

    /**
     * Power at a utilisation; the default interpolates linearly between idle and peak.
     *
     * @param utilisation fraction of peak activity in [0, 1]
     * @return watts between idle and peak
     * @throws IllegalArgumentException when utilisation is outside [0, 1]
     * @since 0.1
     */
    default double watts(double utilisation) {
        if (!(utilisation >= 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation must be in [0, 1], got " + utilisation);
        }
        return idleWatts() + (peakWatts() - idleWatts()) * utilisation;
    }

    /**
     * Wall power of the node around the chips (hosts, NICs, fans, power conversion), per chip, added to chip
     * power for wall-power figures.
     *
     * @return watts per chip, {@code >= 0}
     * @since 0.1
     */
    double nodeOverheadWattsPerChip();
}
