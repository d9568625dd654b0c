package sosrelay.bench.coldstart;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a probe as Lambda's Java runtime starts a function: the JVM's class path holds only this launcher, and the
 * function's code (the unpacked zip: its root, then {@code lib/*.jar} by name) is loaded by a class loader of its own,
 * as the runtime's CustomerClassLoader does. That is also how an AppCDS archive made by the build
 * ({@code functions/AppCdsTraining.java}) finds the function's classes. Arguments: the unpacked zip, the probe's
 * class, then the probe's own arguments.
 */
public final class LambdaLikeLauncher {
    private LambdaLikeLauncher() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main " + System.currentTimeMillis());
        File task = new File(args[0]);
        List<URL> classPath = new ArrayList<>(List.of(task.toURI().toURL()));
        String[] jars = new File(task, "lib").list((dir, name) -> name.endsWith(".jar"));
        Arrays.sort(jars);
        for (String jar : jars) {
            classPath.add(new File(task, "lib/" + jar).toURI().toURL());
        }
        ClassLoader function = new URLClassLoader(classPath.toArray(URL[]::new), LambdaLikeLauncher.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(function);
        Class.forName(args[1], true, function).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
