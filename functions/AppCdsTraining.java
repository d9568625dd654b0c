import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The build's AppCDS training run for one function package (see docs/performance.md, "Cold start"). Run by each
 * function module after its lambda.zip is assembled, as a single-file program
 * ({@code java -XX:ArchiveClassesAtExit=target/appcds.jsa functions/AppCdsTraining.java target/lambda.zip template.yaml}):
 * it unpacks the zip, loads it as Lambda's Java runtime does (one URLClassLoader over the task root and lib/*.jar
 * in name order), constructs every handler template.yaml points at this zip, and runs the SnapStart priming they
 * registered (SnapStartPriming.warmUpAll: this JVM has no CRaC to run it). The classes that loaded go into the archive; nothing of this program does.
 *
 * Why a source file and not a module's class: an archive records the application class path it was made with, and
 * a JVM started with another one (Lambda's runtime, the benchmark's launcher) refuses it. This program is compiled
 * in memory and lives on no class path, so the archive names none, and the function's classes, loaded by a class
 * loader of their own as on Lambda, are matched by content wherever the zip is unpacked.
 *
 * The environment points every AWS endpoint at a closed local port: the priming's requests fail without leaving
 * the machine, after the classes that make and sign them have loaded.
 */
public final class AppCdsTraining {

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]).toAbsolutePath().normalize();
        Path template = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> handlers = handlersOf(zip, template);
        if (handlers.isEmpty()) {
            throw new IllegalStateException("template.yaml has no function whose CodeUri is " + zip);
        }
        Path task = zip.resolveSibling("appcds-task");
        unzip(zip, task);
        try (URLClassLoader function = new URLClassLoader(lambdaClassPath(task), AppCdsTraining.class.getClassLoader())) {
            for (String handler : handlers) {
                try {
                    Class.forName(handler, true, function).getConstructor().newInstance();
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw new IllegalStateException(handler + " cannot be built from the training's environment (the root"
                            + " pom's appcds-archive environmentVariables: a variable template.yaml's Globals added?)", e.getCause());
                }
            }
            // What SnapStart does before its snapshot: every warm-up the handlers registered.
            function.loadClass("sosrelay.wiring.SnapStartPriming").getMethod("warmUpAll").invoke(null);
        }
        System.out.println("AppCDS training: " + String.join(", ", handlers));
    }

    /** The Handler of every function whose CodeUri is this zip (template.yaml lists CodeUri, then Handler). */
    private static List<String> handlersOf(Path zip, Path template) throws IOException {
        List<String> handlers = new ArrayList<>();
        Path codeUri = null;
        for (String line : Files.readAllLines(template)) {
            String text = line.strip();
            if (text.startsWith("CodeUri:")) {
                codeUri = template.resolveSibling(text.substring("CodeUri:".length()).strip()).normalize();
            } else if (text.startsWith("Handler:") && zip.equals(codeUri)) {
                String handler = text.substring("Handler:".length()).strip().split("::")[0];
                if (!handlers.contains(handler)) {
                    handlers.add(handler);
                }
            }
        }
        return handlers;
    }

    /** As Lambda's CustomerClassLoader: the task root, then lib/*.jar sorted by name. */
    private static URL[] lambdaClassPath(Path task) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(task.toUri().toURL()));
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString)).toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }
}
