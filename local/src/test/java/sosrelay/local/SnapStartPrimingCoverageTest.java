package sosrelay.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.backends.SamTemplate;
import sosrelay.local.backends.TemplateFunction;

/**
 * Every function template.yaml declares has SnapStart (Globals), so every handler must register its priming in the
 * no-argument constructor Lambda calls: one that does not leaves its SDK clients and classes to a caller's first
 * request after every restore.
 */
class SnapStartPrimingCoverageTest {
    private static final Pattern REGISTERS_PRIMING =
            Pattern.compile("public \\w+\\(\\)\\s*\\{[^}]*(primeBeforeSnapshot\\(\\)|SnapStartPriming\\.register\\()");

    @Test
    void everyHandlerInTheTemplateRegistersItsPriming() throws IOException {
        Path template = LocalTemplate.findTemplate();
        Path root = template.getParent();
        List<String> unprimed = new ArrayList<>();
        List<TemplateFunction> functions = SamTemplate.load(template).functions();
        for (TemplateFunction function : functions) {
            Path source = handlerSource(root, function.handlerClass());
            if (!registersPriming(Files.readString(source))) {
                unprimed.add(function.logicalId() + " (" + root.relativize(source) + ")");
            }
        }

        assertThat(functions).as("the template's functions").hasSizeGreaterThan(10);
        assertThat(unprimed).as("handlers whose no-argument constructor registers no SnapStart priming").isEmpty();
    }

    @Test
    void aConstructorWithoutPrimingIsSeen() {
        assertThat(registersPriming("public Handler() {\n this(Wiring.fromEnvironment());\n }")).isFalse();
        assertThat(registersPriming("public Handler() {\n this(Wiring.fromEnvironment());\n primeBeforeSnapshot();\n }")).isTrue();
    }

    private static boolean registersPriming(String source) {
        return REGISTERS_PRIMING.matcher(source).find();
    }

    private static Path handlerSource(Path root, String handlerClass) throws IOException {
        String relative = "src/main/java/" + handlerClass.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            return modules.map(module -> module.resolve(relative)).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new AssertionError("no source for " + handlerClass + " under functions/*/" + relative));
        }
    }
}
