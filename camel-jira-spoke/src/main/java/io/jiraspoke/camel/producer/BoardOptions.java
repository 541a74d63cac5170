package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code board} family. The project a board belongs to is the shared option
 * {@code projectKey}.
 */
@UriParams
public class BoardOptions {

    @UriParam(label = "producer", enums = "scrum,kanban,simple", description = "Only boards of this type.")
    private String boardType;
    @UriParam(label = "producer", description = "Only boards whose name contains this text.")
    private String boardName;

    public String getBoardType() {
        return boardType;
    }

    public void setBoardType(String boardType) {
        this.boardType = boardType;
    }

    public String getBoardName() {
        return boardName;
    }

    public void setBoardName(String boardName) {
        this.boardName = boardName;
    }
}
