package sosrelay.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Repeated measurements in milliseconds: the median and the spread (min–max) are what the table prints. */
public final class Samples {
    private final List<Double> millis = new ArrayList<>();

    public static Samples of(List<Double> values) {
        Samples samples = new Samples();
        values.forEach(samples::add);
        return samples;
    }

    /** {@code runs} measurements of {@code run}, one after another. */
    public static Samples repeat(int runs, DoubleSupplier run) {
        Samples samples = new Samples();
        for (int i = 0; i < runs; i++) {
            samples.add(run.getAsDouble());
        }
        return samples;
    }

    public synchronized void add(double valueMillis) {
        millis.add(valueMillis);
    }

    public synchronized int count() {
        return millis.size();
    }

    public double median() {
        return percentile(50);
    }

    /** Nearest-rank percentile: p99 of 50 samples is the largest, of 250 the third largest. */
    public synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public synchronized double min() {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public synchronized double max() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** e.g. {@code 412 ms (398–430, 5 runs)}. */
    public String describe() {
        return count() == 1
                ? Table.millis(median()) + " (1 run)"
                : Table.millis(median()) + " (" + Table.bare(min()) + "–" + Table.bare(max()) + ", " + count() + " runs)";
    }
}
