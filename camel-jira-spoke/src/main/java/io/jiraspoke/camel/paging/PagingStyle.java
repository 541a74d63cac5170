package io.jiraspoke.camel.paging;

/** The five ways Jira pages a list. */
public enum PagingStyle {
    /** {@code startAt}/{@code maxResults} in; {@code startAt, maxResults, total} (and {@code isLast}) out. */
    START_AT,
    /** {@code nextPageToken} in and out; the last page has no token (Cloud {@code /search/jql}). */
    NEXT_PAGE_TOKEN,
    /** {@code offset}/{@code limit} in; {@code offset, limit, total} out (Cloud audit records). */
    OFFSET_LIMIT,
    /** {@code startAt}/{@code maxResults} in; a bare JSON array out: continue until a page is empty. */
    BARE_ARRAY,
    /** Data Center advanced audit: {@code limit} and {@code pageCursor} in; {@code pagingInfo} out. */
    CURSOR
}
