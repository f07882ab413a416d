package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same requests; each source of randomness on its own named stream. */
class SeededStreamsTest {
    private static final LognormalLengths CHATTY = LengthDistribution.lognormal(new LognormalTokens(1000, 0.8, 16_384),
            new LognormalTokens(200, 0.7, 2048));

    @Test
    void theSameSeedGivesTheSameRequestsDrawForDraw() {
        for (WorkloadSpec workload : List.of(Workloads.poisson(5, CHATTY), Workloads.gamma(5, 4, CHATTY),
                Workloads.backlog(CHATTY))) {
            assertThat(Requests.first(workload, 42, 1_000)).isEqualTo(Requests.first(workload, 42, 1_000));
            assertThat(Requests.first(workload, 42, 1_000)).isNotEqualTo(Requests.first(workload, 43, 1_000));
        }
    }

    @Test
    void otherLengthsLeaveTheArrivalsOfASeedAsTheyWere() {
        List<Requests> chatty = Requests.first(Workloads.gamma(5, 2, CHATTY), 9, 1_000);
        List<Requests> fixed = Requests.first(Workloads.gamma(5, 2, LengthDistribution.fixed(1, 1)), 9, 1_000);

        assertThat(chatty).extracting(Requests::arrivalNanos)
                .isEqualTo(fixed.stream().map(Requests::arrivalNanos).toList());
    }

    @Test
    void otherArrivalsLeaveTheLengthsOfASeedAsTheyWere() {
        List<Requests> poisson = Requests.first(Workloads.poisson(5, CHATTY), 9, 1_000);
        List<Requests> bursty = Requests.first(Workloads.gamma(50, 6, CHATTY), 9, 1_000);

        assertThat(poisson).extracting(Requests::inputTokens)
                .isEqualTo(bursty.stream().map(Requests::inputTokens).toList());
        assertThat(poisson).extracting(Requests::outputTokens)
                .isEqualTo(bursty.stream().map(Requests::outputTokens).toList());
    }

    @Test
    void streamsOfOneSeedByOtherNamesAndOfNeighbouringSeedsDiffer() {
        long arrivals = RandomStreams.named(1, RandomStreams.ARRIVALS).nextLong();

        assertThat(RandomStreams.named(1, RandomStreams.ARRIVALS).nextLong()).isEqualTo(arrivals);
        assertThat(RandomStreams.named(1, RandomStreams.LENGTHS).nextLong()).isNotEqualTo(arrivals);
        assertThat(RandomStreams.named(2, RandomStreams.ARRIVALS).nextLong()).isNotEqualTo(arrivals);
    }
}
