package org.splitinfer.spi;

import java.util.List;
import java.util.Optional;

/**
 * A plugin's hardware data file, parsed by the host. Schema (YAML):
 *
 * <pre>
 * family: gpu                       # the family of every chip in the file
 * sources:                          # documents the figures cite
 *   - id: h100-datasheet
 *     document: "NVIDIA H100 Tensor Core GPU Datasheet"
 *     url: https://...              # optional
 *     date: 2023-07                 # yyyy, yyyy-mm or yyyy-mm-dd
 *     supports: "peak FLOP/s, HBM capacity and bandwidth, TDP"
 * accelerators:
 *   - id: h100-sxm                  # one chip
 *     vendor: NVIDIA
 *     displayName: "H100 SXM5 80GB"
 *     status: SHIPPING              # SHIPPING | ANNOUNCED | PROJECTED
 *     figures:                      # name: {value, source} or {value, assumption}
 *       hbm.capacityBytes: {value: 80e9, source: h100-datasheet}
 *       node.overheadWattsPerChip: {value: 400, assumption: "DGX H100 10.2 kW max minus 8 × 700 W, halved for typical load"}
 * </pre>
 *
 * @param resource     the resource it was read from
 * @param family       the family of its chips
 * @param sources      the documents its figures cite
 * @param accelerators the chips it describes
 * @since 0.1
 */
public record HardwareSheet(String resource, Family family, List<Source> sources,
                            List<AcceleratorSheet> accelerators) {
    /** Validates the fields. */
    public HardwareSheet {
        Names.requireText("sheet resource", resource);
        Names.requireNonNull("sheet family", family);
        sources = List.copyOf(Names.requireNonNull("sheet sources", sources));
        accelerators = List.copyOf(Names.requireNonNull("sheet accelerators", accelerators));
    }

    /**
     * The chip of that id.
     *
     * @param id chip id
     * @return its sheet
     * @throws HardwareDataException naming the resource when it has no such chip
     * @since 0.1
     */
    public AcceleratorSheet accelerator(String id) {
        Optional<AcceleratorSheet> found = accelerators.stream().filter(a -> a.id().equals(id)).findFirst();
        return found.orElseThrow(() -> new HardwareDataException(resource + ": no accelerator '" + id
                + "'; it lists " + accelerators.stream().map(AcceleratorSheet::id).toList()));
    }

    /**
     * The spec of one chip: its entry plus the sources its figures cite.
     *
     * @param sheet one of this sheet's accelerators
     * @return the spec
     * @since 0.1
     */
    public AcceleratorSpec spec(AcceleratorSheet sheet) {
        List<Source> cited = sources.stream()
                .filter(s -> sheet.figures().stream().anyMatch(f -> s.id().equals(f.sourceId())))
                .toList();
        return new AcceleratorSpec(sheet.id(), family, sheet.vendor(), sheet.displayName(), sheet.status(), cited,
                sheet.figures());
    }
}
