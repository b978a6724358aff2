package org.commercemesh.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMeterTest {

    @Test
    void givenAServicePidFile_whenTheProcessBurnsCpu_thenTheMeterCountsItAsServiceTime(@TempDir Path pids)
            throws Exception {
        Files.writeString(pids.resolve("this-svc.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(pids.resolve("kafka.pid"), "1\n");
        CpuMeter meter = CpuMeter.of(pids);

        CpuMeter.Sample before = meter.sample();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        CpuMeter.Sample spent = meter.sample().minus(before);

        assertThat(spins).isPositive();
        assertThat(spent.services()).isBetween(250.0, 2_000.0);
    }

    @Test
    void givenNoPidDirectory_thenTheMeterKnowsNoServices(@TempDir Path somewhere) {
        CpuMeter meter = CpuMeter.of(somewhere.resolve("missing"));

        assertThat(meter.measuresServices()).isFalse();
        assertThat(meter.sample().services()).isZero();
    }
}
