package sosrelay.local.backends;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * S3Proxy on 127.0.0.1 and a free port, over jclouds' in-memory store or, with a directory, its
 * filesystem store (objects survive a restart). It checks AWS signatures (V2 or V4, presigned URLs
 * included) against the local credentials, so an unsigned request is refused as S3 would refuse it.
 */
final class S3ProxyServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context, int port) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    static S3ProxyServer start(Optional<Path> storeDir, String accessKeyId, String secretAccessKey) {
        Properties properties = new Properties();
        storeDir.ifPresent(dir -> {
            createDirectories(dir);
            properties.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
        });
        BlobStoreContext context = ContextBuilder.newBuilder(storeDir.isPresent() ? "filesystem" : "transient")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!"STARTED".equals(proxy.getState())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT + ": " + proxy.getState());
                }
                Thread.sleep(5);
            }
            return new S3ProxyServer(proxy, context, proxy.getPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
            throw new IllegalStateException("interrupted while S3Proxy started", e);
        } catch (Exception e) {
            context.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("S3Proxy did not start", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Straight into the store: the SDK would ask S3Proxy for a bucket in the local region, a location
     * constraint jclouds' local stores refuse. Nothing happens if it exists.
     */
    void createBucket(String name) {
        context.getBlobStore().createContainerInLocation(null, name);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
