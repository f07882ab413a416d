package org.splitinfer.plugin.lpu;

import org.splitinfer.spi.AcceleratorSheet;

/**
 * How an LPU system is built, as a buyer gets it and as the chip-to-chip network routes: chips in a node, nodes in
 * a rack, racks joined by a Dragonfly, and the C2C hops of the longest minimal route at each level.
 *
 * <p>For Groq's first generation: a GroqNode holds 8 cards whose chips are fully connected by direct C2C cables
 * (one hop); a GroqRack holds 9 nodes; between nodes a route goes local, inter-node, local (three hops); between
 * racks through the Dragonfly's global links (five hops: local, inter-node, global, inter-node, local). A group
 * of chips working together is assumed placed on whole nodes, then whole racks, as the compiler places them, so
 * its longest route is that of the smallest level that holds it.
 *
 * @param nodeChips  chips in one node ({@code node.chips}), the unit a buyer gets
 * @param rackNodes  nodes in one rack ({@code rack.nodes})
 * @param nodeHops   hops between two chips of one node ({@code node.hops})
 * @param rackHops   hops between two chips of one rack ({@code rack.hops})
 * @param systemHops hops between two chips of different racks ({@code system.hops})
 */
record LpuTopology(int nodeChips, int rackNodes, int nodeHops, int rackHops, int systemHops) {

    /**
     * Reads and checks the topology figures.
     *
     * @param sheet the chip's sheet entry
     * @return the topology
     * @throws org.splitinfer.spi.HardwareDataException when a figure is absent, not a whole positive count, or a
     *                                                  level has fewer hops than the level inside it
     */
    static LpuTopology read(AcceleratorSheet sheet) {
        int nodeHops = sheet.count("node.hops");
        int rackHops = sheet.count("rack.hops");
        int systemHops = sheet.count("system.hops");
        if (rackHops < nodeHops || systemHops < rackHops) {
            throw LpuChip.fault(sheet, "has node.hops " + nodeHops + ", rack.hops " + rackHops + " and system.hops "
                    + systemHops + "; a route that leaves a node or a rack cannot be shorter than one inside it");
        }
        return new LpuTopology(sheet.count("node.chips"), sheet.count("rack.nodes"), nodeHops, rackHops, systemHops);
    }

    /** @return chips in one rack: {@code nodeChips × rackNodes} */
    long rackChips() {
        return (long) nodeChips * rackNodes;
    }

    /**
     * The hops of the longest minimal route among a group of chips placed on the fewest nodes and racks.
     *
     * @param chips the group's chips, {@code >= 2}
     * @return hops
     */
    int hops(int chips) {
        if (chips <= nodeChips) {
            return nodeHops;
        }
        return chips <= rackChips() ? rackHops : systemHops;
    }
}
