package com.example.capacity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the example as its user would and reads what it printed. */
class SplitEstimateTest {
    @Test
    void printsTheEstimateOfTheSplitDeployment() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SplitEstimate.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        Matcher figures = Pattern.compile("TTFT (\\d+) ms, (\\d+) tokens/s per user, \\$([0-9.]+) per million tokens"
                + " on (\\d+) chips").matcher(printed);

        assertTrue(figures.find(), printed);
        // 8 H100s plus hundreds of LPUs: an LPU holds 230 MB of SRAM, the 70B model at INT8 is 70 GB
        assertTrue(Integer.parseInt(figures.group(4)) > 300, printed);
        assertTrue(Integer.parseInt(figures.group(1)) > 0 && Double.parseDouble(figures.group(3)) > 0, printed);
    }
}
