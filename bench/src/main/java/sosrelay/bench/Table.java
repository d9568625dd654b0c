package sosrelay.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark's printed table: a section per measurement, rows of label and value. */
public final class Table {
    private record Row(String section, String label, String value) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String section, String label, String value) {
        rows.add(new Row(section, label, value));
    }

    public List<String> labels() {
        return rows.stream().map(Row::label).toList();
    }

    public void print(PrintStream out) {
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(10);
        // Sections in the order they first appear, each with all its rows, however the runs interleaved.
        Map<String, List<Row>> sections = rows.stream().collect(Collectors.groupingBy(Row::section, LinkedHashMap::new, Collectors.toList()));
        sections.forEach((section, sectionRows) -> {
            out.println();
            out.println("## " + section);
            sectionRows.forEach(row -> out.printf("  %-" + width + "s  %s%n", row.label(), row.value()));
        });
    }

    public static String millis(double value) {
        return bare(value) + " ms";
    }

    static String bare(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 10_000 ? String.format("%,.0f", value) : String.format("%.0f", value);
    }

    public static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.2fx", value);
    }
}
