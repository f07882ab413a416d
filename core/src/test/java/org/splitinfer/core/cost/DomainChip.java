package org.splitinfer.core.cost;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Roofline;

/**
 * A chip that is only a scale-up domain and a node size: the layout search reads nothing else. Every other model
 * refuses to be asked, so a test that reaches one fails loudly.
 */
record DomainChip(String id, int domainChips, int nodeChips) implements Accelerator, Interconnect {

    /** A chip sold on its own. */
    DomainChip(String id, int domainChips) {
        this(id, domainChips, 1);
    }

    @Override
    public Interconnect interconnect() {
        return this;
    }

    @Override
    public int scaleUpDomainChips() {
        return domainChips;
    }

    @Override
    public int nodeChips() {
        return nodeChips;
    }

    @Override
    public AcceleratorSpec spec() {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public Roofline roofline() {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public MemoryModel memory() {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public PowerModel power() {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public double scaleUpBytesPerSecond() {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public double scaleOutBytesPerSecond() {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        throw new IllegalStateException("the layout search reads only the id and the domain");
    }
}
