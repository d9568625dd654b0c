package sosrelay.local;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRouteTest {

    private static ApiRoute route(String path, String method) {
        return new ApiRoute(path, method, null, false, null);
    }

    @Test
    void matchesParametersOneSegmentEach() {
        ApiRoute route = route("/exotel/{secret}/passthru", "get");

        assertThat(route.match("/exotel/s3cr3t/passthru")).contains(Map.of("secret", "s3cr3t"));
        assertThat(route.match("/exotel/s3cr3t/passthru/")).contains(Map.of("secret", "s3cr3t"));
        assertThat(route.match("/exotel/a/b/passthru")).isEmpty();
        assertThat(route.match("/exotel/s3cr3t")).isEmpty();
        assertThat(route.match("/exotel/s3cr3t/greeting")).isEmpty();
    }

    @Test
    void greedyParametersTakeTheRestButNotNothing() {
        ApiRoute route = route("/files/{proxy+}", "any");

        assertThat(route.match("/files/a/b/c")).contains(Map.of("proxy", "a/b/c"));
        assertThat(route.match("/files")).isEqualTo(Optional.empty());
    }

    @Test
    void anyAcceptsEveryMethod() {
        assertThat(route("/x", "any").acceptsMethod("DELETE")).isTrue();
        assertThat(route("/x", "get").acceptsMethod("GET")).isTrue();
        assertThat(route("/x", "get").acceptsMethod("HEAD")).isFalse();
    }

    @Test
    void literalSegmentsAreMoreSpecificThanParametersAndGreedyOnes() {
        assertThat(route("/items/special", "get").specificity()).isGreaterThan(route("/items/{id}", "get").specificity());
        assertThat(route("/items/{id}", "get").specificity()).isGreaterThan(route("/items/{proxy+}", "get").specificity());
    }
}
