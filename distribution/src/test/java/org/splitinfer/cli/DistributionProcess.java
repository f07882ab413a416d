package org.splitinfer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the assembled distribution's {@code bin/splitinfer} as a separate process, as a user would. */
record DistributionProcess(int exitCode, String out, String err) {

    static Path home() {
        return Path.of(System.getProperty("splitinfer.distribution", "target/splitinfer"));
    }

    static DistributionProcess run(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home().resolve("bin/splitinfer").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("splitinfer-out", ".txt");
        Path err = Files.createTempFile("splitinfer-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("SPLITINFER_PLUGINS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("splitinfer " + String.join(" ", args) + " did not finish");
        }
        DistributionProcess result = new DistributionProcess(process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
