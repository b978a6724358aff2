package org.commercemesh.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.rpc.Code;

class ContractEnumTest {

    enum Outcome implements ContractEnum<Code> {
        DONE(Code.OK), MISSING(Code.NOT_FOUND);

        private final Code proto;

        Outcome(Code proto) {
            this.proto = proto;
        }

        @Override
        public Code toProto() {
            return proto;
        }
    }

    @Test
    void givenAContractValue_thenTheConstantNamingItIsFound_andAnUnmappedOneIsEmpty() {
        assertThat(ContractEnum.of(Outcome.class, Code.NOT_FOUND)).contains(Outcome.MISSING);
        assertThat(ContractEnum.of(Outcome.class, Code.OK)).contains(Outcome.DONE);
        assertThat(ContractEnum.of(Outcome.class, Code.INTERNAL)).isEmpty();
        assertThat(ContractEnum.of(Outcome.class, Code.UNRECOGNIZED)).isEmpty();
    }
}
