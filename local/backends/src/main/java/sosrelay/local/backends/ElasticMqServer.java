package sosrelay.local.backends;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;
import scala.util.Either;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ElasticMQ on 127.0.0.1 and a free port. With a directory, queues and messages live in an H2
 * database there (ElasticMQ's own SQL persistence, wired as its standalone server does), so
 * queued messages survive a restart; without one, everything is in memory.
 */
final class ElasticMqServer implements AutoCloseable {
    static final String REGION = "ap-south-1";
    static final String ACCOUNT_ID = "000000000000";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(ActorSystem actorSystem, SQSRestServer server, int port) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    static ElasticMqServer start(Optional<Path> storeDir) {
        ActorSystem actorSystem = ActorSystem.create("elasticmq-" + INSTANCES.incrementAndGet(), quietPekko());
        try {
            Option<ActorRef> persistence = storeDir.map(dir -> Option.apply(sqlPersistence(actorSystem, dir))).orElse(Option.empty());
            ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class,
                    new NowProvider(), SQSRestServerBuilder.sqsLimits(), persistence));
            var builder = SQSRestServerBuilder
                    .withActorSystem(actorSystem)
                    .withQueueManagerActor(queueManager)
                    .withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withAWSRegion(REGION)
                    .withAWSAccountId(ACCOUNT_ID);
            if (persistence.isDefined()) {
                builder = builder.withQueueEventListener(persistence.get());
            }
            SQSRestServer server = builder.start();
            int port = ((java.net.InetSocketAddress) server.waitUntilStarted().localAddress()).getPort();
            if (persistence.isDefined()) {
                restore(persistence.get(), queueManager);
            }
            return new ElasticMqServer(actorSystem, server, port);
        } catch (RuntimeException e) {
            actorSystem.terminate();
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
        try {
            actorSystem.terminate();
            actorSystem.getWhenTerminated().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ's actor system did not stop", e);
        }
    }

    private static ActorRef sqlPersistence(ActorSystem actorSystem, Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("elasticmq") + ";AUTO_SERVER=FALSE";
        var config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
        return actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class, config, List$.MODULE$.empty()));
    }

    /** Re-creates the persisted queues and their messages before anyone can call the API. */
    private static void restore(ActorRef persistence, ActorRef queueManager) {
        Object result;
        try {
            result = Patterns.ask(persistence, new QueueEvent.Restore(queueManager), TIMEOUT)
                    .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues", e);
        }
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("ElasticMQ could not restore its queues: " + either.left().get());
        }
    }

    /** Pekko logs at INFO to stdout by default; only warnings matter here. */
    private static Config quietPekko() {
        return ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                # close() stops it; a JVM hook of its own would race the local stack's.
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                """).withFallback(ConfigFactory.load(ElasticMqServer.class.getClassLoader()));
    }
}
