package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JQL parser alone: the tree it builds (printed fully parenthesised) and the errors it gives, with positions. */
class JqlTest {

    private static String tree(String jql) {
        return Jql.parse(jql).toString();
    }

    private static String error(String jql) {
        try {
            Jql.parse(jql);
        } catch (JiraError e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).isEmpty();
            return e.errorMessages().get(0);
        }
        throw new AssertionError("parsed: " + jql);
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(tree("project = A OR project = B AND status = Done"))
                .isEqualTo("(project = A OR (project = B AND status = Done))");
        assertThat(tree("(project = A OR project = B) AND status = Done"))
                .isEqualTo("((project = A OR project = B) AND status = Done)");
    }

    @Test
    void notAppliesToTheNextTermAndNests() {
        assertThat(tree("NOT status = Done AND labels = x")).isEqualTo("(NOT status = Done AND labels = x)");
        assertThat(tree("not (a = 1 or b = 2)")).isEqualTo("NOT (a = 1 OR b = 2)");
        assertThat(tree("!a = 1 && b = 2 || c = 3")).isEqualTo("((NOT a = 1 AND b = 2) OR c = 3)");
        assertThat(tree("NOT NOT a = 1")).isEqualTo("NOT NOT a = 1");
    }

    @Test
    void everyOperatorIsRead() {
        assertThat(tree("a = 1 and b != 2 and c > 3 and d >= 4 and e < 5 and f <= 6 and g ~ x and h !~ y"))
                .isEqualTo("(a = 1 AND b != 2 AND c > 3 AND d >= 4 AND e < 5 AND f <= 6 AND g ~ x AND h !~ y)");
        assertThat(tree("a in (1, \"two\", EMPTY) and b not in (x) and c is empty and d is not null"))
                .isEqualTo("(a in (1, \"two\", EMPTY) AND b not in (x) AND c is EMPTY AND d is not EMPTY)");
    }

    @Test
    void valuesQuotedOrNotAndFunctions() {
        assertThat(tree("summary ~ \"full screen\"")).isEqualTo("summary ~ \"full screen\"");
        assertThat(tree("summary ~ 'it\\'s \\\"here\\\"'")).isEqualTo("summary ~ \"it's \\\"here\\\"\"");
        assertThat(tree("created >= -5m AND updated < 2026/01/31")).isEqualTo("(created >= -5m AND updated < 2026/01/31)");
        assertThat(tree("key in (DEMO-1,DEMO-2)")).isEqualTo("key in (DEMO-1, DEMO-2)");
        assertThat(tree("assignee = currentUser() and sprint in openSprints() and created > startOfDay(\"-1d\")"))
                .isEqualTo("(assignee = currentUser() AND sprint in openSprints() AND created > startOfDay(-1d))");
        assertThat(tree("\"Story Points\" > 3 AND cf[10016] = 5")).isEqualTo("(Story Points > 3 AND cf[10016] = 5)");
        assertThat(tree("project=A")).isEqualTo("project = A");
    }

    @Test
    void orderByAlone_orAfterAQuery() {
        Jql.Query alone = Jql.parse("ORDER BY updated DESC, key");
        assertThat(alone.where()).isNull();
        assertThat(alone.orderBy()).extracting(Object::toString).containsExactly("updated DESC", "key ASC");
        assertThat(tree("project = A order by created asc")).isEqualTo("project = A ORDER BY created ASC");
        assertThat(Jql.parse("").where()).isNull();
        assertThat(Jql.parse("   ").orderBy()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "project =                 | Expecting either a value, list or function but got the end of the query. (line 1, character 10)",
        "project = A AND           | Expecting a field name but got the end of the query. (line 1, character 16)",
        "project = A B             | Expecting either 'OR' or 'AND' but got 'B'. (line 1, character 13)",
        "project A                 | Expecting operator but got 'A'.",
        "(project = A              | Expecting ')' but got the end of the query. (line 1, character 13)",
        "summary ~ \"open          | The quoted string 'open' has not been completed. (line 1, character 11)",
        "project in A              | Expecting '(' but got 'A'. (line 1, character 12)",
        "project = (A)             | Expecting either a value, list or function but got '('.",
        "ORDER BY                  | Expecting a field name but got the end of the query. (line 1, character 9)",
        "project = A ORDER created | Expecting 'BY' but got 'created'. (line 1, character 19)",
        "project = A & b = c       | Expecting '&&' but got '&'. (line 1, character 13)",
        "AND = 1                   | Expecting a field name but got 'AND'. (line 1, character 1)",
        "status was Done           | The Jira emulator does not support the 'WAS' operator (history searches).",
        "status changed            | The Jira emulator does not support the 'CHANGED' operator (history searches).",
        "f(1 = 2                   | Expecting operator but got '('.",
    })
    void errorsSayWhatWasExpectedAndWhere(String jql, String message) {
        assertThat(error(jql.strip())).startsWith("Error in the JQL Query: ").contains(message);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
        assertThat(error(deep)).contains("nests deeper than " + Jql.MAX_DEPTH);
        assertThat(error("NOT ".repeat(10_000) + "a = 1")).contains("nests deeper than");
        assertThat(tree("(".repeat(20) + "a = 1" + ")".repeat(20))).isEqualTo("a = 1");
    }

    @Test
    void hugeQueriesAreRefused() {
        assertThatThrownBy(() -> Jql.parse("a = 1 OR ".repeat(20_000) + "a = 1"))
                .isInstanceOf(JiraError.class).hasMessageContaining("too long");
    }
}
