package org.splitinfer.core.cost;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StackProfile;

/**
 * Reads and writes the fitted parameters (serving-calibration.yaml). Written only by the fit
 * ({@code splitinfer calibrate --write}); read strictly.
 */
public final class ServingCalibrationFile {
    /** The shipped parameters' resource. */
    public static final String RESOURCE = "org/splitinfer/core/calibration/serving-calibration.yaml";

    private ServingCalibrationFile() {
    }

    private record Profile(@JsonProperty(required = true) double kernelEfficiency,
                           @JsonProperty(required = true) double stepOverheadSeconds) {
    }

    private record File(@JsonProperty(required = true) Map<String, Profile> stacks,
                        @JsonProperty(required = true) Profile unknownStack,
                        @JsonProperty(required = true) Map<String, Double> collectiveStepSeconds) {
    }

    /** @return the shipped parameters */
    public static ServingCalibration shipped() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = ServingCalibrationFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from splitinfer-core; rebuild it");
            }
            File file = yaml.readValue(in, File.class);
            Map<String, StackProfile> stacks = new LinkedHashMap<>();
            file.stacks().forEach((name, p) -> stacks.put(name, new StackProfile(p.kernelEfficiency(),
                    p.stepOverheadSeconds())));
            return new ServingCalibration(stacks, new StackProfile(file.unknownStack().kernelEfficiency(),
                    file.unknownStack().stepOverheadSeconds()), file.collectiveStepSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The YAML text of a calibration, byte-stable for the same values.
     *
     * @param calibration the parameters
     * @param header      comment lines to open the file with (how it was produced)
     * @return the document
     */
    public static String render(ServingCalibration calibration, String header) {
        StringBuilder text = new StringBuilder();
        for (String line : header.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        text.append("stacks:\n");
        calibration.stacks().forEach((name, p) -> text.append("  ").append(name).append(": ").append(profile(p))
                .append('\n'));
        text.append("unknownStack: ").append(profile(calibration.unknownStack())).append('\n');
        text.append("collectiveStepSeconds:\n");
        calibration.collectiveStepSeconds().forEach((family, seconds) -> text.append("  ").append(family)
                .append(": ").append(number(seconds)).append('\n'));
        return text.toString();
    }

    private static String profile(StackProfile profile) {
        return "{kernelEfficiency: " + number(profile.kernelEfficiency()) + ", stepOverheadSeconds: "
                + number(profile.stepOverheadSeconds()) + "}";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
