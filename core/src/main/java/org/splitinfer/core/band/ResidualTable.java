package org.splitinfer.core.band;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.splitinfer.core.validate.CaseOutcome;
import org.splitinfer.core.validate.ValidationReport;

/**
 * The leave-one-out residuals bands are taken from, one per predicted validation case. The shipped table
 * ({@link #shipped()}) is computed by {@code splitinfer calibrate --write-bands} from the shipped cases and read once.
 *
 * @param residuals the residuals, in case order; at least one
 * @since 0.1
 */
public record ResidualTable(List<Residual> residuals) {
    /** Copies the list. */
    public ResidualTable {
        residuals = List.copyOf(residuals);
        if (residuals.isEmpty()) {
            throw new IllegalArgumentException("a residual table needs at least one residual");
        }
    }

    /** @return the table shipped with SplitInfer ({@link ResidualFile#RESOURCE}), read on first use */
    public static ResidualTable shipped() {
        return Shipped.TABLE;
    }

    /**
     * The residuals of a leave-one-out report: each predicted case's prediction and measurement, its chip's family
     * and its stack. Cases the report could not predict have none.
     *
     * @param report a leave-one-out report
     * @return the table
     */
    public static ResidualTable fromLeaveOneOut(ValidationReport report) {
        List<Residual> residuals = new ArrayList<>();
        for (CaseOutcome.Predicted p : report.predicted()) {
            residuals.add(new Residual(p.validationCase().id(), p.family(), p.validationCase().software(),
                    p.validationCase().metric(), p.predicted(), p.measured()));
        }
        return new ResidualTable(residuals);
    }

    /**
     * @param family a family's name
     * @return the residuals of its cases
     */
    public List<Residual> ofFamily(String family) {
        return residuals.stream().filter(r -> r.family().equals(family)).toList();
    }

    /**
     * @param family a family's name
     * @param stack  a stack's name
     * @return the residuals of its cases measured with that stack
     */
    public List<Residual> ofFamilyAndStack(String family, String stack) {
        return residuals.stream().filter(r -> r.family().equals(family) && Objects.equals(r.stack(), stack))
                .toList();
    }

    /**
     * @param caseId a case's id
     * @return this table without that case's residual
     */
    public ResidualTable without(String caseId) {
        return new ResidualTable(residuals.stream().filter(r -> !r.caseId().equals(caseId)).toList());
    }

    /** Reads the shipped file once, when first asked. */
    private static final class Shipped {
        static final ResidualTable TABLE = ResidualFile.shipped();
    }
}
