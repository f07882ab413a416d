package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.validate.Calibration;
import org.splitinfer.core.validate.CaseOutcome;
import org.splitinfer.core.validate.CasePredictorFactory;
import org.splitinfer.core.validate.LeaveOneOut;
import org.splitinfer.core.validate.Metric;
import org.splitinfer.core.validate.ValidationCase;
import org.splitinfer.core.validate.ValidationCases;
import org.splitinfer.core.validate.ValidationReport;
import org.splitinfer.core.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code splitinfer validate}: predicts published measurements and reports each case's error, the median and the
 * 90th percentile. Every case is printed; a case that cannot be predicted is listed with its problem and makes the
 * command exit 1 (the work failed in part). A malformed case file exits 2.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Predict published measurements and report the error of each case, the median and the 90th"
                + " percentile (relative errors |predicted - measured| / measured), and the median per hardware family.",
                "Cases come from the shipped calibration set, or from --cases FILE in the same format."})
final class ValidateCommand implements Callable<Integer> {
    private final InstalledHardware hardware;
    private final Optional<CasePredictorFactory> predictors;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--cases", paramLabel = "FILE", converter = PathFlags.InputFile.class,
            description = "A YAML case file (format: the validation README); default: the shipped calibration cases.")
    private Path casesFile;

    @Option(names = "--leave-one-out",
            description = "Refit the calibration without each case in turn and predict the case with that fit: the"
                    + " error on cases the fit has not seen.")
    private boolean leaveOneOut;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Inject
    ValidateCommand(InstalledHardware hardware, Optional<CasePredictorFactory> predictors) {
        this.hardware = hardware;
        this.predictors = predictors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (predictors.isEmpty()) {
            err.println("error: this build has no case predictor (nothing binds CasePredictorFactory), so validate"
                    + " cannot predict; use a build with the estimator");
            err.flush();
            return SplitInferCli.EXIT_FAILURE;
        }
        CasePredictorFactory factory = predictors.get();
        List<ValidationCase> cases = casesFile == null ? ValidationCases.builtIn() : ValidationCases.read(casesFile);
        HardwareRegistry registry = hardware.load(root.pluginDirectories(), err);
        Function<String, String> familyOfHardware =
                id -> registry.ids().contains(id) ? registry.get(id).spec().family().name() : null;
        ValidationReport report;
        if (leaveOneOut) {
            Calibration<?> calibration = factory.calibration(registry).orElseThrow(() -> new SplitInferException(
                    "--leave-one-out needs a predictor with fitted parameters, and this one fits none; run validate"
                            + " without --leave-one-out"));
            // one fit per case: seconds for the shipped set, so a terminal shows how far it is
            ProgressBar bar = ProgressBar.of(err, cases.size(), root.errorIsTerminal());
            report = LeaveOneOut.run(cases, calibration, familyOfHardware, bar::update);
            bar.done();
        } else {
            report = Validator.validate(cases, factory.predictor(registry), familyOfHardware);
        }
        switch (format) {
            case JSON -> Json.print(json(report), out);
            case CSV -> csv(report).printCsv(out);
            default -> table(report, out);
        }
        out.flush();
        if (!report.complete()) {
            err.println("error: " + report.problemCount() + " of " + report.outcomes().size()
                    + " cases could not be predicted; each is listed with its problem");
            err.flush();
            return SplitInferCli.EXIT_FAILURE;
        }
        return 0;
    }

    private void table(ValidationReport report, PrintWriter out) {
        TextTable table = new TextTable("id", "metric", "predicted", "measured", "error", "layout");
        for (CaseOutcome outcome : report.outcomes()) {
            ValidationCase c = outcome.validationCase();
            if (outcome instanceof CaseOutcome.Predicted p) {
                table.row(c.id(), metric(c.metric()), figure(c.metric(), p.predicted()),
                        figure(c.metric(), p.measured()), percent(p.relativeError()), p.prediction().layout());
            } else {
                table.row(c.id(), metric(c.metric()), "-", figure(c.metric(), c.value()), "-", "(problem below)");
            }
        }
        table.printAligned(out, root.columns());
        out.println();
        if (leaveOneOut) {
            out.println("leave-one-out: each case predicted by a fit on the other cases");
        }
        out.println("predicted      " + report.predicted().size() + " of " + report.outcomes().size() + " cases");
        out.println("median error   " + percent(report.medianError()));
        out.println("p90 error      " + percent(report.p90Error()));
        OptionalDouble log = report.medianLogError();
        out.println("median |log|   " + (log.isPresent() ? String.format(Locale.ROOT, "%.3f", log.getAsDouble())
                : "-"));
        StringBuilder families = new StringBuilder();
        for (Map.Entry<String, ValidationReport.FamilyError> family : report.familyErrors().entrySet()) {
            families.append(families.length() == 0 ? "" : ", ").append(family.getKey()).append(' ')
                    .append(percent(family.getValue().medianError())).append(" (")
                    .append(family.getValue().cases()).append(family.getValue().cases() == 1 ? " case)" : " cases)");
        }
        Text.print(out, "by family      ", families.length() == 0 ? "-" : families.toString(), root.columns());
        out.println("problems       " + report.problemCount());
        for (CaseOutcome.Unpredicted problem : report.problems()) {
            Text.print(out, "  ", problem.validationCase().id() + ": " + problem.problem(), root.columns());
        }
    }

    private static TextTable csv(ValidationReport report) {
        TextTable table = new TextTable("id", "metric", "predicted", "measured", "relative_error", "log_error",
                "layout", "family", "problem");
        for (CaseOutcome outcome : report.outcomes()) {
            ValidationCase c = outcome.validationCase();
            if (outcome instanceof CaseOutcome.Predicted p) {
                table.row(c.id(), c.metric().key(), number(p.predicted()), number(p.measured()),
                        number(p.relativeError()), number(p.logError()), p.prediction().layout(), p.family(), "");
            } else if (outcome instanceof CaseOutcome.Unpredicted u) {
                table.row(c.id(), c.metric().key(), "", number(c.value()), "", "", "", "", u.problem());
            }
        }
        return table;
    }

    private static ObjectNode json(ValidationReport report) {
        ObjectNode root = Json.object();
        ArrayNode cases = root.putArray("cases");
        for (CaseOutcome outcome : report.outcomes()) {
            ValidationCase c = outcome.validationCase();
            ObjectNode node = cases.addObject();
            node.put("id", c.id());
            if (outcome instanceof CaseOutcome.Predicted p) {
                node.put("metric", c.metric().key());
                node.put("predicted", p.predicted());
                node.put("measured", p.measured());
                node.put("relativeError", p.relativeError());
                node.put("logError", p.logError());
                node.put("layout", p.prediction().layout());
                node.put("hardware", c.hardware());
                node.put("family", p.family());
                ArrayNode notes = node.putArray("notes");
                p.prediction().notes().forEach(notes::add);
            } else if (outcome instanceof CaseOutcome.Unpredicted u) {
                node.put("problem", u.problem());
                node.put("metric", c.metric().key());
                node.put("measured", c.value());
            }
        }
        putOrNull(root, "medianError", report.medianError());
        putOrNull(root, "p90Error", report.p90Error());
        root.put("problems", report.problemCount());
        return root;
    }

    private static void putOrNull(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    /** @return the metric in a table's words: what the figure is, its unit with the figure */
    private static String metric(Metric metric) {
        return switch (metric) {
            case SECONDS -> "step time";
            case TTFT_SECONDS -> "TTFT";
            case OUTPUT_TOKENS_PER_SECOND_PER_USER -> "tok/s per user";
            case OUTPUT_TOKENS_PER_SECOND -> "tok/s";
            case TOKENS_PER_JOULE -> "tok/J";
        };
    }

    /** @return a time with its unit (29.2 ms), other figures with four significant digits (24,520; 4.48) */
    private static String figure(Metric metric, double value) {
        if (metric == Metric.SECONDS || metric == Metric.TTFT_SECONDS) {
            return Units.seconds(value);
        }
        double rounded = new BigDecimal(value).round(new MathContext(4)).doubleValue();
        return rounded >= 1000 ? String.format(Locale.ROOT, "%,.0f", rounded)
                : new BigDecimal(rounded).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String number(double value) {
        return Numbers.plain(value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String percent(OptionalDouble fraction) {
        return fraction.isPresent() ? percent(fraction.getAsDouble()) : "-";
    }
}
