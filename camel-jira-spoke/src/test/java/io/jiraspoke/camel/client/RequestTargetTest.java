package io.jiraspoke.camel.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request to Jira is sent with its path as built, without a {@link java.net.URI} of its own, only when the path is
 * a valid request target as it is; anything else goes through {@code URI.create}, which refuses it as before.
 */
class RequestTargetTest {

    @Test
    void encodedPathsAndQueriesAreSentAsTheyAre() {
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue/PROJ-1")).isTrue();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/search/jql?jql=project%20%3D%20ABC&fields=*navigable"))
                .isTrue();
        assertThat(JiraHttp.isRequestTarget("/rest/api/2/user?username=j.o%27brien&expand=groups,applicationRoles"))
                .isTrue();
        assertThat(JiraHttp.isRequestTarget("/rest/agile/1.0/board/7/sprint?state=active;future")).isTrue();
    }

    @Test
    void anythingElseIsLeftToTheUriParser() {
        assertThat(JiraHttp.isRequestTarget("")).isFalse();
        assertThat(JiraHttp.isRequestTarget("rest/api/3/issue")).as("no leading slash").isFalse();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue/A B")).as("a space").isFalse();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue/Ä")).as("not ASCII").isFalse();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue/%4")).as("a cut-off escape").isFalse();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue/%zz")).as("not hex").isFalse();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue#x")).as("a fragment").isFalse();
        assertThat(JiraHttp.isRequestTarget("/rest/api/3/issue?jql=a\"b")).as("a quote").isFalse();
    }
}
