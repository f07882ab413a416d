package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.band.BandMethod;
import org.splitinfer.core.band.ResidualFile;
import org.splitinfer.core.band.ResidualTable;
import org.splitinfer.core.calibration.CalibrationResult;
import org.splitinfer.core.calibration.FittedParameter;
import org.splitinfer.core.calibration.ServingCalibrationFit;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.cost.ServingCalibrationFile;
import org.splitinfer.core.validate.LeaveOneOut;
import org.splitinfer.core.validate.ValidationCase;
import org.splitinfer.core.validate.ValidationCases;
import org.splitinfer.core.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer calibrate}: re-derives every fitted parameter from the calibration cases and prints the fit. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Fit the serving-stack profiles (efficiencies, overheads, host, ring-collective and per-layer"
                + " costs, attention's ceiling) to validation cases and print every parameter with its bounds and the"
                + " cases it draws on.",
                "--write FILE saves them in the format of the shipped"
                        + " core/src/main/resources/org/splitinfer/core/calibration/serving-calibration.yaml.",
                "--write-bands FILE runs leave-one-out (one fit per case) and saves the residuals error bands are"
                        + " taken from, in the format of the shipped"
                        + " core/src/main/resources/org/splitinfer/core/band/leave-one-out-residuals.yaml."})
final class CalibrateCommand implements Runnable {
    private final InstalledHardware hardware;
    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--cases", paramLabel = "FILE", converter = PathFlags.InputFile.class,
            description = "Cases in the validation format (default: the shipped calibration cases).")
    private Path casesFile;

    @Option(names = "--write", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Write the fitted parameters to FILE.")
    private Path output;

    @Option(names = "--write-bands", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Run leave-one-out and write the residuals error bands are taken from to FILE.")
    private Path bandsOutput;

    @Inject
    CalibrateCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationCase> cases = casesFile == null ? ValidationCases.builtIn() : ValidationCases.read(casesFile);
        HardwareRegistry registry = hardware.load(root.pluginDirectories(), spec.commandLine().getErr());
        CalibrationResult result = new ServingCalibrationFit(registry, models.catalog()).fitWithReport(cases);
        TextTable table = new TextTable("parameter", "value", "bounds", "unit", "cases");
        for (FittedParameter parameter : result.parameters()) {
            table.row(parameter.name(), String.format(Locale.ROOT, "%.4g", parameter.value()),
                    String.format(Locale.ROOT, "[%.3g, %.3g]", parameter.lowerBound(), parameter.upperBound()),
                    parameter.unit(), parameter.cases().size());
        }
        int columns = root.columns();
        table.printAligned(out, columns);
        out.println();
        // the cases each parameter draws on: long lists of ids, under the table
        out.println("each parameter draws on:");
        for (FittedParameter parameter : result.parameters()) {
            Text.print(out, "  ", parameter.name() + ": " + String.join(", ", parameter.cases()), columns);
        }
        out.println();
        out.println(result.parameters().size() + " parameters fitted to " + result.cases() + " cases");
        for (String skipped : result.skipped()) {
            Text.print(out, "skipped ", skipped, columns);
        }
        if (output != null) {
            String header = "Fitted by 'splitinfer calibrate' to " + result.cases() + " cases"
                    + (casesFile == null ? " (the shipped calibration set)" : " of " + casesFile.getFileName())
                    + ".\nRegenerate: ./splitinfer calibrate --write core/src/main/resources/"
                    + ServingCalibrationFile.RESOURCE.substring(0, ServingCalibrationFile.RESOURCE.lastIndexOf('/') + 1)
                    + "serving-calibration.yaml\nThe procedure and bounds are documented on ServingCalibrationFit.";
            AtomicFile.write(output, ServingCalibrationFile.render(result.calibration(), header), "--write");
            out.println("wrote " + output);
        }
        if (bandsOutput != null) {
            writeBands(out, cases, registry);
        }
        out.flush();
    }

    /** Leave-one-out over the cases, then the residual table and how often its bands hold their own cases. */
    private void writeBands(PrintWriter out, List<ValidationCase> cases, HardwareRegistry registry) {
        ProgressBar bar = ProgressBar.of(spec.commandLine().getErr(), cases.size(), root.errorIsTerminal());
        ValidationReport report = LeaveOneOut.run(cases, new ServingCalibrationFit(registry, models.catalog()),
                id -> registry.ids().contains(id) ? registry.get(id).spec().family().name() : null, bar::update);
        bar.done();
        ResidualTable table = ResidualTable.fromLeaveOneOut(report);
        BandMethod.Coverage coverage = BandMethod.leaveOneOutCoverage(table);
        Text.print(out, "", String.format(Locale.ROOT, "leave-one-out residuals of %d of %d cases; %d of them (%.0f%%) lie"
                        + " in their own %.0f%% band taken without them", table.residuals().size(), cases.size(),
                coverage.covered(), coverage.fraction() * 100, BandMethod.COVERAGE * 100), root.columns());
        String header = "Leave-one-out residuals: each case predicted by a calibration fitted without it, by"
                + " 'splitinfer calibrate --write-bands' on " + table.residuals().size() + " cases"
                + (casesFile == null ? " (the shipped calibration set)" : " of " + casesFile.getFileName())
                + ".\nRegenerate: ./splitinfer calibrate --write-bands core/src/main/resources/"
                + ResidualFile.RESOURCE
                + "\nError bands are taken from these (BandMethod; docs/error-bands.md).";
        AtomicFile.write(bandsOutput, ResidualFile.render(table, header), "--write-bands");
        out.println("wrote " + bandsOutput);
    }
}
