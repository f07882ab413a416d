package org.splitinfer.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    @TempDir
    Path folder;

    /** 3 rates x 2 SLOs x 2 objectives = 12 points. */
    private static final List<SweepPoint> POINTS = SweepGrid.parse("grid.yaml", """
            models: [llama-3.1-8b]
            rates: [1, 2, 3]
            slos: ["ttft=1s,tpot=50ms", "ttft=2s,tpot=80ms"]
            objectives: [cost, chips]
            """, Path.of(".")).points();

    /** A stand-in for the planner: a row whose figures follow from the point, after a delay that varies by point. */
    private static SweepRow fake(SweepPoint point) {
        try {
            Thread.sleep((point.index() * 7L) % 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Object> values = new ArrayList<>(Collections.nCopies(SweepColumn.ALL.size(), null));
        values.set(0, (long) point.index());
        values.set(1, point.key());
        values.set(2, "plan");
        values.set(3, point.model());
        values.set(13, "winner");
        values.set(14, "a message, with a comma and a \"quote\"");
        values.set(19, (long) point.index() + 1);
        values.set(20, point.rateRequestsPerSecond() * point.ttftSeconds());
        return new SweepRow(values);
    }

    @Test
    void rowsComeInPointOrderWhateverTheThreadCount() throws Exception {
        Path one = folder.resolve("one.csv");
        Path four = folder.resolve("four.csv");

        new SweepRunner(SweepRunnerTest::fake, 1).run(POINTS, one, false, done -> { });
        new SweepRunner(SweepRunnerTest::fake, 4).run(POINTS, four, false, done -> { });

        assertThat(Files.readString(four)).isEqualTo(Files.readString(one));
        List<String> lines = Files.readAllLines(one);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo(SweepCsv.HEADER);
        // point 5 = rate 2 (4 points a rate), SLO 1 (ttft 1 s), objective chips: chips 5 + 1, ttft 2 x 1 = 2.0
        assertThat(lines.get(6)).startsWith("5," + POINTS.get(5).key() + ",plan,llama-3.1-8b,")
                .contains(",winner,\"a message, with a comma and a \"\"quote\"\"\",")
                .contains(",6,2.0,");
        assertThat(SweepCsv.fields(lines.get(6))).hasSize(SweepColumn.ALL.size());
    }

    @Test
    void aResumedSweepComputesOnlyTheMissingPointsAndEndsAsAnUninterruptedOne() throws Exception {
        Path whole = folder.resolve("whole.csv");
        new SweepRunner(SweepRunnerTest::fake, 2).run(POINTS, whole, false, done -> { });
        String expected = Files.readString(whole);
        // the interruption: the header and 5 rows whole, the sixth torn half-way
        List<String> lines = Files.readAllLines(whole);
        Path cut = folder.resolve("cut.csv");
        String kept = String.join("\n", lines.subList(0, 6)) + "\n";
        Files.writeString(cut, kept + lines.get(6).substring(0, lines.get(6).length() / 2));
        ConcurrentLinkedQueue<Integer> evaluated = new ConcurrentLinkedQueue<>();
        Function<SweepPoint, SweepRow> counting = point -> {
            evaluated.add(point.index());
            return fake(point);
        };
        List<Long> progress = new ArrayList<>();

        SweepRunner.Summary summary = new SweepRunner(counting, 3).run(POINTS, cut, true, progress::add);

        // 12 points, 5 rows kept: points 5 to 11 computed (the torn row 5 again)
        assertThat(evaluated).containsExactlyInAnyOrder(5, 6, 7, 8, 9, 10, 11);
        assertThat(summary).extracting(SweepRunner.Summary::points, SweepRunner.Summary::computed,
                SweepRunner.Summary::skipped).containsExactly(12, 7, 5);
        assertThat(progress).startsWith(5L).endsWith(12L);
        assertThat(Files.readString(cut)).isEqualTo(expected);
    }

    @Test
    void aTornLineThatEndsAtALineBreakIsDroppedToo() throws Exception {
        Path file = folder.resolve("torn.csv");
        new SweepRunner(SweepRunnerTest::fake, 2).run(POINTS, file, false, done -> { });
        String expected = Files.readString(file);
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, String.join("\n", lines.subList(0, 3)) + "\n" + lines.get(3).substring(0, 30)
                + "\n");
        AtomicInteger evaluations = new AtomicInteger();

        new SweepRunner(point -> {
            evaluations.incrementAndGet();
            return fake(point);
        }, 2).run(POINTS, file, true, done -> { });

        // rows 0 and 1 kept; 12 - 2 = 10 computed
        assertThat(evaluations).hasValue(10);
        assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @Test
    void resumingAFinishedSweepComputesNothingAndResumingNothingStartsTheFile() throws Exception {
        Path file = folder.resolve("done.csv");
        new SweepRunner(SweepRunnerTest::fake, 2).run(POINTS, file, true, done -> { });
        String expected = Files.readString(file);
        AtomicInteger evaluations = new AtomicInteger();

        new SweepRunner(point -> {
            evaluations.incrementAndGet();
            return fake(point);
        }, 2).run(POINTS, file, true, done -> { });

        assertThat(evaluations).hasValue(0);
        assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @Test
    void aResumedFileWithAnotherGridsRowsIsRefused() throws Exception {
        Path file = folder.resolve("other.csv");
        new SweepRunner(SweepRunnerTest::fake, 2).run(POINTS, file, false, done -> { });
        List<SweepPoint> otherGrid = SweepGrid.parse("grid.yaml", "models: [llama-3.1-8b]\nrates: [1]\nseed: 9\n",
                Path.of(".")).points();

        assertThatThrownBy(() -> new SweepRunner(SweepRunnerTest::fake, 2).run(otherGrid, file, true, done -> { }))
                .isInstanceOf(SweepException.class)
                .hasMessageStartingWith("sweep output '" + file + "' holds a row (key " + POINTS.get(0).key()
                        + ") that is no point of this grid");
    }

    @Test
    void aFileThatIsNotASweepsOutputIsRefused() throws Exception {
        Path file = folder.resolve("notes.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new SweepRunner(SweepRunnerTest::fake, 1).run(POINTS, file, true, done -> { }))
                .hasMessageContaining("does not start with a sweep's header");
    }
}
