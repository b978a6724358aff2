package org.commercemesh.edge.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void givenAValidTraceparent_thenTheClientsTraceContinues() {
        String client = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(TraceParent.continueOrStart(client)).isEqualTo(client);
    }

    @Test
    void givenNoTraceparent_thenANewSampledTraceStarts() {
        String started = TraceParent.continueOrStart(null);

        assertThat(TraceParent.isValid(started)).isTrue();
        assertThat(started).endsWith("-01").isNotEqualTo(TraceParent.continueOrStart(null));
    }

    @Test
    void givenAMalformedOrAllZeroTraceparent_thenItIsReplaced() {
        for (String bad : new String[]{ "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "" }) {
            String replaced = TraceParent.continueOrStart(bad);
            assertThat(replaced).as(bad).isNotEqualTo(bad);
            assertThat(TraceParent.isValid(replaced)).as(bad).isTrue();
        }
    }
}
