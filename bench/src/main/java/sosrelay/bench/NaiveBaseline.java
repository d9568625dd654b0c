package sosrelay.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;

/**
 * Exotel's own recipe ("call the API 20 times"): the same connect requests our workers send, one
 * after another from one thread, timed from the first request's start to the last one's arrival.
 */
public final class NaiveBaseline {
    private final SlowExotel exotel;
    private final ExotelCalls calls;

    public NaiveBaseline(SlowExotel exotel) {
        this.exotel = exotel;
        this.calls = new ExotelCalls(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new ExotelAccount(exotel.baseUrl(), SlowExotel.ACCOUNT_SID, SlowExotel.API_KEY, () -> SlowExotel.API_TOKEN,
                        "08047000000", () -> "http://my.exotel.com/bench/exoml/start_voice/1", () -> "http://127.0.0.1:9/unused",
                        30, 600, Duration.ofSeconds(8)));
    }

    public Samples measure(int people, int runs) {
        return Samples.repeat(runs, () -> once(people));
    }

    private double once(int people) {
        exotel.forget();
        long start = System.currentTimeMillis();
        for (int i = 0; i < people; i++) {
            SendResult result = calls.send(new DeliveryJob("inc-naive", String.format("p%04d", i),
                    String.format("+9198760%05d", i), Channel.CALL, 1));
            if (!(result instanceof SendResult.Accepted)) {
                throw new IllegalStateException("the stand-in refused a naive request: " + result);
            }
        }
        return exotel.lastArrivalMillis(people).orElseThrow() - start;
    }
}
