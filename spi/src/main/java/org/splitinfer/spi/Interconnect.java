package org.splitinfer.spi;

/**
 * How a chip talks to others: collectives and point-to-point transfers inside its scale-up domain and out of it.
 *
 * @since 0.1
 */
public interface Interconnect {

    /**
     * Chips in one scale-up domain (an NVLink domain, a GroqRack's chip-to-chip network, a Galaxy mesh).
     *
     * @return chips, {@code >= 1}
     * @since 0.1
     */
    int scaleUpDomainChips();

    /**
     * Chips in one node: the smallest whole unit of this chip a buyer gets (a GroqNode of 8 cards). The chip counts
     * the host chooses for an instance ({@code auto} pools, {@code fit}, the planner) are whole nodes; a count the
     * caller gives is taken as it is.
     *
     * @return chips, {@code >= 1}; the default, 1, is a chip sold or rented on its own
     * @since 0.1 (SPI 1.1)
     */
    default int nodeChips() {
        return 1;
    }

    /**
     * Bandwidth one chip can send into its scale-up domain, one direction.
     *
     * @return bytes per second, {@code > 0}
     * @since 0.1
     */
    double scaleUpBytesPerSecond();

    /**
     * Bandwidth one chip can send out of its domain over the scale-out network, one direction.
     *
     * @return bytes per second, {@code > 0}
     * @since 0.1
     */
    double scaleOutBytesPerSecond();

    /**
     * Time of all {@link Collective#count()} invocations of a collective; within the scale-up domain when the
     * participants fit in it, over the scale-out network otherwise.
     *
     * @param collective the communication
     * @return seconds, finite and {@code >= 0}; 0 for one participant
     * @since 0.1
     */
    double collectiveSeconds(Collective collective);

    /**
     * Dependent latency steps of one invocation of a collective, as the algorithm the serving stacks use at its size
     * takes them: what a per-step latency fitted beyond {@link #collectiveSeconds} (software synchronisation at each
     * step) is multiplied by. The default is a ring's: {@code 2(n − 1)} for an all-reduce, {@code n − 1} for the
     * others; a family whose stacks use one- or two-shot algorithms on a switched domain says 1 or 2.
     *
     * @param collective the communication (its count is the host's to multiply by)
     * @return steps, {@code >= 0}
     * @since 0.1 (SPI 1.1)
     */
    default int collectiveLatencySteps(Collective collective) {
        int n = collective.participants();
        return CollectiveKind.ALL_REDUCE.equals(collective.kind()) ? 2 * (n - 1) : n - 1;
    }

    /**
     * Time to move bytes from one chip to another.
     *
     * @param bytes bytes, {@code >= 0}
     * @param reach inside or out of the scale-up domain
     * @return seconds including latency, finite and {@code >= 0}
     * @since 0.1
     */
    double transferSeconds(double bytes, Reach reach);
}
