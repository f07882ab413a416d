package org.splitinfer.testkit;

/**
 * The fixture with a classic unit slip: bandwidth read as gigabits but used as gigabytes (8× too fast), so its
 * memory-bound kernels beat the roofline the sheet's figures allow.
 */
public final class UnitSlipPlugin extends TinyPlugin {
    @Override
    double bandwidthFactor() {
        return 8;
    }
}
