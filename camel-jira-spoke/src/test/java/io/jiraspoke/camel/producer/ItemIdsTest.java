package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.client.JiraJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How list consumers follow an item across polls when Jira's ids come as numbers, strings, or not at all. */
class ItemIdsTest {

    private static String of(String json, String... fields) throws Exception {
        return ItemIds.of(JiraJson.MAPPER.readTree(json), fields);
    }

    @Test
    void anIdIsTheSameAsANumberAndAsAString() throws Exception {
        assertThat(of("{\"id\":37,\"name\":\"Sprint\"}", "id")).isEqualTo("37");
        assertThat(of("{\"id\":\"37\",\"name\":\"Sprint\"}", "id")).isEqualTo("37");
    }

    @Test
    void theFirstFieldWithAValueWinsAndBlankOrNullIsNone() throws Exception {
        assertThat(of("{\"groupId\":null,\"name\":\"site-admins\"}", "groupId", "name")).isEqualTo("site-admins");
        assertThat(of("{\"accountId\":\" \",\"key\":\"JIRAUSER10517\",\"name\":\"ghopper\"}", "accountId", "key",
                "name")).isEqualTo("JIRAUSER10517");
        // an object is no id, whatever its field is called
        assertThat(of("{\"id\":{\"value\":1},\"self\":\"https://jira.example.com/rest/agile/1.0/sprint/39\"}", "id"))
                .isEqualTo("https://jira.example.com/rest/agile/1.0/sprint/39");
    }

    @Test
    void withoutIdOrSelfTheDigestOfTheItemStandsIn() throws Exception {
        String a = of("{\"name\":\"Zahlungsverkehr Köln\",\"html\":\"Zahlungsverkehr K&ouml;ln\"}", "groupId");
        String same = of("{\"name\":\"Zahlungsverkehr Köln\",\"html\":\"Zahlungsverkehr K&ouml;ln\"}", "groupId");
        String other = of("{\"name\":\"payments-oncall\",\"html\":\"payments-oncall\"}", "groupId");

        assertThat(a).startsWith("#").isEqualTo(same).isNotEqualTo(other);
    }
}
