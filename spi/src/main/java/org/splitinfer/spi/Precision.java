package org.splitinfer.spi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A number format for weights, activations or the KV cache, with its storage cost per element
 * including any block-scale overhead. Open: a vendor may define its own format.
 *
 * <p>Bits per element of the well-known formats and their sources:
 * <ul>
 *   <li>fp32 32, bf16 16, fp16 16 — IEEE 754-2008 and Google's bfloat16;</li>
 *   <li>fp8 8 (E4M3/E5M2, per-tensor scale) — Micikevicius et al., "FP8 Formats for Deep Learning", arXiv:2209.05433 (2022);</li>
 *   <li>int8 8 — per-channel scales, negligible overhead;</li>
 *   <li>nvfp4 4.5 — 4-bit E2M1 with one FP8 (E4M3) scale per 16 elements: 4 + 8/16; NVIDIA, "Introducing NVFP4", 2025;
 *       {@code fp4} is its alias;</li>
 *   <li>mxfp4 4.25 — 4-bit E2M1 with one 8-bit E8M0 scale per 32 elements: 4 + 8/32; OCP Microscaling Formats (MX) v1.0, 2023;</li>
 *   <li>int4 4 — group scales counted as negligible;</li>
 *   <li>bfp8 8.5 — Tenstorrent block floating point: 7-bit mantissa + sign per element and one shared 8-bit exponent
 *       per 16 elements: 8 + 8/16; tt-metal documentation, "Data formats";</li>
 *   <li>bfp4 4.5 — Tenstorrent bfp4: 3-bit mantissa + sign per element and a shared 8-bit exponent per 16: 4 + 8/16.</li>
 * </ul>
 *
 * @param name           lowercase identifier
 * @param bitsPerElement storage bits per element, including block-scale overhead, {@code > 0}
 * @since 0.1
 */
public record Precision(String name, double bitsPerElement) {
    /** IEEE single precision. */
    public static final Precision FP32 = new Precision("fp32", 32);
    /** bfloat16. */
    public static final Precision BF16 = new Precision("bf16", 16);
    /** IEEE half precision. */
    public static final Precision FP16 = new Precision("fp16", 16);
    /** 8-bit floating point (E4M3 or E5M2). */
    public static final Precision FP8 = new Precision("fp8", 8);
    /** 8-bit integer. */
    public static final Precision INT8 = new Precision("int8", 8);
    /** NVIDIA NVFP4: E2M1 with an FP8 scale per 16 elements. */
    public static final Precision NVFP4 = new Precision("nvfp4", 4.5);
    /** OCP MXFP4: E2M1 with an E8M0 scale per 32 elements. */
    public static final Precision MXFP4 = new Precision("mxfp4", 4.25);
    /** 4-bit integer. */
    public static final Precision INT4 = new Precision("int4", 4);
    /** Tenstorrent block FP8 (shared exponent per 16). */
    public static final Precision BFP8 = new Precision("bfp8", 8.5);
    /** Tenstorrent block FP4 (shared exponent per 16). */
    public static final Precision BFP4 = new Precision("bfp4", 4.5);

    /** Every well-known format, in a stable order. */
    public static final List<Precision> WELL_KNOWN =
            List.of(FP32, BF16, FP16, FP8, INT8, NVFP4, MXFP4, INT4, BFP8, BFP4);

    /** Validates the fields. */
    public Precision {
        Names.requireLowerName("precision", name);
        Names.requirePositiveFinite("precision", name, "bitsPerElement", bitsPerElement);
    }

    /**
     * A well-known format by name, case-insensitive; {@code fp4} is an alias of {@code nvfp4}.
     *
     * @param name the format's name
     * @return the format, or empty when the name is not well known
     * @since 0.1
     */
    public static Optional<Precision> wellKnown(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("fp4")) {
            return Optional.of(NVFP4);
        }
        return WELL_KNOWN.stream().filter(p -> p.name.equals(key)).findFirst();
    }

    /** @return storage bytes per element: {@code bitsPerElement / 8} */
    public double bytesPerElement() {
        return bitsPerElement / 8.0;
    }

    @Override
    public String toString() {
        return name;
    }
}
