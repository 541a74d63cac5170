package io.jiraspoke.camel.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.error.JiraSpokeException;

/**
 * Walks a paged Jira list lazily: a page is fetched only when the previous one has been consumed, and only one page
 * is held at a time, so memory stays flat however many items there are. Handles every {@link PagingStyle},
 * including empty results, short pages and last pages without a token.
 * <p>
 * Jira has been seen to repeat a {@code nextPageToken} and to ignore {@code startAt}; a client that trusts it loops
 * forever. So a walk whose paging does not advance (a token or cursor seen before, a page at another position than
 * asked for, the same items as the previous page, more pages than {@code maxPages}) fails with a
 * {@link JiraSpokeException} instead, and so does an answer of the wrong shape.
 *
 * @param <T> the item type produced by the mapper
 */
public final class JiraPager<T> implements Iterable<T> {

    /** Pages one walk may fetch unless told otherwise: 100,000 pages are millions of items at Jira's page sizes. */
    public static final int DEFAULT_MAX_PAGES = 100_000;

    /**
     * Tokens remembered per walk to catch a cycle. A cycle longer than this is still stopped by {@code maxPages};
     * remembering every token would grow with the walk.
     */
    private static final int RECENT_TOKENS = 128;

    private static final int TOKEN_SHOWN = 12;

    /** Fetches one page given the paging parameters of that page (names as Jira spells them). */
    @FunctionalInterface
    public interface PageFetcher {
        JsonNode fetch(Map<String, Object> pageParameters);
    }

    private final PagingStyle style;
    private final PageFetcher fetcher;
    private final String itemsField;
    private final int pageSize;
    private final long limit;
    private final int maxPages;
    private final Function<JsonNode, T> mapper;

    private JiraPager(PagingStyle style, PageFetcher fetcher, String itemsField, int pageSize, long limit,
                      int maxPages, Function<JsonNode, T> mapper) {
        this.style = style;
        this.fetcher = fetcher;
        this.itemsField = itemsField;
        this.pageSize = pageSize;
        this.limit = limit;
        this.maxPages = maxPages;
        this.mapper = mapper;
    }

    /**
     * A pager bounded by {@link #DEFAULT_MAX_PAGES}.
     *
     * @param style      how the list pages
     * @param fetcher    sends one page request
     * @param itemsField the array holding the items ({@code issues}, {@code values}, {@code records},
     *                   {@code entities}); ignored for the bare-array styles
     * @param pageSize   items asked for per page
     * @param limit      stop after this many items; 0 or less for all
     * @param mapper     turns an item's JSON into the result type
     */
    public static <T> JiraPager<T> of(PagingStyle style, PageFetcher fetcher, String itemsField, int pageSize,
                                      long limit, Function<JsonNode, T> mapper) {
        return of(style, fetcher, itemsField, pageSize, limit, DEFAULT_MAX_PAGES, mapper);
    }

    /**
     * @param maxPages a walk that needs more pages than this fails instead of fetching on: the backstop against a
     *                 Jira whose paging never ends
     * @see #of(PagingStyle, PageFetcher, String, int, long, Function)
     */
    public static <T> JiraPager<T> of(PagingStyle style, PageFetcher fetcher, String itemsField, int pageSize,
                                      long limit, int maxPages, Function<JsonNode, T> mapper) {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(mapper, "mapper");
        if (!isBareArray(style) && itemsField == null) {
            throw new IllegalArgumentException("itemsField is needed for " + style);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        return new JiraPager<>(style, fetcher, itemsField, pageSize, limit, maxPages, mapper);
    }

    @Override
    public Iterator<T> iterator() {
        return new PageIterator();
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Reads everything into a list; only for results known to be small. */
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /**
     * What identifies a page's items without holding them: equal for a page Jira sends again. Only the first and
     * last items are hashed, not the whole page, so the check costs little next to parsing the page; two different
     * pages would need the same size and the same items at both ends to collide.
     */
    private record PageMark(int size, int firstHash, int lastHash) {
        static PageMark of(JsonNode items) {
            return new PageMark(items.size(), items.get(0).hashCode(), items.get(items.size() - 1).hashCode());
        }
    }

    private final class PageIterator implements PagedIterator<T> {
        private Iterator<JsonNode> page = Collections.emptyIterator();
        private boolean more = true;
        private long position;
        private String token;
        private final Map<String, Boolean> recentTokens = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RECENT_TOKENS;
            }
        };
        private PageMark previousPage;
        private int pages;
        private long delivered;
        private JiraSpokeException refused;

        @Override
        public boolean hasNext() {
            if (refused != null) {
                // a refused walk must not look finished to a caller that asks again
                throw refused;
            }
            if (limit > 0 && delivered >= limit) {
                return false;
            }
            while (!page.hasNext() && more) {
                fetchNext();
            }
            return page.hasNext();
        }

        @Override
        public boolean buffered() {
            // the mapper only wraps the item's JSON: next() makes no request while the page has items
            return refused == null && (page.hasNext() || limit > 0 && delivered >= limit);
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            delivered++;
            return mapper.apply(page.next());
        }

        private void fetchNext() {
            if (token != null && recentTokens.put(token, Boolean.TRUE) != null) {
                throw refuse("its " + tokenName() + " " + abbreviate(token) + " was already given by an earlier page");
            }
            if (pages >= maxPages) {
                throw refuse("no end within " + maxPages + " pages (maxPages); page " + (pages + 1) + " would be at "
                             + where());
            }
            int size = limit > 0 ? (int) Math.min(pageSize, limit - delivered) : pageSize;
            Map<String, Object> params = new LinkedHashMap<>(4);
            switch (style) {
                case START_AT, BARE_ARRAY, FILTERED_WINDOW -> {
                    params.put("startAt", position);
                    params.put("maxResults", size);
                }
                case OFFSET_LIMIT -> {
                    params.put("offset", position);
                    params.put("limit", size);
                }
                case NEXT_PAGE_TOKEN -> {
                    params.put("maxResults", size);
                    if (token != null) {
                        params.put("nextPageToken", token);
                    }
                }
                case CURSOR -> {
                    params.put("limit", size);
                    if (token != null) {
                        params.put("pageCursor", token);
                    }
                }
                default -> throw new IllegalStateException(style.name());
            }
            // Let go of the page just read before the next one arrives, so that only one page is ever live.
            page = Collections.emptyIterator();
            pages++;
            JsonNode body = fetcher.fetch(params);
            JsonNode items = items(body);
            int count = items == null ? 0 : items.size();
            if (count == 0) {
                more = false;
                return;
            }
            checkPosition(body);
            PageMark mark = PageMark.of(items);
            if (mark.equals(previousPage)) {
                throw refuse("the page at " + where() + " holds the same items as page " + (pages - 1));
            }
            previousPage = mark;
            more = hasFurther(body, count);
            // a filtered window's short page stands for the whole window Jira looked at
            position += style == PagingStyle.FILTERED_WINDOW ? size : count;
            page = items.elements();
        }

        /** The items of a page; null when the page has none. */
        private JsonNode items(JsonNode body) {
            if (absent(body)) {
                return null;
            }
            if (isBareArray(style)) {
                if (!body.isArray()) {
                    throw unusable("the body is " + type(body) + ", not an array");
                }
                return body;
            }
            if (!body.isObject()) {
                throw unusable("the body is " + type(body) + ", not an object");
            }
            JsonNode items = body.get(itemsField);
            if (absent(items)) {
                return null;
            }
            if (!items.isArray()) {
                throw unusable("'" + itemsField + "' is " + type(items) + ", not an array");
            }
            return items;
        }

        /** A position-paged page must start where it was asked for; Jira ignoring startAt answers 0 again. */
        private void checkPosition(JsonNode body) {
            if (style != PagingStyle.START_AT && style != PagingStyle.OFFSET_LIMIT) {
                return;
            }
            Long answered = number(body.get(positionName()));
            if (answered != null && answered != position) {
                throw refuse("asked for " + positionName() + "=" + position + ", Jira answered " + positionName() + "="
                             + answered);
            }
        }

        private boolean hasFurther(JsonNode body, int count) {
            switch (style) {
                case BARE_ARRAY:
                case FILTERED_WINDOW:
                    return true;
                case NEXT_PAGE_TOKEN:
                    token = token(body, "nextPageToken");
                    return token != null && !flag(body.get("isLast"));
                case CURSOR:
                    JsonNode info = body.get("pagingInfo");
                    if (absent(info)) {
                        token = null;
                        return false;
                    }
                    if (!info.isObject()) {
                        throw unusable("'pagingInfo' is " + type(info) + ", not an object");
                    }
                    token = token(info, "nextPageCursor");
                    return token != null && !flag(info.get("lastPage"));
                case START_AT:
                case OFFSET_LIMIT:
                    if (flag(body.get("isLast"))) {
                        return false;
                    }
                    Long total = number(body.get("total"));
                    return total == null || position + count < total;
                default:
                    throw new IllegalStateException(style.name());
            }
        }

        private String token(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (absent(v)) {
                return null;
            }
            if (!v.isTextual() && !v.isNumber()) {
                throw unusable("'" + field + "' is " + type(v) + ", not a token");
            }
            return v.asText().isEmpty() ? null : v.asText();
        }

        private String where() {
            return switch (style) {
                case START_AT, BARE_ARRAY, FILTERED_WINDOW, OFFSET_LIMIT -> positionName() + "=" + position;
                case NEXT_PAGE_TOKEN, CURSOR -> token == null ? "the first page"
                        : tokenName() + " " + abbreviate(token);
            };
        }

        private String positionName() {
            return style == PagingStyle.OFFSET_LIMIT ? "offset" : "startAt";
        }

        private String tokenName() {
            return style == PagingStyle.CURSOR ? "pageCursor" : "nextPageToken";
        }

        private JiraSpokeException refuse(String what) {
            refused = new JiraSpokeException("Jira's paging did not advance (" + style + " paging, page " + pages
                                             + "): " + what + "; stopped instead of looping");
            return refused;
        }

        private JiraSpokeException unusable(String what) {
            refused = new JiraSpokeException("Jira's answer to page " + pages + " of a " + style
                                             + " walk is unusable: " + what);
            return refused;
        }
    }

    private static boolean isBareArray(PagingStyle style) {
        return style == PagingStyle.BARE_ARRAY || style == PagingStyle.FILTERED_WINDOW;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A whole number, also when Jira sends it as a string; null when there is none. */
    private static Long number(JsonNode v) {
        if (absent(v)) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code true}, also as a string in any case; anything else is false. */
    private static boolean flag(JsonNode v) {
        if (v == null) {
            return false;
        }
        return v.isBoolean() ? v.booleanValue() : v.isTextual() && "true".equalsIgnoreCase(v.asText().trim());
    }

    private static String type(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Tokens can be kilobytes long; the start tells them apart well enough in a message. */
    private static String abbreviate(String token) {
        return token.length() <= TOKEN_SHOWN ? "'" + token + "'"
                : "'" + token.substring(0, TOKEN_SHOWN) + "...' (" + token.length() + " characters)";
    }
}
