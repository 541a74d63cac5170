package io.jiraspoke.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.model.JiraBoard;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import io.jiraspoke.camel.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list consumer, through board/list: each poll reads every page of {@code GET /rest/agile/1.0/board} and emits
 * every board (emit=all) or the new and changed ones (emit=changed). Polls are triggered by hand
 * ({@code startScheduler=false}, then {@code consumer().run()}), so each poll is one synchronous step.
 */
class ListConsumerTest extends JiraSpokeTestSupport {

    static final String BOARD = "/rest/agile/1.0/board";
    static final String SITE = "https://your-domain.atlassian.net";

    /** A board as Jira lists it; {@code projectKey} null for a board without location (older Data Center). */
    record Board(int id, String name, String type, String projectKey) {

        Board renamed(String newName) {
            return new Board(id, newName, type, projectKey);
        }

        ObjectNode json() {
            ObjectNode b = JiraJson.MAPPER.createObjectNode();
            b.put("id", id).put("self", SITE + BOARD + "/" + id).put("name", name).put("type", type);
            if (projectKey != null) {
                b.putObject("location").put("projectId", 10040).put("displayName", "Alpha (" + projectKey + ")")
                        .put("projectName", "Alpha").put("projectKey", projectKey).put("projectTypeKey", "software")
                        .put("avatarURI", SITE + "/rest/api/2/universal_avatar/view/type/project/avatar/10324")
                        .put("name", "Alpha (" + projectKey + ")");
            }
            return b;
        }
    }

    static List<Board> boards(int n) {
        List<Board> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Board(i, "Board " + i, i % 2 == 0 ? "kanban" : "scrum", "ALP"));
        }
        return out;
    }

    /** Boards per page, as the consumers of these tests ask for (pageSize). */
    static final int PAGE = 2;

    final List<Integer> attempts = new CopyOnWriteArrayList<>();
    private final LogCapture capture = new LogCapture();

    @AfterEach
    void detachCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(capture.getName());
        ctx.updateLoggers();
    }

    void captureWarnings() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        capture.start();
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.WARN, null);
        ctx.updateLoggers();
    }

    /** Serves the boards as Jira does, in pages of {@link #PAGE} by startAt, the last one flagged isLast. */
    void serve(List<Board> boards) {
        jira.resetMappings();
        int pages = Math.max(1, (boards.size() + PAGE - 1) / PAGE);
        for (int p = 0; p < pages; p++) {
            ObjectNode page = JiraJson.MAPPER.createObjectNode();
            page.put("maxResults", PAGE).put("startAt", p * PAGE).put("total", boards.size())
                    .put("isLast", p == pages - 1);
            ArrayNode values = page.putArray("values");
            boards.subList(p * PAGE, Math.min(boards.size(), (p + 1) * PAGE)).forEach(b -> values.add(b.json()));
            jira.stubFor(get(urlPathEqualTo(BOARD)).withQueryParam("startAt", equalTo(String.valueOf(p * PAGE)))
                    .withQueryParam("maxResults", equalTo(String.valueOf(PAGE)))
                    .willReturn(okJson(page.toString())));
        }
    }

    /**
     * Starts a consumer of board/list polling only when {@link #consumer()}.run() is called, whose route fails
     * for the boards {@code poison} names. The error handling is set up in the consumer's RouteBuilder, where it
     * applies.
     */
    void start(String options, Map<String, Object> beans, java.util.function.IntPredicate poison,
               Consumer<RouteBuilder> errorHandling) throws Exception {
        start("cloud", cloud(), options, beans, poison, errorHandling);
    }

    void start(String connection, JiraSpokeConnection settings, String options, Map<String, Object> beans,
               java.util.function.IntPredicate poison, Consumer<RouteBuilder> errorHandling) throws Exception {
        context = null;
        start(Map.of(connection, settings), new RouteBuilder() {
            @Override
            public void configure() {
                errorHandling.accept(this);
                beans.forEach((k, v) -> getContext().getRegistry().bind(k, v));
                from("jiraspoke:board/list?connection=" + connection + "&startScheduler=false&pageSize=" + PAGE
                     + options).routeId("poller")
                        .process(e -> {
                            int id = Integer.parseInt(e.getMessage().getHeader(JiraSpokeConstants.BOARD_ID,
                                    String.class));
                            attempts.add(id);
                            if (poison.test(id)) {
                                throw new IllegalStateException("cannot file board " + id + " downstream");
                            }
                        })
                        .to("mock:boards");
            }
        });
    }

    void start(String options) throws Exception {
        start(options, Map.of(), id -> false, routes -> {
        });
    }

    static Consumer<RouteBuilder> none() {
        return routes -> {
        };
    }

    ListConsumer<?> consumer() {
        return (ListConsumer<?>) context.getRoute("poller").getConsumer();
    }

    MockEndpoint mock() {
        return context.getEndpoint("mock:boards", MockEndpoint.class);
    }

    /** The ids of the boards the route delivered, in order. */
    List<Integer> received() {
        return mock().getReceivedExchanges().stream()
                .map(e -> Integer.parseInt(e.getMessage().getBody(JiraBoard.class).getId())).toList();
    }

    /** Received since the given count. */
    List<Integer> receivedSince(int from) {
        List<Integer> all = received();
        return all.subList(from, all.size());
    }

    int boardRequests() {
        return jira.countRequestsMatching(getRequestedFor(urlPathEqualTo(BOARD)).build()).getCount();
    }

    @Test
    void emitAllEmitsEveryBoardOnEveryPollWithItsIdHeader() throws Exception {
        serve(boards(5));
        // startFrom=now, the default, does not hold back a first poll of emit=all
        start("");

        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
        for (Exchange e : mock().getReceivedExchanges()) {
            JiraBoard board = e.getMessage().getBody(JiraBoard.class);
            assertThat(e.getMessage().getHeader(JiraSpokeConstants.BOARD_ID)).isEqualTo(board.getId());
        }
        JiraBoard first = mock().getReceivedExchanges().get(0).getMessage().getBody(JiraBoard.class);
        assertThat(first.getName()).isEqualTo("Board 1");
        assertThat(first.getProjectKey()).isEqualTo("ALP");
        assertThat(boardRequests()).as("three pages per poll").isEqualTo(6);
    }

    @Test
    void emitChangedFromTheBeginningEmitsAllThenOnlyChangedAndNewBoards() throws Exception {
        List<Board> boards = new ArrayList<>(boards(5));
        serve(boards);
        start("&emit=changed&startFrom=beginning");

        consumer().run();
        assertThat(received()).containsExactly(1, 2, 3, 4, 5);
        consumer().run();
        assertThat(received()).as("nothing changed").hasSize(5);

        boards.set(1, boards.get(1).renamed("Board 2, renamed"));
        // a change deep in the JSON (the project's display name) is a change too
        boards.set(3, new Board(4, "Board 4", "kanban", "BET"));
        boards.add(new Board(6, "Board 6", "simple", "ALP"));
        serve(boards);
        consumer().run();
        consumer().run();

        assertThat(receivedSince(5)).containsExactly(2, 4, 6);
        assertThat(mock().getReceivedExchanges().get(5).getMessage().getBody(JiraBoard.class).getName())
                .isEqualTo("Board 2, renamed");
        assertThat(mock().getReceivedExchanges().get(6).getMessage().getBody(JiraBoard.class).getProjectKey())
                .isEqualTo("BET");
    }

    @Test
    void aBoardThatDisappearsIsForgottenAndIsNewWhenItComesBack() throws Exception {
        List<Board> boards = new ArrayList<>(boards(4));
        serve(boards);
        start("&emit=changed&startFrom=beginning");
        consumer().run();
        assertThat(received()).containsExactly(1, 2, 3, 4);

        Board gone = boards.remove(1);
        serve(boards);
        consumer().run();
        assertThat(received()).hasSize(4);

        boards.add(1, gone);
        serve(boards);
        consumer().run();
        consumer().run();

        assertThat(receivedSince(4)).as("the very same board, back after a poll without it").containsExactly(2);
    }

    @Test
    void emitChangedFromNowTakesTheFirstPollAsASilentBaseline() throws Exception {
        List<Board> boards = new ArrayList<>(boards(5));
        serve(boards);
        start("&emit=changed");

        consumer().run();
        assertThat(received()).isEmpty();
        assertThat(boardRequests()).as("the baseline reads every page").isEqualTo(3);

        boards.set(2, boards.get(2).renamed("Board 3 (retired)"));
        boards.add(new Board(6, "Board 6", "scrum", "ALP"));
        serve(boards);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly(3, 6);
    }

    @Test
    void aBaselineOfNoBoardsStillCountsAsTheBaseline() throws Exception {
        serve(List.of());
        start("&emit=changed");
        consumer().run();

        serve(boards(2));
        consumer().run();

        assertThat(received()).as("boards created after the baseline are new").containsExactly(1, 2);
    }

    @Test
    void dataCenterBoardsWithoutLocationAreTrackedToo() throws Exception {
        List<Board> boards = new ArrayList<>(List.of(new Board(7, "Legacy", "kanban", null),
                new Board(8, "Team", "scrum", null), new Board(9, "Ops", "kanban", null)));
        serve(boards);
        start("dc", server(), "&emit=changed&startFrom=beginning", Map.of(), id -> false, none());

        consumer().run();
        boards.set(0, boards.get(0).renamed("Legacy (archived)"));
        serve(boards);
        consumer().run();

        assertThat(received()).containsExactly(7, 8, 9, 7);
        assertThat(mock().getReceivedExchanges().get(0).getMessage().getBody(JiraBoard.class).getProjectKey())
                .isNull();
        jira.verify(getRequestedFor(urlPathEqualTo(BOARD)).withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @Test
    void stateInAFileSurvivesARestartAsOneLineWhateverTheBoardsAreCalled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jiraspoke-state.dat");
        List<Board> boards = new ArrayList<>(List.of(new Board(1, "a;b", "scrum", "ALP"),
                new Board(2, "c,d=e", "kanban", "ALP"), new Board(3, "100% done", "scrum", "ALP"),
                new Board(4, "two\nlines", "simple", "ALP"), new Board(5, "plain", "scrum", "ALP")));
        serve(boards);
        start("&emit=changed&startFrom=beginning&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())), id -> false, none());
        consumer().run();
        assertThat(received()).containsExactly(1, 2, 3, 4, 5);
        context.stop();
        // the repository appends a line per checkpoint: each must be whole, the last holding all five boards
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("jiraspoke.board-list.cloud.") && l.contains("=l1;"));
        String last = lines.get(lines.size() - 1);
        assertThat(ListConsumer.ListState.parse(last.substring(last.indexOf('=') + 1)).versions)
                .containsOnlyKeys("1", "2", "3", "4", "5");

        // a new JVM would have a new context and a new repository on the same file
        boards.set(3, boards.get(3).renamed("two\nlines\nnow three"));
        serve(boards);
        start("&emit=changed&startFrom=beginning&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())), id -> false, none());
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly(4);
        assertThat(mock().getReceivedExchanges().get(0).getMessage().getBody(JiraBoard.class).getName())
                .isEqualTo("two\nlines\nnow three");
    }

    @Test
    void aFailedExchangeStopsThePollAndItAndTheBoardsAfterItComeAgain() throws Exception {
        serve(boards(5));
        AtomicReference<Boolean> failing = new AtomicReference<>(true);
        start("&emit=changed&startFrom=beginning", Map.of(), id -> id == 3 && failing.get(), none());

        consumer().run();
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(received()).containsExactly(1, 2);
        assertThat(boardRequests()).as("the poll stopped at the failure: the third page was never fetched")
                .isEqualTo(2);

        consumer().run();
        assertThat(attempts).containsExactly(1, 2, 3, 3);
        assertThat(received()).containsExactly(1, 2);

        failing.set(false);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly(1, 2, 3, 4, 5);
        assertThat(attempts).containsExactly(1, 2, 3, 3, 3, 4, 5);
    }

    @Test
    void aFailureTheRouteHandledCountsAsDelivered() throws Exception {
        serve(boards(5));
        start("&emit=changed&startFrom=beginning", Map.of(), id -> id == 3,
                routes -> routes.onException(IllegalStateException.class).handled(true).to("mock:handled"));

        consumer().run();
        consumer().run();

        assertThat(attempts).containsExactly(1, 2, 3, 4, 5);
        assertThat(received()).containsExactly(1, 2, 4, 5);
        assertThat(context.getEndpoint("mock:handled", MockEndpoint.class).getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void maxDeliveryAttemptsGivesUpOnTheBoardWithAWarnNamingItAndMovesOn() throws Exception {
        captureWarnings();
        List<Board> boards = new ArrayList<>(boards(5));
        serve(boards);
        start("&emit=changed&startFrom=beginning&maxDeliveryAttempts=3", Map.of(), id -> id == 3, none());

        consumer().run();
        consumer().run();
        assertThat(received()).containsExactly(1, 2);
        assertThat(capture.events).noneMatch(e -> e.contains("Giving up"));
        consumer().run();

        assertThat(received()).containsExactly(1, 2, 4, 5);
        assertThat(attempts.stream().filter(id -> id == 3)).hasSize(3);
        assertThat(capture.events).anyMatch(e -> e.contains("WARN") && e.contains("Giving up on board 3 (Board 3)")
                                                 && e.contains("after 3 failed poll(s) (maxDeliveryAttempts=3)")
                                                 && e.contains("cannot file board 3 downstream"));
        consumer().run();
        assertThat(attempts.stream().filter(id -> id == 3)).as("not tried again while unchanged").hasSize(3);

        // an edited board is a new version with a count of its own
        boards.set(2, boards.get(2).renamed("Board 3, edited"));
        serve(boards);
        consumer().run();
        assertThat(attempts.stream().filter(id -> id == 3)).hasSize(4);
        assertThat(received()).containsExactly(1, 2, 4, 5);
    }

    @Test
    void theFailureCountSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jiraspoke-state.dat");
        serve(boards(5));
        start("&emit=changed&startFrom=beginning&maxDeliveryAttempts=2&stateRepository=#s",
                Map.of("s", FileStateRepository.fileStateRepository(file.toFile())), id -> id == 3, none());
        consumer().run();
        context.stop();
        attempts.clear();

        start("&emit=changed&startFrom=beginning&maxDeliveryAttempts=2&stateRepository=#s",
                Map.of("s", FileStateRepository.fileStateRepository(file.toFile())), id -> id == 3, none());
        consumer().run();

        assertThat(attempts).as("the second failed poll of board 3 is its last").containsExactly(3, 4, 5);
        assertThat(received()).containsExactly(4, 5);
    }

    @Test
    void maxMessagesPerPollBoundsOnePollAndTheRestFollow() throws Exception {
        serve(boards(5));
        start("&emit=changed&startFrom=beginning&maxMessagesPerPoll=2");

        consumer().run();
        assertThat(received()).containsExactly(1, 2);
        consumer().run();
        assertThat(received()).containsExactly(1, 2, 3, 4);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void withEmitAllMaxDeliveryAttemptsGivesUpToo() throws Exception {
        captureWarnings();
        serve(boards(5));
        start("&maxDeliveryAttempts=2", Map.of(), id -> id == 3, none());

        consumer().run();
        assertThat(received()).containsExactly(1, 2);
        consumer().run();

        assertThat(attempts.stream().filter(id -> id == 3)).hasSize(2);
        assertThat(capture.events).anyMatch(e -> e.contains("WARN") && e.contains("Giving up on board 3 (Board 3)")
                                                 && e.contains("after 2 failed poll(s) (maxDeliveryAttempts=2)"));
        assertThat(received()).as("the rest of the list after the board given up on").containsExactly(1, 2, 4, 5);
    }

    @Test
    void withEmitAllMaxMessagesPerPollTheRestFollowBeforeTheListStartsAgain() throws Exception {
        serve(boards(5));
        start("&maxMessagesPerPoll=2");

        consumer().run();
        consumer().run();
        consumer().run();
        assertThat(received()).containsExactly(1, 2, 3, 4, 5);

        consumer().run();
        assertThat(received()).as("the next round").containsExactly(1, 2, 3, 4, 5, 1, 2);
    }

    @Test
    void withEmitAllAFailureStopsThePollAndTheBoardsAfterItComeNext() throws Exception {
        serve(boards(5));
        AtomicReference<Boolean> failing = new AtomicReference<>(true);
        start("", Map.of(), id -> id == 3 && failing.get(), none());

        consumer().run();
        failing.set(false);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
    }

    @Test
    void aJiraErrorOnALaterPageForgetsNoBoard() throws Exception {
        serve(boards(5));
        start("&emit=changed&startFrom=beginning");
        consumer().run();
        assertThat(received()).containsExactly(1, 2, 3, 4, 5);

        jira.stubFor(get(urlPathEqualTo(BOARD)).withQueryParam("startAt", equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));
        consumer().run();
        serve(boards(5));
        consumer().run();

        assertThat(received()).as("boards on the pages after the error were not taken for new").hasSize(5);
    }

    @Test
    void aJiraErrorDuringTheBaselineDoesNotTurnTheRestIntoNewBoards() throws Exception {
        serve(boards(5));
        jira.stubFor(get(urlPathEqualTo(BOARD)).withQueryParam("startAt", equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));
        start("&emit=changed");
        consumer().run();

        serve(boards(5));
        consumer().run();

        assertThat(received()).as("the baseline completes on the next poll").isEmpty();
    }

    @Test
    void theStateKeyDefaultsToOneDerivedFromConnectionAndOptions() throws Exception {
        Map<String, String> saved = new ConcurrentHashMap<>();
        StateRepository<String, String> state = new StateRepository<>() {
            @Override
            public void setState(String key, String value) {
                saved.put(key, value);
            }

            @Override
            public String getState(String key) {
                return saved.get(key);
            }

            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        };
        context = null;
        start(Map.of("cloud", cloud(), "other", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("s", state);
                String common = "&emit=changed&startFrom=beginning&startScheduler=false&pageSize=" + PAGE
                                + "&stateRepository=#s";
                from("jiraspoke:board/list?connection=cloud&boardType=scrum" + common).routeId("scrum")
                        .to("mock:boards");
                from("jiraspoke:board/list?connection=cloud&boardType=kanban" + common).routeId("kanban")
                        .to("mock:boards");
                from("jiraspoke:board/list?connection=other&boardType=scrum" + common).routeId("other")
                        .to("mock:boards");
                from("jiraspoke:board/list?connection=cloud&boardType=scrum&projectKey=ALP" + common)
                        .routeId("project").to("mock:boards");
            }
        });
        jira.resetMappings();
        jira.stubFor(get(urlPathEqualTo(BOARD)).willReturn(okJson(
                "{\"maxResults\":2,\"startAt\":0,\"total\":0,\"isLast\":true,\"values\":[]}")));

        for (String route : List.of("scrum", "kanban", "other", "project")) {
            ((ListConsumer<?>) context.getRoute(route).getConsumer()).run();
        }

        assertThat(saved).as("one key per connection and set of options").hasSize(4);
        // the key of an existing consumer must not change between versions, or it would start over
        String scrum = "jiraspoke.board-list.cloud." + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("null|scrum|null".getBytes(StandardCharsets.UTF_8)), 0, 8);
        assertThat(saved).containsKey(scrum);
        assertThat(saved.keySet()).allMatch(k -> k.startsWith("jiraspoke.board-list."))
                .anyMatch(k -> k.startsWith("jiraspoke.board-list.other."));
    }

    @Test
    void anInstantForStartFromIsRefused() {
        String message = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:board/list?connection=cloud&emit=changed&startFrom=2026-11-01").to("mock:boards");
            }
        });

        assertThat(message).contains("board/list", "startFrom", "now or beginning");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMemoryStateRepositorySharedByTwoRunsOfTheRouteKeepsItsState() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        serve(boards(3));
        start("&emit=changed&startFrom=beginning&stateRepository=#s", Map.of("s", state), id -> false, none());
        consumer().run();
        context.getRouteController().stopRoute("poller");
        context.getRouteController().startRoute("poller");
        consumer().run();

        assertThat(received()).as("stopping the route does not clear the repository").containsExactly(1, 2, 3);
    }
}
