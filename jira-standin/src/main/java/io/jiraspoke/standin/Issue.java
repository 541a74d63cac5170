package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One stored issue. Immutable so that a search can render its snapshot outside the store's lock;
 * {@code fields} holds only what clients may set and is never mutated once the issue is built.
 */
record Issue(String id, String key, Project project, int number, ObjectNode fields, Instant created, Instant updated) {

    record Project(String id, String key) {}

    Issue edited(ObjectNode newFields, Instant at) {
        return new Issue(id, key, project, number, newFields, created, at);
    }
}
