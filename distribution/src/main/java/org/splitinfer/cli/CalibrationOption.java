package org.splitinfer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --calibration FILE}, shared by the commands that apply serving-stack profiles ({@code estimate},
 * {@code simulate}, {@code plan}, {@code compare}, {@code sensitivity}): the profiles of FILE, in the format
 * {@code calibrate --write} writes, instead of the shipped calibration. It is the what-if of a fitted parameter, such
 * as a stack's time per layer, as {@code --set} is the what-if of a chip's figure.
 */
final class CalibrationOption {
    @Option(names = "--calibration", paramLabel = "FILE", converter = PathFlags.InputFile.class,
            description = "Serve with the serving-stack profiles of FILE (the format 'calibrate --write' writes)"
                    + " instead of the shipped calibration: a what-if of fitted parameters, such as a stack's time"
                    + " per layer.")
    Path file;
}
