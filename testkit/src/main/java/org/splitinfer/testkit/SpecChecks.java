package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.splitinfer.core.hardware.FigureNames;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Source;

/** The checks of what each chip says about itself: ids, figures and their sources, figure names, price. */
final class SpecChecks {
    private static final String PURCHASE = "price.purchaseUsd";
    private static final String HOURLY = "price.usdPerChipHour";

    private SpecChecks() {
    }

    static void ids(List<Accelerator> accelerators, Family family) {
        assertThat(accelerators).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Accelerator accelerator : accelerators) {
            AcceleratorSpec spec = accelerator.spec();
            assertThat(ids.add(spec.id())).as("id %s is unique", spec.id()).isTrue();
            assertThat(spec.id()).matches("[a-z0-9][a-z0-9._-]*");
            assertThat(spec.family()).as("%s family", spec.id()).isEqualTo(family);
        }
    }

    static void figuresSourced(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            AcceleratorSpec spec = accelerator.spec();
            softly.assertThat(spec.figures()).as("%s has figures", spec.id()).isNotEmpty();
            for (Figure figure : spec.figures()) {
                softly.assertThat(figure.value()).as("%s %s", spec.id(), figure.name()).isPositive();
                if (!figure.isAssumption()) {
                    Source source = spec.source(figure.sourceId()).orElse(null);
                    softly.assertThat(source).as("%s %s cites a source of the spec", spec.id(), figure.name())
                            .isNotNull();
                    if (source != null) {
                        softly.assertThat(source.document()).isNotBlank();
                        softly.assertThat(source.date()).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
                    }
                } else {
                    softly.assertThat(figure.assumption()).as("%s %s rationale", spec.id(), figure.name())
                            .isNotBlank();
                }
            }
        }
        softly.assertAll();
    }

    /** Every figure name is one the host documents, of one of the chip's tiers, or one the family declares. */
    static void figureNamesKnown(List<Accelerator> accelerators, Set<String> familyNames) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            List<String> tiers = Facets.tiers(accelerator).stream().map(MemoryTier::name).toList();
            Set<String> known = FigureNames.known(tiers, familyNames);
            for (Figure figure : accelerator.spec().figures()) {
                FigureNames.unknown(figure.name(), known).ifPresent(problem -> softly.fail(accelerator.id() + ": "
                        + problem + ". A name the host does not document is read by no one unless the family's"
                        + " model does: declare the family's own names in familyFigureNames() and in the"
                        + " family's documentation"));
            }
        }
        softly.assertAll();
    }

    /**
     * The cost model reads a price through {@link Accelerator#price()}: every chip has one, and it is the one its
     * figures give.
     */
    static void priced(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            AcceleratorSpec spec = accelerator.spec();
            Optional<Price> price = accelerator.price();
            softly.assertThat(price)
                    .as("%s: Accelerator.price() is empty, so 'splitinfer estimate' cannot cost it; give %s or %s in"
                            + " its sheet, with a source or an assumption, and return sheet.price() from price()",
                            spec.id(), PURCHASE, HOURLY)
                    .isPresent();
            if (price.isEmpty()) {
                continue;
            }
            samePrice(softly, spec, PURCHASE, price.get().purchaseUsd());
            samePrice(softly, spec, HOURLY, price.get().usdPerChipHour());
        }
        softly.assertAll();
    }

    private static void samePrice(SoftAssertions softly, AcceleratorSpec spec, String name, OptionalDouble given) {
        spec.figure(name).ifPresent(figure -> softly.assertThat(given)
                .as("%s: its figure %s is %s but Accelerator.price() gives %s; return sheet.price()", spec.id(), name,
                        figure.value(), given)
                .hasValue(figure.value()));
    }
}
