package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Figure;

/**
 * The figures the user set with {@code --set}, for outputs that compare many chips (a plan): each chip's figure
 * whose assumption is the user's. An estimate lists them among its assumptions instead.
 */
final class UserFigures {
    private UserFigures() {
    }

    /** @return one sentence per user-set figure of any installed chip, in id order */
    static List<String> sentences(HardwareRegistry hardware) {
        List<String> sentences = new ArrayList<>();
        for (Accelerator accelerator : hardware.accelerators()) {
            for (Figure figure : accelerator.spec().figures()) {
                if (isUsers(figure)) {
                    sentences.add(accelerator.id() + " " + figure.name() + " = "
                            + FigureOverride.number(figure.value()) + ", " + figure.assumption());
                }
            }
        }
        return sentences;
    }

    static void print(HardwareRegistry hardware, PrintWriter out, int columns) {
        List<String> sentences = sentences(hardware);
        if (sentences.isEmpty()) {
            return;
        }
        out.println("figures set by the user (assumptions, not datasheet figures):");
        for (String sentence : sentences) {
            Text.print(out, "  - ", sentence, columns);
        }
        out.println();
    }

    static void json(HardwareRegistry hardware, ArrayNode into) {
        for (Accelerator accelerator : hardware.accelerators()) {
            for (Figure figure : accelerator.spec().figures()) {
                if (isUsers(figure)) {
                    into.addObject().put("hardware", accelerator.id()).put("figure", figure.name())
                            .put("value", figure.value()).put("assumption", figure.assumption());
                }
            }
        }
    }

    private static boolean isUsers(Figure figure) {
        return figure.isAssumption() && figure.assumption().startsWith(FigureOverride.ASSUMPTION_PREFIX);
    }
}
