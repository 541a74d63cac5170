package io.jiraspoke.camel.paging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks a paged Jira list lazily: a page is fetched only when the previous one has been consumed, and only one page
 * is held at a time, so memory stays flat however many items there are. Handles every {@link PagingStyle},
 * including empty results, short pages and last pages without a token.
 *
 * @param <T> the item type produced by the mapper
 */
public final class JiraPager<T> implements Iterable<T> {

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
    private final Function<JsonNode, T> mapper;

    private JiraPager(PagingStyle style, PageFetcher fetcher, String itemsField, int pageSize, long limit,
                      Function<JsonNode, T> mapper) {
        this.style = style;
        this.fetcher = fetcher;
        this.itemsField = itemsField;
        this.pageSize = pageSize;
        this.limit = limit;
        this.mapper = mapper;
    }

    /**
     * @param style      how the list pages
     * @param fetcher    sends one page request
     * @param itemsField the array holding the items ({@code issues}, {@code values}, {@code records},
     *                   {@code entities}); ignored for {@link PagingStyle#BARE_ARRAY}
     * @param pageSize   items asked for per page
     * @param limit      stop after this many items; 0 or less for all
     * @param mapper     turns an item's JSON into the result type
     */
    public static <T> JiraPager<T> of(PagingStyle style, PageFetcher fetcher, String itemsField, int pageSize,
                                      long limit, Function<JsonNode, T> mapper) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        return new JiraPager<>(style, fetcher, itemsField, pageSize, limit, mapper);
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

    private final class PageIterator implements Iterator<T> {
        private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
        private boolean more = true;
        private long position;
        private String token;
        private long delivered;

        @Override
        public boolean hasNext() {
            if (limit > 0 && delivered >= limit) {
                return false;
            }
            while (!page.hasNext() && more) {
                fetchNext();
            }
            return page.hasNext();
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
            int size = limit > 0 ? (int) Math.min(pageSize, limit - delivered) : pageSize;
            Map<String, Object> params = new LinkedHashMap<>(4);
            switch (style) {
                case START_AT, BARE_ARRAY -> {
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
            page = java.util.Collections.emptyIterator();
            JsonNode body = fetcher.fetch(params);
            JsonNode items = body == null ? null : (style == PagingStyle.BARE_ARRAY ? body : body.get(itemsField));
            int count = items == null || !items.isArray() ? 0 : items.size();
            page = count == 0 ? java.util.Collections.emptyIterator() : items.elements();
            position += count;
            more = count > 0 && hasFurther(body, count);
        }

        private boolean hasFurther(JsonNode body, int count) {
            switch (style) {
                case BARE_ARRAY:
                    return true;
                case NEXT_PAGE_TOKEN:
                    token = text(body, "nextPageToken");
                    return token != null && !body.path("isLast").asBoolean(false);
                case CURSOR:
                    JsonNode info = body.path("pagingInfo");
                    token = text(info, "nextPageCursor");
                    return token != null && !info.path("lastPage").asBoolean(false);
                case START_AT:
                case OFFSET_LIMIT:
                    if (body.path("isLast").asBoolean(false)) {
                        return false;
                    }
                    JsonNode total = body.get("total");
                    if (total != null && total.isNumber()) {
                        long start = body.path(style == PagingStyle.START_AT ? "startAt" : "offset").asLong(position - count);
                        return start + count < total.asLong();
                    }
                    return true;
                default:
                    throw new IllegalStateException(style.name());
            }
        }

        private String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
        }
    }
}
