package org.commercemesh.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void givenNamedParameters_thenEachNameBecomesOnePlaceholderInOrderOfFirstUse() {
        NamedSql parsed = NamedSql.parse("select * from t where a = :first and (b, id) < (:after, :id) and c = :first");

        assertThat(parsed.sql()).isEqualTo("select * from t where a = $1 and (b, id) < ($2, $3) and c = $1");
        assertThat(parsed.names()).containsExactly("first", "after", "id");
    }

    @Test
    void givenCastsAndQuotedText_thenTheyAreLeftAsWritten() {
        NamedSql parsed = NamedSql.parse(
                "select address::text, ':not' as \"a:b\" from t where q @@ websearch_to_tsquery('english', :q)");

        assertThat(parsed.sql())
                .isEqualTo(
                        "select address::text, ':not' as \"a:b\" from t where q @@ websearch_to_tsquery('english', $1)");
        assertThat(parsed.names()).containsExactly("q");
    }

    @Test
    void givenAnUnterminatedQuote_thenItIsRefused() {
        assertThatThrownBy(() -> NamedSql.parse("select 'oops where a = :a"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
