package io.jiraspoke.camel.paging;

/** The ways Jira pages a list. */
public enum PagingStyle {
    /** {@code startAt}/{@code maxResults} in; {@code startAt, maxResults, total} (and {@code isLast}) out. */
    START_AT,
    /** {@code nextPageToken} in and out; the last page has no token (Cloud {@code /search/jql}). */
    NEXT_PAGE_TOKEN,
    /** {@code offset}/{@code limit} in; {@code offset, limit, total} out (Cloud audit records). */
    OFFSET_LIMIT,
    /** {@code startAt}/{@code maxResults} in; a bare JSON array out: continue until a page is empty. */
    BARE_ARRAY,
    /**
     * {@code startAt}/{@code maxResults} in, choosing a window of Jira's whole list; a bare JSON array out holding only
     * the window's items that pass Jira's own filter (Cloud's users assignable to projects), so a page is often short
     * and says nothing about the end: the next window starts {@code maxResults} further on, and an empty page ends the
     * walk.
     */
    FILTERED_WINDOW,
    /** Data Center advanced audit: {@code limit} and {@code pageCursor} in; {@code pagingInfo} out. */
    CURSOR
}
