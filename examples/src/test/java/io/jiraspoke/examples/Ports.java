package io.jiraspoke.examples;

import java.io.IOException;
import java.net.ServerSocket;

/** A loopback port for the examples' tests to run an HTTP server on (platform-http, a webhook receiver). */
final class Ports {

    private Ports() {
    }

    /** A port free at the time of asking. */
    static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
