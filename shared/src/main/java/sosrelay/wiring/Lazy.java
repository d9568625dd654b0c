package sosrelay.wiring;

import java.util.function.Supplier;

/** Built on first use, then kept: a function pays only for the clients its own path touches. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = factory.get();
                    value = current;
                }
            }
        }
        return current;
    }

    /** Whether something has asked for it yet: what a warm-up may touch without building more than the function uses. */
    boolean built() {
        return value != null;
    }
}
