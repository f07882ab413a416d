package org.splitinfer.spi;

/**
 * An accelerator family: the kind of architecture a plugin models. Open: a vendor may name its own
 * family; the constants are the families SplitInfer ships.
 *
 * @param name lowercase identifier, {@code [a-z0-9][a-z0-9._-]*}
 * @since 0.1
 */
public record Family(String name) {
    /** HBM tensor accelerators (NVIDIA, AMD, Trainium, Gaudi). */
    public static final Family GPU = new Family("gpu");
    /** SRAM-only deterministic dataflow chips (Groq). */
    public static final Family LPU = new Family("lpu");
    /** Wafer-scale engines (Cerebras). */
    public static final Family WAFER = new Family("wafer");
    /** Reconfigurable dataflow units with SRAM, HBM and DDR tiers (SambaNova). */
    public static final Family RDU = new Family("rdu");
    /** Electro-optical matrix engines. */
    public static final Family OPTICAL = new Family("optical");
    /** RISC-V many-core meshes (Tenstorrent). */
    public static final Family RISCV = new Family("riscv");

    /** Validates the name. */
    public Family {
        Names.requireLowerName("family", name);
    }

    @Override
    public String toString() {
        return name;
    }
}
