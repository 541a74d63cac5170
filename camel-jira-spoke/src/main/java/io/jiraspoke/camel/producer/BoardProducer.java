package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.ListSource;
import io.jiraspoke.camel.model.JiraBoard;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/** Actions of the {@code board} family: the agile API, the same on Cloud and Data Center. */
public class BoardProducer extends JiraSpokeProducer {

    public BoardProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** GET /rest/agile/1.0/board (startAt paging, {@code values}). */
    @InvokeOnHeader("board/list")
    @ActionDoc(returns = "List<JiraBoard>, or with outputType=iterator an Iterator<JiraBoard> that fetches pages as it"
                         + " is read")
    public Object list(Exchange exchange) {
        BoardOptions o = getEndpoint().getBoard();
        return output(boards(client(), option(exchange, JiraSpokeConstants.PROJECT_KEY,
                getEndpoint().getIssue().getProjectKey()),
                option(exchange, JiraSpokeConstants.BOARD_TYPE, o.getBoardType()),
                option(exchange, JiraSpokeConstants.BOARD_NAME, o.getBoardName()), getEndpoint().getPageSize(),
                getEndpoint().getLimit()));
    }

    static JiraPager<JiraBoard> boards(JiraClient client, String project, String type, String name, int pageSize,
                                       long limit) {
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get("/rest/agile/1.0/board")
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .query("projectKeyOrId", project).query("type", type).query("name", name)),
                "values", pageSize, limit, JiraBoard::new);
    }

    /** The board/list consumer: every board each poll, or only new and changed ones. */
    @ConsumerFeed(value = "board/list", emits = "one JiraBoard per board (emit=all) or per new or changed board"
                                                + " (emit=changed)",
                  headers = { JiraSpokeConstants.BOARD_ID })
    public static ListSource<JiraBoard> listFeed(JiraSpokeEndpoint endpoint) {
        BoardOptions o = endpoint.getBoard();
        String project = endpoint.getIssue().getProjectKey();
        return new ListSource<>() {
            @Override
            public Iterable<JiraBoard> all() {
                return boards(endpoint.getClient(), project, o.getBoardType(), o.getBoardName(),
                        endpoint.getPageSize(), 0);
            }

            @Override
            public String id(JiraBoard board) {
                return board.getId();
            }

            @Override
            public String version(JiraBoard board) {
                return Digests.of(board.getRaw());
            }

            @Override
            public String describe(JiraBoard board) {
                return "board " + board.getId() + " (" + board.getName() + ")";
            }

            @Override
            public void headers(JiraBoard board, Message message) {
                message.setHeader(JiraSpokeConstants.BOARD_ID, board.getId());
            }

            @Override
            public String stateKeyBasis() {
                return project + "|" + o.getBoardType() + "|" + o.getBoardName();
            }
        };
    }
}
