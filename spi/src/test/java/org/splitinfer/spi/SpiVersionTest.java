package org.splitinfer.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpiVersionTest {

    @Test
    void theRunningVersionIsReadFromTheJarAndMatchesTheConstants() {
        assertThat(SpiVersion.current()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
    }

    @Test
    void aPluginRunsOnTheSameMajorWithANewerOrEqualMinorOnly() {
        SpiVersion host = new SpiVersion(1, 2);

        assertThat(new SpiVersion(1, 0).canRunOn(host)).isTrue();
        assertThat(new SpiVersion(1, 2).canRunOn(host)).isTrue();
        assertThat(new SpiVersion(1, 3).canRunOn(host)).as("needs methods the host lacks").isFalse();
        assertThat(new SpiVersion(2, 0).canRunOn(host)).isFalse();
    }
}
