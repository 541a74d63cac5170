package io.jiraspoke.camel.paging;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jiraspoke.camel.error.JiraSpokeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pager against pages built here: what it asks for on each page, when it stops, and that it fetches lazily.
 * Items are numbered JSON ints; the mapper turns them into Integers.
 */
class JiraPagerTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Function<JsonNode, Integer> INT = JsonNode::asInt;

    /** A fetcher that answers prepared pages in order and records the parameters of each request. */
    private static final class Pages implements JiraPager.PageFetcher {
        final List<JsonNode> answers = new ArrayList<>();
        final List<Map<String, Object>> asked = new ArrayList<>();

        Pages add(JsonNode page) {
            answers.add(page);
            return this;
        }

        @Override
        public JsonNode fetch(Map<String, Object> pageParameters) {
            asked.add(new LinkedHashMap<>(pageParameters));
            if (asked.size() > answers.size()) {
                throw new AssertionError("page " + asked.size() + " fetched, only " + answers.size() + " prepared: "
                                         + asked);
            }
            return answers.get(asked.size() - 1);
        }
    }

    private static ArrayNode items(int from, int count) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < count; i++) {
            a.add(from + i);
        }
        return a;
    }

    private static ObjectNode startAtPage(String field, int startAt, int maxResults, Integer total, int from,
                                          int count) {
        ObjectNode o = F.objectNode();
        o.put("startAt", startAt);
        o.put("maxResults", maxResults);
        if (total != null) {
            o.put("total", total);
        }
        o.set(field, items(from, count));
        return o;
    }

    private static ObjectNode tokenPage(int from, int count, String nextPageToken) {
        ObjectNode o = F.objectNode();
        o.set("issues", items(from, count));
        if (nextPageToken != null) {
            o.put("nextPageToken", nextPageToken);
        }
        return o;
    }

    private static ObjectNode cursorPage(int from, int count, String nextCursor, Boolean lastPage) {
        ObjectNode o = F.objectNode();
        o.set("entities", items(from, count));
        ObjectNode info = o.putObject("pagingInfo");
        if (nextCursor != null) {
            info.put("nextPageCursor", nextCursor);
        }
        if (lastPage != null) {
            info.put("lastPage", lastPage);
        }
        return o;
    }

    private static List<Integer> range(int from, int count) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            l.add(from + i);
        }
        return l;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // START_AT

    @Test
    void startAtStopsWhenTotalIsReachedAndAsksForEachPageByPosition() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 2, 5, 0, 2))
                .add(startAtPage("values", 2, 2, 5, 2, 2))
                .add(startAtPage("values", 4, 2, 5, 4, 1));

        List<Integer> all = JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, INT).toList();

        assertThat(all).containsExactly(0, 1, 2, 3, 4);
        assertThat(pages.asked).containsExactly(
                params("startAt", 0L, "maxResults", 2),
                params("startAt", 2L, "maxResults", 2),
                params("startAt", 4L, "maxResults", 2));
    }

    @Test
    void startAtStopsOnTotalWithoutFetchingAnEmptyPage() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 3, 6, 0, 3))
                .add(startAtPage("values", 3, 3, 6, 3, 3));

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 3, 0, INT).toList()).isEqualTo(range(0, 6));
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void startAtContinuesAfterAShortPageWhenTotalSaysMoreFollow() {
        // Jira may answer fewer than maxResults (its own cap, or permission filtering) although more items follow.
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 50, 7, 0, 3))
                .add(startAtPage("values", 3, 50, 7, 3, 4));

        List<Integer> all = JiraPager.of(PagingStyle.START_AT, pages, "values", 50, 0, INT).toList();

        assertThat(all).isEqualTo(range(0, 7));
        assertThat(pages.asked.get(1)).isEqualTo(params("startAt", 3L, "maxResults", 50));
    }

    @Test
    void startAtWithoutTotalContinuesPastShortPagesUntilAnEmptyPage() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 4, null, 0, 2))
                .add(startAtPage("values", 2, 4, null, 2, 4))
                .add(startAtPage("values", 6, 4, null, 6, 0));

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 4, 0, INT).toList()).isEqualTo(range(0, 6));
        assertThat(pages.asked).extracting(p -> p.get("startAt")).containsExactly(0L, 2L, 6L);
    }

    @Test
    void startAtStopsOnIsLastEvenWithoutTotal() {
        ObjectNode last = startAtPage("values", 2, 2, null, 2, 2);
        last.put("isLast", true);
        Pages pages = new Pages().add(startAtPage("values", 0, 2, null, 0, 2)).add(last);

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, INT).toList()).isEqualTo(range(0, 4));
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void startAtWithIsLastFalseKeepsGoing() {
        ObjectNode first = startAtPage("values", 0, 2, null, 0, 2);
        first.put("isLast", false);
        ObjectNode second = startAtPage("values", 2, 2, null, 2, 1);
        second.put("isLast", true);
        Pages pages = new Pages().add(first).add(second);

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, INT).toList()).containsExactly(0, 1, 2);
    }

    @Test
    void startAtEmptyResultFetchesOnePage() {
        Pages pages = new Pages().add(startAtPage("issues", 0, 50, 0, 0, 0));

        JiraPager<Integer> pager = JiraPager.of(PagingStyle.START_AT, pages, "issues", 50, 0, INT);

        Iterator<Integer> it = pager.iterator();
        assertThat(it.hasNext()).isFalse();
        assertThat(pages.asked).hasSize(1);
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(pages.asked).as("an exhausted iterator does not ask again").hasSize(1);
    }

    @Test
    void missingItemsFieldOrNullBodyIsAnEmptyResult() {
        Pages noField = new Pages().add(F.objectNode().put("total", 0));
        assertThat(JiraPager.of(PagingStyle.START_AT, noField, "issues", 10, 0, INT).toList()).isEmpty();

        Pages nullBody = new Pages().add(null);
        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, nullBody, "issues", 10, 0, INT).toList()).isEmpty();
        assertThat(nullBody.asked).hasSize(1);
    }

    @Test
    void limitSmallerThanAPageAsksOnlyForTheLimit() {
        Pages pages = new Pages().add(startAtPage("values", 0, 3, 100, 0, 3));

        List<Integer> got = JiraPager.of(PagingStyle.START_AT, pages, "values", 50, 3, INT).toList();

        assertThat(got).containsExactly(0, 1, 2);
        assertThat(pages.asked).containsExactly(params("startAt", 0L, "maxResults", 3));
    }

    @Test
    void limitAcrossPagesShrinksTheLastRequestAndStopsWithoutAnotherFetch() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 4, 100, 0, 4))
                .add(startAtPage("values", 4, 2, 100, 4, 2));

        List<Integer> got = JiraPager.of(PagingStyle.START_AT, pages, "values", 4, 6, INT).toList();

        assertThat(got).isEqualTo(range(0, 6));
        assertThat(pages.asked).containsExactly(
                params("startAt", 0L, "maxResults", 4),
                params("startAt", 4L, "maxResults", 2));
    }

    @Test
    void limitIsRespectedWhenJiraSendsMoreThanAskedFor() {
        Pages pages = new Pages().add(startAtPage("values", 0, 10, 10, 0, 10));

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 10, 4, INT).toList()).containsExactly(0, 1,
                2, 3);
    }

    @Test
    void fetchesLazilyOnePageAtATime() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 2, 4, 0, 2))
                .add(startAtPage("values", 2, 2, 4, 2, 2));
        List<JsonNode> mapped = new ArrayList<>();

        JiraPager<JsonNode> pager = JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, n -> {
            mapped.add(n);
            return n;
        });
        assertThat(pages.asked).as("creating the pager fetches nothing").isEmpty();

        Iterator<JsonNode> it = pager.iterator();
        assertThat(pages.asked).as("creating an iterator fetches nothing").isEmpty();

        assertThat(it.next().asInt()).isZero();
        assertThat(pages.asked).hasSize(1);
        assertThat(it.next().asInt()).isEqualTo(1);
        assertThat(pages.asked).as("the second page waits until the first is used up").hasSize(1);
        assertThat(mapped).as("items are mapped as they are read").hasSize(2);

        assertThat(it.hasNext()).isTrue();
        assertThat(pages.asked).hasSize(2);
        it.next();
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void streamIsLazyToo() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 2, 10, 0, 2))
                .add(startAtPage("values", 2, 2, 10, 2, 2));

        List<Integer> firstThree = JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, INT).stream().limit(3)
                .toList();

        assertThat(firstThree).containsExactly(0, 1, 2);
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void eachIteratorStartsFromTheFirstPage() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 5, 2, 0, 2))
                .add(startAtPage("values", 0, 5, 2, 0, 2));
        JiraPager<Integer> pager = JiraPager.of(PagingStyle.START_AT, pages, "values", 5, 0, INT);

        assertThat(pager.toList()).containsExactly(0, 1);
        assertThat(pager.toList()).containsExactly(0, 1);
        assertThat(pages.asked).extracting(p -> p.get("startAt")).containsExactly(0L, 0L);
    }

    @Test
    void pageSizeMustBePositive() {
        assertThatThrownBy(() -> JiraPager.of(PagingStyle.START_AT, new Pages(), "values", 0, 0, INT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    }

    // NEXT_PAGE_TOKEN

    @Test
    void nextPageTokenPassesTheTokenAndStopsOnALastPageWithoutToken() {
        Pages pages = new Pages()
                .add(tokenPage(0, 2, "tok-2"))
                .add(tokenPage(2, 2, "tok-3"))
                .add(tokenPage(4, 1, null));

        List<Integer> all = JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, pages, "issues", 2, 0, INT).toList();

        assertThat(all).isEqualTo(range(0, 5));
        assertThat(pages.asked).containsExactly(
                params("maxResults", 2),
                params("maxResults", 2, "nextPageToken", "tok-2"),
                params("maxResults", 2, "nextPageToken", "tok-3"));
    }

    @Test
    void nextPageTokenContinuesAfterAShortPageThatHasAToken() {
        Pages pages = new Pages().add(tokenPage(0, 1, "tok")).add(tokenPage(1, 3, null));

        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, pages, "issues", 100, 0, INT).toList())
                .isEqualTo(range(0, 4));
    }

    @Test
    void nextPageTokenStopsOnIsLastEvenWithAToken() {
        ObjectNode last = tokenPage(2, 2, "ignored");
        last.put("isLast", true);
        Pages pages = new Pages().add(tokenPage(0, 2, "tok")).add(last);

        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, pages, "issues", 2, 0, INT).toList())
                .isEqualTo(range(0, 4));
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void nextPageTokenTreatsNullOrEmptyTokenAsTheEnd() {
        ObjectNode nullToken = tokenPage(0, 2, null);
        nullToken.putNull("nextPageToken");
        Pages a = new Pages().add(nullToken);
        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, a, "issues", 2, 0, INT).toList()).hasSize(2);
        assertThat(a.asked).hasSize(1);

        Pages b = new Pages().add(tokenPage(0, 2, ""));
        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, b, "issues", 2, 0, INT).toList()).hasSize(2);
        assertThat(b.asked).hasSize(1);
    }

    @Test
    void nextPageTokenEmptyResult() {
        Pages pages = new Pages().add(tokenPage(0, 0, null));

        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, pages, "issues", 50, 0, INT).toList()).isEmpty();
        assertThat(pages.asked).containsExactly(params("maxResults", 50));
    }

    @Test
    void nextPageTokenLimitShrinksMaxResults() {
        Pages pages = new Pages().add(tokenPage(0, 5, "tok")).add(tokenPage(5, 2, "tok-2"));

        List<Integer> got = JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, pages, "issues", 5, 7, INT).toList();

        assertThat(got).isEqualTo(range(0, 7));
        assertThat(pages.asked).containsExactly(params("maxResults", 5),
                params("maxResults", 2, "nextPageToken", "tok"));
    }

    // OFFSET_LIMIT

    private static ObjectNode offsetPage(int offset, int limit, Integer total, int from, int count) {
        ObjectNode o = F.objectNode();
        o.put("offset", offset);
        o.put("limit", limit);
        if (total != null) {
            o.put("total", total);
        }
        o.set("records", items(from, count));
        return o;
    }

    @Test
    void offsetLimitUsesOffsetAndLimitAndStopsOnTotal() {
        Pages pages = new Pages()
                .add(offsetPage(0, 3, 5, 0, 3))
                .add(offsetPage(3, 3, 5, 3, 2));

        List<Integer> all = JiraPager.of(PagingStyle.OFFSET_LIMIT, pages, "records", 3, 0, INT).toList();

        assertThat(all).isEqualTo(range(0, 5));
        assertThat(pages.asked).containsExactly(params("offset", 0L, "limit", 3), params("offset", 3L, "limit", 3));
    }

    @Test
    void offsetLimitShortPageWithMoreToCome() {
        Pages pages = new Pages()
                .add(offsetPage(0, 10, 6, 0, 4))
                .add(offsetPage(4, 10, 6, 4, 2));

        assertThat(JiraPager.of(PagingStyle.OFFSET_LIMIT, pages, "records", 10, 0, INT).toList())
                .isEqualTo(range(0, 6));
        assertThat(pages.asked.get(1)).isEqualTo(params("offset", 4L, "limit", 10));
    }

    @Test
    void offsetLimitEmptyResult() {
        Pages pages = new Pages().add(offsetPage(0, 10, 0, 0, 0));

        assertThat(JiraPager.of(PagingStyle.OFFSET_LIMIT, pages, "records", 10, 0, INT).toList()).isEmpty();
        assertThat(pages.asked).hasSize(1);
    }

    @Test
    void offsetLimitWithLimitSmallerThanAPage() {
        Pages pages = new Pages().add(offsetPage(0, 2, 50, 0, 2));

        assertThat(JiraPager.of(PagingStyle.OFFSET_LIMIT, pages, "records", 100, 2, INT).toList())
                .containsExactly(0, 1);
        assertThat(pages.asked).containsExactly(params("offset", 0L, "limit", 2));
    }

    // BARE_ARRAY

    @Test
    void bareArrayPagesUntilAnEmptyArray() {
        Pages pages = new Pages().add(items(0, 2)).add(items(2, 1)).add(items(3, 0));

        List<Integer> all = JiraPager.of(PagingStyle.BARE_ARRAY, pages, null, 2, 0, INT).toList();

        assertThat(all).containsExactly(0, 1, 2);
        assertThat(pages.asked).containsExactly(
                params("startAt", 0L, "maxResults", 2),
                params("startAt", 2L, "maxResults", 2),
                params("startAt", 3L, "maxResults", 2));
    }

    @Test
    void bareArrayEmptyResult() {
        Pages pages = new Pages().add(items(0, 0));

        assertThat(JiraPager.of(PagingStyle.BARE_ARRAY, pages, "ignored", 2, 0, INT).toList()).isEmpty();
        assertThat(pages.asked).hasSize(1);
    }

    @Test
    void bareArrayWithLimitStopsWithoutProbingForMore() {
        Pages pages = new Pages().add(items(0, 3));

        assertThat(JiraPager.of(PagingStyle.BARE_ARRAY, pages, null, 10, 3, INT).toList()).containsExactly(0, 1, 2);
        assertThat(pages.asked).containsExactly(params("startAt", 0L, "maxResults", 3));
    }

    // FILTERED_WINDOW

    @Test
    void aFilteredWindowAdvancesByTheWindowAskedForNotByTheItemsThatCame() {
        // window 0-2 held one assignable user, window 3-5 two, window 6-8 none: the end
        Pages pages = new Pages().add(items(1, 1)).add(items(4, 2)).add(items(0, 0));

        List<Integer> all = JiraPager.of(PagingStyle.FILTERED_WINDOW, pages, null, 3, 0, INT).toList();

        assertThat(all).containsExactly(1, 4, 5);
        assertThat(pages.asked).containsExactly(
                params("startAt", 0L, "maxResults", 3),
                params("startAt", 3L, "maxResults", 3),
                params("startAt", 6L, "maxResults", 3));
    }

    @Test
    void aFilteredWindowWithLimitAsksForNoMoreThanTheRest() {
        Pages pages = new Pages().add(items(0, 1)).add(items(5, 2));

        assertThat(JiraPager.of(PagingStyle.FILTERED_WINDOW, pages, null, 3, 3, INT).toList())
                .containsExactly(0, 5, 6);
        assertThat(pages.asked).containsExactly(
                params("startAt", 0L, "maxResults", 3),
                params("startAt", 3L, "maxResults", 2));
    }

    @Test
    void aFilteredWindowThatIgnoresStartAtIsRefused() {
        Pages jira = new Pages();
        for (int i = 0; i < 3; i++) {
            jira.add(items(7, 1));
        }

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.FILTERED_WINDOW, jira, null, 3, 0, INT).iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("FILTERED_WINDOW")
                .hasMessageContaining("same items");
        assertThat(jira.asked).hasSize(2);
    }

    // CURSOR

    @Test
    void cursorPassesThePageCursorAndStopsWhenNoneIsGiven() {
        Pages pages = new Pages()
                .add(cursorPage(0, 2, "c-1", false))
                .add(cursorPage(2, 2, "c-2", null))
                .add(cursorPage(4, 1, null, null));

        List<Integer> all = JiraPager.of(PagingStyle.CURSOR, pages, "entities", 2, 0, INT).toList();

        assertThat(all).isEqualTo(range(0, 5));
        assertThat(pages.asked).containsExactly(
                params("limit", 2),
                params("limit", 2, "pageCursor", "c-1"),
                params("limit", 2, "pageCursor", "c-2"));
    }

    @Test
    void cursorStopsOnLastPageEvenWithACursor() {
        Pages pages = new Pages().add(cursorPage(0, 2, "c-1", null)).add(cursorPage(2, 1, "c-2", true));

        assertThat(JiraPager.of(PagingStyle.CURSOR, pages, "entities", 2, 0, INT).toList()).containsExactly(0, 1, 2);
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void cursorShortPageWithCursorContinues() {
        Pages pages = new Pages().add(cursorPage(0, 1, "c-1", false)).add(cursorPage(1, 1, null, true));

        assertThat(JiraPager.of(PagingStyle.CURSOR, pages, "entities", 200, 0, INT).toList()).containsExactly(0, 1);
    }

    @Test
    void cursorEmptyResultAndMissingPagingInfo() {
        Pages empty = new Pages().add(cursorPage(0, 0, "c-1", false));
        assertThat(JiraPager.of(PagingStyle.CURSOR, empty, "entities", 10, 0, INT).toList()).isEmpty();
        assertThat(empty.asked).as("an empty page ends the stream whatever the cursor says").hasSize(1);

        ObjectNode noInfo = F.objectNode();
        noInfo.set("entities", items(0, 2));
        Pages pages = new Pages().add(noInfo);
        assertThat(JiraPager.of(PagingStyle.CURSOR, pages, "entities", 10, 0, INT).toList()).containsExactly(0, 1);
        assertThat(pages.asked).hasSize(1);
    }

    @Test
    void cursorLimitSmallerThanAPage() {
        Pages pages = new Pages().add(cursorPage(0, 1, "c-1", false));

        assertThat(JiraPager.of(PagingStyle.CURSOR, pages, "entities", 50, 1, INT).toList()).containsExactly(0);
        assertThat(pages.asked).containsExactly(params("limit", 1));
    }

    // Paging that does not advance: Jira has been seen to repeat tokens and to ignore startAt

    /**
     * A Jira that never ends: page n (1-based) is made up from n and the request. It gives up long after any bound
     * the pager should apply, so that a pager that loops fails the test instead of hanging it.
     */
    private static final class Endless implements JiraPager.PageFetcher {
        final int giveUpAfter;
        final BiFunction<Integer, Map<String, Object>, JsonNode> page;
        int fetched;

        Endless(int giveUpAfter, BiFunction<Integer, Map<String, Object>, JsonNode> page) {
            this.giveUpAfter = giveUpAfter;
            this.page = page;
        }

        @Override
        public JsonNode fetch(Map<String, Object> pageParameters) {
            if (++fetched > giveUpAfter) {
                throw new AssertionError("still paging after " + giveUpAfter + " pages: the pager loops");
            }
            return page.apply(fetched, pageParameters);
        }
    }

    /** Reads the iterator to its end and answers how many items came. */
    private static long drain(Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    private static long asked(Map<String, Object> params, String name) {
        return ((Number) params.get(name)).longValue();
    }

    @Test
    void aNextPageTokenRepeatedByTheNextPageIsRefusedBeforeTheRepeatIsRequested() {
        Endless jira = new Endless(1_000, (n, asked) -> tokenPage((n - 1) * 2, 2, "tok-same"));
        Iterator<Integer> it = JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, jira, "issues", 2, 0, INT).iterator();

        List<Integer> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                got.add(it.next());
            }
        }).isInstanceOf(JiraSpokeException.class)
                .hasMessageContaining("NEXT_PAGE_TOKEN").hasMessageContaining("nextPageToken")
                .hasMessageContaining("'tok-same'").hasMessageContaining("page 2")
                .hasMessageContaining("did not advance");
        assertThat(got).as("both pages Jira answered are delivered").containsExactly(0, 1, 2, 3);
        assertThat(jira.fetched).as("the page that would repeat is not requested").isEqualTo(2);

        assertThatThrownBy(it::hasNext).as("a refused walk stays refused instead of looking finished")
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("did not advance");
        assertThat(jira.fetched).isEqualTo(2);
    }

    @Test
    void aNextPageTokenSeenEarlierInTheWalkIsRefused() {
        String[] tokens = {"A", "B", "C"};
        Endless jira = new Endless(1_000, (n, asked) -> tokenPage(n, 1, tokens[(n - 1) % 3]));

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, jira, "issues", 1, 0, INT)
                .iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("'A'").hasMessageContaining("page 4")
                .hasMessageContaining("did not advance");
        assertThat(jira.fetched).isEqualTo(4);
    }

    @Test
    void aLongRepeatedTokenIsAbbreviatedInTheMessage() {
        String token = "eyJzdGFydEF0IjoxMDB9" + "Q".repeat(3_000);
        Endless jira = new Endless(1_000, (n, asked) -> tokenPage(n, 1, token));

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, jira, "issues", 1, 0, INT)
                .iterator()))
                .isInstanceOf(JiraSpokeException.class)
                .hasMessageContaining(token.substring(0, 12))
                .hasMessageContaining(token.length() + " characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.substring(0, 40)).hasSizeLessThan(400));
    }

    @Test
    void aRepeatedPageCursorIsRefused() {
        Endless jira = new Endless(1_000, (n, asked) -> cursorPage(n, 1, "c-1", false));

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.CURSOR, jira, "entities", 1, 0, INT).iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("CURSOR")
                .hasMessageContaining("pageCursor").hasMessageContaining("'c-1'").hasMessageContaining("page 2")
                .hasMessageContaining("did not advance");
        assertThat(jira.fetched).isEqualTo(2);
    }

    @Test
    void aStartAtPageThatJiraAnswersFromTheStartAgainIsRefused() {
        // asked for startAt=50, Jira ignored it and answered the first page again
        Endless jira = new Endless(1_000, (n, asked) -> startAtPage("issues", 0, 50, 1_000, 0, 50));
        Iterator<Integer> it = JiraPager.of(PagingStyle.START_AT, jira, "issues", 50, 0, INT).iterator();
        List<Integer> got = new ArrayList<>();

        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                got.add(it.next());
            }
        }).isInstanceOf(JiraSpokeException.class).hasMessageContaining("START_AT")
                .hasMessageContaining("startAt=50").hasMessageContaining("startAt=0")
                .hasMessageContaining("page 2").hasMessageContaining("did not advance");
        assertThat(got).as("the repeated items are not delivered a second time").isEqualTo(range(0, 50));
    }

    @Test
    void aStartAtPageAtAnotherPositionThanAskedIsRefused() {
        Endless jira = new Endless(1_000, (n, asked) -> {
            int start = (int) asked(asked, "startAt");
            return startAtPage("values", start == 0 ? 0 : start + 2, 2, 100, start, 2);
        });

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.START_AT, jira, "values", 2, 0, INT).iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("startAt=2")
                .hasMessageContaining("startAt=4").hasMessageContaining("page 2");
    }

    @Test
    void anOffsetThatDoesNotMoveIsRefused() {
        Endless jira = new Endless(1_000, (n, asked) -> offsetPage(0, 3, 100, 0, 3));

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.OFFSET_LIMIT, jira, "records", 3, 0, INT)
                .iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("OFFSET_LIMIT")
                .hasMessageContaining("offset=3").hasMessageContaining("offset=0").hasMessageContaining("page 2")
                .hasMessageContaining("did not advance");
    }

    @Test
    void aStartAtPageWithoutStartAtThatRepeatsTheSameItemsIsRefused() {
        Endless jira = new Endless(1_000, (n, asked) -> {
            ObjectNode page = startAtPage("values", 0, 2, 100, 0, 2);
            page.remove("startAt");
            return page;
        });

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.START_AT, jira, "values", 2, 0, INT).iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("same items")
                .hasMessageContaining("startAt=2").hasMessageContaining("page 2")
                .hasMessageContaining("did not advance");
    }

    @Test
    void aBareArrayThatIgnoresStartAtIsRefused() {
        // a bare array has no total and no token: only an empty page ends it, and a Jira that ignores startAt never
        // sends one
        Endless jira = new Endless(1_000, (n, asked) -> items(0, 3));

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.BARE_ARRAY, jira, null, 3, 0, INT).iterator()))
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("BARE_ARRAY")
                .hasMessageContaining("same items").hasMessageContaining("page 2")
                .hasMessageContaining("did not advance");
        assertThat(jira.fetched).isEqualTo(2);
    }

    @Test
    void moreThanTheDefaultPageBoundIsRefused() {
        Endless jira = new Endless(150_000, (n, asked) -> tokenPage(n, 1, "tok-" + n));

        assertThatThrownBy(() -> drain(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, jira, "issues", 1, 0, INT)
                .iterator()))
                .isInstanceOf(JiraSpokeException.class)
                .hasMessageContaining(String.valueOf(JiraPager.DEFAULT_MAX_PAGES)).hasMessageContaining("'tok-")
                .hasMessageContaining("did not advance");
        assertThat(jira.fetched).isEqualTo(JiraPager.DEFAULT_MAX_PAGES);
        assertThat(JiraPager.DEFAULT_MAX_PAGES).isEqualTo(100_000);
    }

    @Test
    void thePageBoundCanBeSetAndAllowsExactlyThatManyPages() {
        Endless endless = new Endless(1_000,
                (n, asked) -> startAtPage("values", (int) asked(asked, "startAt"), 2, 1_000_000,
                        (int) asked(asked, "startAt"), 2));
        Iterator<Integer> it = JiraPager.of(PagingStyle.START_AT, endless, "values", 2, 0, 3, INT).iterator();
        List<Integer> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                got.add(it.next());
            }
        }).isInstanceOf(JiraSpokeException.class).hasMessageContaining("3 pages")
                .hasMessageContaining("startAt=6").hasMessageContaining("page 4");
        assertThat(got).isEqualTo(range(0, 6));
        assertThat(endless.fetched).isEqualTo(3);

        Pages three = new Pages()
                .add(startAtPage("values", 0, 2, 6, 0, 2))
                .add(startAtPage("values", 2, 2, 6, 2, 2))
                .add(startAtPage("values", 4, 2, 6, 4, 2));
        assertThat(JiraPager.of(PagingStyle.START_AT, three, "values", 2, 0, 3, INT).toList()).isEqualTo(range(0, 6));

        assertThatThrownBy(() -> JiraPager.of(PagingStyle.START_AT, new Pages(), "values", 2, 0, 0, INT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPages");
    }

    // Lenient parsing: counts that disagree with the items, values of the wrong JSON type

    @Test
    void aTotalGivenAsAStringNumberIsHonoured() {
        Pages pages = new Pages();
        for (int start = 0; start < 5; start += 2) {
            ObjectNode page = startAtPage("values", start, 2, null, start, Math.min(2, 5 - start));
            page.put("total", "5");
            pages.add(page);
        }

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, INT).toList()).isEqualTo(range(0, 5));
        assertThat(pages.asked).as("no page is asked for after the total").hasSize(3);
    }

    @Test
    void aTotalThatIsNotANumberIsIgnored() {
        ObjectNode first = startAtPage("values", 0, 2, null, 0, 2);
        first.put("total", "lots");
        ObjectNode second = startAtPage("values", 2, 2, null, 2, 0);
        second.put("total", "lots");
        Pages pages = new Pages().add(first).add(second);

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 2, 0, INT).toList()).containsExactly(0, 1);
        assertThat(pages.asked).hasSize(2);
    }

    @Test
    void aTotalSmallerThanTheItemsDeliveredEndsTheWalkAfterThem() {
        Pages pages = new Pages().add(startAtPage("values", 0, 3, 2, 0, 3));

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 3, 0, INT).toList()).containsExactly(0, 1, 2);
        assertThat(pages.asked).hasSize(1);
    }

    @Test
    void maxResultsSmallerThanWhatCameDeliversEverythingThatCame() {
        Pages pages = new Pages()
                .add(startAtPage("values", 0, 2, 7, 0, 5))
                .add(startAtPage("values", 5, 2, 7, 5, 2));

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "values", 5, 0, INT).toList()).isEqualTo(range(0, 7));
        assertThat(pages.asked).extracting(p -> p.get("startAt")).containsExactly(0L, 5L);
    }

    @Test
    void isLastAndStartAtGivenAsStringsAreRead() {
        ObjectNode tokenLast = tokenPage(0, 2, "tok");
        tokenLast.put("isLast", "true");
        Pages tokens = new Pages().add(tokenLast);
        assertThat(JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, tokens, "issues", 2, 0, INT).toList()).hasSize(2);
        assertThat(tokens.asked).hasSize(1);

        ObjectNode first = startAtPage("values", 0, 2, null, 0, 2);
        first.put("startAt", "0");
        ObjectNode last = startAtPage("values", 2, 2, null, 2, 2);
        last.put("startAt", "2");
        last.put("isLast", "TRUE");
        Pages starts = new Pages().add(first).add(last);
        assertThat(JiraPager.of(PagingStyle.START_AT, starts, "values", 2, 0, INT).toList()).isEqualTo(range(0, 4));
        assertThat(starts.asked).hasSize(2);
    }

    @Test
    void aJsonNullItemsArrayIsAnEmptyResult() {
        ObjectNode page = F.objectNode().put("total", 5);
        page.putNull("issues");
        Pages pages = new Pages().add(page);

        assertThat(JiraPager.of(PagingStyle.START_AT, pages, "issues", 10, 0, INT).toList()).isEmpty();
        assertThat(pages.asked).hasSize(1);
    }

    @Test
    void itemsThatAreNotAnArrayAreRefusedNamingWhatCame() {
        ObjectNode object = F.objectNode();
        object.putObject("issues").put("id", 1);
        assertThatThrownBy(() -> JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, new Pages().add(object), "issues", 10, 0,
                INT).toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("'issues'")
                .hasMessageContaining("JSON object").hasMessageContaining("page 1");

        ObjectNode text = F.objectNode().put("values", "none");
        assertThatThrownBy(() -> JiraPager.of(PagingStyle.START_AT, new Pages().add(text), "values", 10, 0, INT)
                .toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("'values'")
                .hasMessageContaining("JSON string");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedNamingWhatCame() {
        assertThatThrownBy(() -> JiraPager.of(PagingStyle.START_AT, new Pages().add(items(0, 2)), "values", 10, 0,
                INT).toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("JSON array")
                .hasMessageContaining("object").hasMessageContaining("START_AT");

        assertThatThrownBy(() -> JiraPager.of(PagingStyle.CURSOR, new Pages().add(new TextNode("<html>")),
                "entities", 10, 0, INT).toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("JSON string");

        assertThatThrownBy(() -> JiraPager.of(PagingStyle.BARE_ARRAY, new Pages().add(startAtPage("values", 0, 2,
                2, 0, 2)), null, 10, 0, INT).toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("JSON object")
                .hasMessageContaining("array");
    }

    @Test
    void pagingFieldsOfTheWrongTypeAreRefusedNamingWhatCame() {
        ObjectNode token = tokenPage(0, 2, null);
        token.putObject("nextPageToken").put("offset", 2);
        assertThatThrownBy(() -> JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, new Pages().add(token), "issues", 2, 0,
                INT).toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("'nextPageToken'")
                .hasMessageContaining("JSON object");

        ObjectNode info = F.objectNode();
        info.set("entities", items(0, 2));
        info.put("pagingInfo", "next");
        assertThatThrownBy(() -> JiraPager.of(PagingStyle.CURSOR, new Pages().add(info), "entities", 2, 0, INT)
                .toList())
                .isInstanceOf(JiraSpokeException.class).hasMessageContaining("'pagingInfo'")
                .hasMessageContaining("JSON string");
    }

    // Memory: one page at a time

    @Test
    void thePreviousPageIsUnreachableWhileTheNextIsFetched() {
        // Items are objects so that no JSON value is shared or cached between pages; only the weak reference
        // outlives the fetch that made page 1.
        List<WeakReference<JsonNode>> firstPageItems = new ArrayList<>();
        List<Boolean> releasedDuringSecondFetch = new ArrayList<>();
        JiraPager.PageFetcher jira = params -> {
            long start = asked(params, "startAt");
            if (start > 0) {
                releasedDuringSecondFetch.add(collected(firstPageItems));
            }
            ObjectNode page = F.objectNode().put("startAt", start).put("total", 4);
            ArrayNode values = page.putArray("values");
            for (long i = start; i < start + 2; i++) {
                ObjectNode item = values.addObject().put("id", i);
                if (start == 0) {
                    firstPageItems.add(new WeakReference<>(item));
                }
            }
            return page;
        };

        List<Long> ids = new ArrayList<>();
        JiraPager.of(PagingStyle.START_AT, jira, "values", 2, 0, n -> n.get("id").asLong()).forEach(ids::add);

        assertThat(ids).containsExactly(0L, 1L, 2L, 3L);
        assertThat(releasedDuringSecondFetch).as("page 1 was let go before page 2 was fetched").containsExactly(true);
    }

    /**
     * Whether every referenced object has been collected. A strongly reachable object is never collected, so a
     * pager that still holds the page fails this whatever the collector does; a released page is collected by the
     * first full collection that {@code System.gc()} asks for.
     */
    private static boolean collected(List<WeakReference<JsonNode>> refs) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (refs.stream().allMatch(r -> r.get() == null)) {
                return true;
            }
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return refs.stream().allMatch(r -> r.get() == null);
    }
}
