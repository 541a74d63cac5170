package io.jiraspoke.camel.paging;

import java.util.Iterator;

/** An iterator over pages fetched from Jira that can tell when its next items need no request. */
public interface PagedIterator<T> extends Iterator<T> {

    /**
     * Whether the next {@code hasNext()} and {@code next()} are answered from the page in hand, without a request
     * (and without the checks that may refuse a next page): a caller that wraps each request in something, such as
     * the action its requests count against, need not wrap these.
     */
    boolean buffered();
}
