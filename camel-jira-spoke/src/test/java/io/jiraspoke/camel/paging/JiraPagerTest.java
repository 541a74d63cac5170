package io.jiraspoke.camel.paging;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static long asked(Map<String, Object> params, String name) {
        return ((Number) params.get(name)).longValue();
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
