package sosrelay.local.sandbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of Exotel's bulk call details API that the sandbox understands, refused as Exotel refuses
 * them: {@code From} with at most five numbers, {@code DateCreated} as {@code gte:…;lte:…} in India time
 * spanning at most a month, {@code PageSize} up to 100, {@code SortBy=DateCreated:asc|desc}.
 */
record BulkCallFilter(Set<String> from, Instant since, Instant until, int pageSize, boolean oldestFirst) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final int MAX_NUMBERS = 5;
    private static final int MAX_PAGE = 100;
    private static final long MAX_RANGE_DAYS = 31;

    static BulkCallFilter parse(Map<String, String> query) {
        Set<String> from = query.containsKey("From")
                ? Arrays.stream(query.get("From").split(",")).map(String::trim).collect(Collectors.toSet())
                : Set.of();
        if (from.size() > MAX_NUMBERS) {
            throw new IllegalArgumentException("From takes at most " + MAX_NUMBERS + " numbers");
        }
        Instant since = Instant.EPOCH;
        Instant until = Instant.MAX;
        if (query.containsKey("DateCreated")) {
            for (String part : query.get("DateCreated").split(";")) {
                String[] operatorAndTime = part.split(":", 2);
                Instant at = time(operatorAndTime.length == 2 ? operatorAndTime[1] : "", part);
                switch (operatorAndTime[0]) {
                    case "gte" -> since = at;
                    case "lte" -> until = at;
                    default -> throw new IllegalArgumentException("DateCreated takes gte: and lte:, not '" + part + "'");
                }
            }
            if (!until.equals(Instant.MAX) && since.plus(MAX_RANGE_DAYS, ChronoUnit.DAYS).isBefore(until)) {
                throw new IllegalArgumentException("DateCreated may span at most one month");
            }
        }
        int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("PageSize must be between 1 and " + MAX_PAGE);
        }
        String sortBy = query.getOrDefault("SortBy", "DateCreated:desc");
        if (!sortBy.equals("DateCreated:asc") && !sortBy.equals("DateCreated:desc")) {
            throw new IllegalArgumentException("SortBy must be DateCreated:asc or DateCreated:desc");
        }
        return new BulkCallFilter(from, since, until, pageSize, sortBy.endsWith("asc"));
    }

    private static Instant time(String text, String part) {
        try {
            return LocalDateTime.parse(text, TIME).atZone(IST).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DateCreated wants yyyy-MM-dd HH:mm:ss, not '" + part + "'");
        }
    }

    /** The matching calls in the asked order; Exotel's DateCreated has whole seconds, and so has the comparison. */
    List<SandboxExotel.PlacedCall> apply(List<SandboxExotel.PlacedCall> calls) {
        Comparator<SandboxExotel.PlacedCall> byCreation = Comparator.comparing(SandboxExotel.PlacedCall::at);
        return calls.stream()
                .filter(call -> from.isEmpty() || from.contains(call.from()))
                .filter(call -> {
                    Instant created = call.at().truncatedTo(ChronoUnit.SECONDS);
                    return !created.isBefore(since) && !created.isAfter(until);
                })
                .sorted(oldestFirst ? byCreation : byCreation.reversed())
                .toList();
    }
}
