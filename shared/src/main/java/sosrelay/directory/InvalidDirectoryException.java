package sosrelay.directory;

import java.util.List;

/** A directory that can't be used, with every problem found, not just the first. */
public final class InvalidDirectoryException extends RuntimeException {
    private final List<String> problems;

    public InvalidDirectoryException(List<String> problems) {
        super("the directory has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
