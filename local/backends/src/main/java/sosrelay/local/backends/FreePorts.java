package sosrelay.local.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port the OS says is free, for a server that cannot bind port 0 itself (DynamoDB Local, moto's python), and never the
 * same one twice in this JVM: the OS may hand a just-closed port out again while the server given it has not bound it
 * yet (moto takes seconds to start), and two servers would then race for it.
 */
final class FreePorts {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    static int pick() {
        for (int tries = 0; tries < 100; tries++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("the OS offered only ports already handed out in this JVM");
    }
}
