package sosrelay.local.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import sosrelay.local.LocalRelay;

/**
 * The hostile corpus: requests to every public endpoint that Exotel, a device or an attacker might
 * send broken, built from {@link HostileValues} with a seeded {@link Random} so every run sends the
 * same bytes.
 */
final class HostileRequests {
    /** Always in the past, so no accepted recording is ever probed: the probe's HEAD would leave the machine. */
    private static final String RECORDING_READY = "Fri, 16 Jul 2021 15:47:25";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    /** A type the demo directory lacks: the default type (one duty manager) is alerted, not twenty doctors. */
    private static final String UNLISTED_TYPE = "Hostile";
    private static final List<String> UNROUTED_METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO");
    /** The operator's sign-in the stack under the corpus accepts ({@code SOS_OPERATOR_TOKENS}). */
    static final String OPERATOR_TOKEN = "hostile-corpus-operator-token";

    /** A route and the answers its documentation promises besides a 4xx. */
    enum Endpoint {
        PASSTHRU("passthru", 200, 302),
        GREETING("greeting", 200),
        CALL_STATUS("call-status", 200),
        SMS_STATUS("sms-status", 200),
        ACK("ack", 200, 302),
        SMS_REPLY("sms-reply", 200),
        RAISE("/v1/incidents", 202),
        VIEW("/v1/incidents/{id}", 200),
        RESOLVE("/v1/incidents/{id}/resolve", 200),
        LIST("/v1/incidents?…", 200),
        OVERRIDES("/v1/rosters/{id}/overrides", 201),
        ON_DUTY("/v1/rosters/{id}/on-duty", 200),
        MAINTENANCE("/v1/maintenance", 201),
        OPERATOR_INCIDENTS("/v1/operator/incidents…", 200),
        DESK("/v1/desk", 200),
        DRILLS("/v1/drills", 202),
        DRILL_REPORT("/v1/drills/{id}", 200),
        TEST_CALL("/v1/people/{id}/test-call", 202);

        final String path;
        final Set<Integer> documentedAnswers;

        Endpoint(String path, Integer... documentedAnswers) {
            this.path = path;
            this.documentedAnswers = Set.of(documentedAnswers);
        }
    }

    /** One request as raw as it goes on the wire; {@code authenticated}: the right secret or API key. */
    record HostileRequest(String description, Endpoint endpoint, boolean authenticated, String method, String target,
                          List<String> headerLines, byte[] body) {
    }

    private final Random random;
    private final List<HostileRequest> corpus = new ArrayList<>();

    private HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** Wrong webhook secrets and missing or wrong API keys, each on a request that would otherwise raise an incident. */
    static List<HostileRequest> unauthenticated(long seed) {
        HostileRequests requests = new HostileRequests(seed);
        requests.wrongSecrets();
        requests.wrongApiKeys();
        requests.wrongOperatorTokens();
        return requests.corpus;
    }

    /** The right secret or key with broken, forged, huge and malformed everything else. */
    static List<HostileRequest> authenticated(long seed) {
        HostileRequests requests = new HostileRequests(seed);
        requests.passthru();
        requests.callbacks(Endpoint.CALL_STATUS, "CallSid");
        requests.callbacks(Endpoint.SMS_STATUS, "SmsSid");
        requests.acks();
        requests.smsReplies();
        requests.deviceRaises();
        requests.deviceReadsAndResolves();
        requests.operatorChanges();
        requests.signedInOperator();
        requests.unroutedMethods();
        requests.oddHeadersAndRequestLines();
        return requests.corpus;
    }

    /** The greeting asked about forged CustomFields and about the incidents the corpus itself raised. */
    static List<HostileRequest> greetings(long seed, List<String> realIncidentIds) {
        HostileRequests requests = new HostileRequests(seed);
        for (String field : HostileValues.forgedCustomFields(requests.random, realIncidentIds)) {
            requests.greeting("GET", "forged CustomField " + RawHttp.abbreviate(field), query("CustomField", field));
        }
        for (String id : realIncidentIds) {
            requests.greeting("GET", "a raised incident's CustomField", query("CustomField", id + ":duty-manager"));
        }
        requests.greeting("GET", "no CustomField", "");
        requests.greeting("GET", "two CustomFields, the first empty", query("CustomField", "") + "&" + query("CustomField",
                HostileValues.randomIncidentId(requests.random) + ":dr-rao"));
        requests.greeting("GET", "a 100 KB CustomField in the query", query("CustomField", HostileValues.HUGE));
        requests.greeting("HEAD", "HEAD with a forged CustomField", query("CustomField", "inc-x:../../"));
        requests.greeting("HEAD", "HEAD without parameters", "");
        for (String escape : HostileValues.BROKEN_ESCAPES) {
            requests.greeting("GET", "broken escape " + escape + " in CustomField", "CustomField=inc-" + escape + ":dr-rao");
        }
        return requests.corpus;
    }

    // --- unauthenticated ---------------------------------------------------------------------------------------

    private void wrongSecrets() {
        for (String secret : HostileValues.WRONG_SECRETS) {
            String what = "wrong secret '" + RawHttp.abbreviate(secret) + "'";
            exotel(what, Endpoint.PASSTHRU, secret, "GET", passthruQuery(callSid()), null, new byte[0]);
            exotel(what, Endpoint.PASSTHRU, secret, "POST", "", FORM, bytes(passthruQuery(callSid())));
            exotel(what, Endpoint.GREETING, secret, "GET", query("CustomField", HostileValues.randomIncidentId(random) + ":dr-rao"),
                    null, new byte[0]);
            exotel(what, Endpoint.GREETING, secret, "HEAD", "", null, new byte[0]);
            exotel(what, Endpoint.CALL_STATUS, secret, "POST", "", FORM, bytes(query("CallSid", callSid()) + "&Status=completed"));
            exotel(what, Endpoint.SMS_STATUS, secret, "POST", "", FORM, bytes(query("SmsSid", callSid()) + "&Status=sent"));
            exotel(what, Endpoint.ACK, secret, "GET", "digits=%221%22&" + query("CallSid", callSid()), null, new byte[0]);
            exotel(what, Endpoint.SMS_REPLY, secret, "GET", "From=09800000001&Body=123456", null, new byte[0]);
            exotel(what, Endpoint.SMS_REPLY, secret, "POST", "", FORM, bytes("From=09800000001&Body=123456"));
        }
    }

    private void wrongApiKeys() {
        for (List<String> keyHeader : HostileValues.WRONG_API_KEY_HEADERS) {
            String what = keyHeader.isEmpty() ? "no x-api-key" : RawHttp.abbreviate(keyHeader.get(0));
            List<String> headers = new ArrayList<>(keyHeader);
            headers.add("Content-Type: " + JSON);
            device(what, Endpoint.RAISE, "POST", "/v1/incidents", false, headers, bytes("{\"type\":\"Fire\",\"message\":\"x\"}"));
            device(what, Endpoint.VIEW, "GET", "/v1/incidents/" + HostileValues.randomIncidentId(random), false, keyHeader, new byte[0]);
            device(what, Endpoint.RESOLVE, "POST", "/v1/incidents/" + HostileValues.randomIncidentId(random) + "/resolve", false,
                    keyHeader, new byte[0]);
        }
        device("the key in the query string instead of the header", Endpoint.RAISE, "POST",
                "/v1/incidents?x-api-key=" + LocalRelay.LOCAL_API_KEY, false, List.of("Content-Type: " + JSON),
                bytes("{\"message\":\"x\"}"));
        device("the key in the body instead of the header", Endpoint.RAISE, "POST", "/v1/incidents", false,
                List.of("Content-Type: " + JSON), bytes("{\"message\":\"x\",\"x-api-key\":\"" + LocalRelay.LOCAL_API_KEY + "\"}"));
    }

    /** The signed-in operator's routes without the token: each would ring someone (a drill, a test call) or show the desk. */
    private void wrongOperatorTokens() {
        for (List<String> header : List.of(List.<String>of(), List.of("Authorization:"), List.of("Authorization: Bearer"),
                List.of("Authorization: Bearer guessed-token"), List.of("Authorization: Bearer " + OPERATOR_TOKEN + "x"),
                List.of("Authorization: Bearer " + OPERATOR_TOKEN.toUpperCase(java.util.Locale.ROOT)),
                List.of("Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(("operator:" + OPERATOR_TOKEN).getBytes(StandardCharsets.UTF_8))),
                List.of("x-api-key: " + LocalRelay.LOCAL_OPERATOR_KEY), List.of("Authorization: Bearer " + LocalRelay.LOCAL_OPERATOR_KEY),
                List.of("Authorization: Bearer " + LocalRelay.LOCAL_SECRET), List.of("Authorization: Bearer ${jndi:ldap://x}"),
                List.of("Authorization: Bearer " + "t".repeat(8000)))) {
            String what = header.isEmpty() ? "no Authorization" : RawHttp.abbreviate(header.get(0));
            List<String> json = new ArrayList<>(header);
            json.add("Content-Type: " + JSON);
            device(what, Endpoint.DRILLS, "POST", "/v1/drills", false, json, bytes("{\"type\":\"General\"}"));
            device(what, Endpoint.TEST_CALL, "POST", "/v1/people/duty-manager/test-call", false, header, new byte[0]);
            device(what, Endpoint.OPERATOR_INCIDENTS, "GET", "/v1/operator/incidents", false, header, new byte[0]);
            device(what, Endpoint.DESK, "GET", "/v1/desk", false, header, new byte[0]);
        }
    }

    // --- authenticated webhooks --------------------------------------------------------------------------------

    private void passthru() {
        passthruGet("no CallSid", "EmergencyType=" + UNLISTED_TYPE);
        passthruGet("an empty CallSid", "CallSid=&EmergencyType=" + UNLISTED_TYPE);
        passthruGet("two different CallSids", query("CallSid", callSid()) + "&" + query("CallSid", callSid()));
        passthruGet("an empty CallSid, then a real one", "CallSid=&" + query("CallSid", callSid()));
        passthruGet("a 129-character CallSid", query("CallSid", "a".repeat(129)));
        for (String injection : HostileValues.INJECTIONS) {
            passthruGet("CallSid " + injection, query("CallSid", injection));
            for (String field : List.of("CallFrom", "EmergencyType", "digits", "StartTime")) {
                passthruGet(field + " " + injection, passthruQuery(callSid()) + "&" + query(field, injection));
            }
        }
        for (String date : HostileValues.ABSURD_DATES) {
            passthruGet("StartTime " + RawHttp.abbreviate(date), query("CallSid", callSid()) + "&" + query("StartTime", date));
            passthruGet("RecordingAvailableBy " + RawHttp.abbreviate(date) + " without a recording",
                    query("CallSid", callSid()) + "&" + query("RecordingAvailableBy", date));
        }
        for (String url : HostileValues.FORGED_RECORDING_URLS) {
            passthruGet("RecordingUrl " + RawHttp.abbreviate(url), query("CallSid", callSid()) + "&" + query("RecordingUrl", url)
                    + "&" + query("RecordingAvailableBy", RECORDING_READY));
        }
        passthruGet("two RecordingUrls, a forged one first", query("CallSid", callSid())
                + "&" + query("RecordingUrl", "https://evil.example.com/a.mp3")
                + "&" + query("RecordingUrl", "https://recordings.exotel.com/a.mp3") + "&" + query("RecordingAvailableBy", RECORDING_READY));
        for (String escape : HostileValues.BROKEN_ESCAPES) {
            passthruGet("broken escape " + escape + " in EmergencyType", query("CallSid", callSid()) + "&EmergencyType=" + escape);
            passthruGet("broken escape " + escape + " in CallSid", "CallSid=" + escape);
            exotel("broken escape " + escape + " in a form body", Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET, "POST", "", FORM,
                    bytes(query("CallSid", callSid()) + "&CallFrom=" + escape + "&EmergencyType=" + escape));
        }
        passthruGet("raw bytes that are not UTF-8 in the query", query("CallSid", callSid()) + "&EmergencyType=\u00C3\u0028\u00FF");
        passthruGet("a 100 KB parameter in the query", query("CallSid", callSid()) + "&" + query("EmergencyType", HostileValues.HUGE));
        passthruGet("10,000 parameters in the query", query("CallSid", callSid()) + "&" + manyParameters(10_000));
        passthruPost("a 100 KB parameter in a form body", FORM,
                bytes(query("CallSid", callSid()) + "&" + query("EmergencyType", HostileValues.HUGE)));
        passthruPost("10,000 parameters in a form body", FORM, bytes(query("CallSid", callSid()) + "&" + manyParameters(10_000)));
        passthruPost("a 1 MB form body", FORM, bytes(query("CallSid", callSid()) + "&" + query("CallFrom", "9".repeat(1024 * 1024))));
        passthruPost("an 11 MB body, over API Gateway's 10 MB", FORM, new byte[11 * 1024 * 1024]);
        passthruPost("an empty body", FORM, new byte[0]);
        passthruPost("a form body labelled JSON", JSON, bytes(passthruQuery(callSid())));
        passthruPost("a form body labelled text/plain", "text/plain", bytes(passthruQuery(callSid())));
        passthruPost("a form body with no content type", null, bytes(passthruQuery(callSid())));
        passthruPost("multipart with no boundary", "multipart/form-data", bytes(passthruQuery(callSid())));
        passthruPost("a body of bytes that are not UTF-8", FORM, new byte[] {'C', 'a', 'l', 'l', 'S', 'i', 'd', '=', (byte) 0xC3, 0x28});
    }

    private void callbacks(Endpoint endpoint, String idField) {
        String status = endpoint == Endpoint.CALL_STATUS ? "completed" : "sent";
        String boundary = "----hostile" + random.nextInt(1_000_000);
        String validParts = part(boundary, idField, callSid()) + part(boundary, "Status", status) + "--" + boundary + "--\r\n";
        callback(endpoint, "an unknown " + idField + " as multipart", "multipart/form-data; boundary=" + boundary, validParts);
        callback(endpoint, "an unknown " + idField + " as a form", FORM, query(idField, callSid()) + "&Status=" + status);
        callback(endpoint, "two different " + idField + "s", FORM,
                query(idField, callSid()) + "&" + query(idField, callSid()) + "&Status=" + status);
        callback(endpoint, "no " + idField, FORM, "Status=" + status);
        callback(endpoint, "no Status", FORM, query(idField, callSid()));
        callback(endpoint, "an empty body", FORM, "");
        for (String injection : HostileValues.INJECTIONS) {
            callback(endpoint, "Status " + injection, FORM, query(idField, callSid()) + "&" + query("Status", injection)
                    + "&" + query("DetailedStatus", injection));
            callback(endpoint, idField + " " + injection, FORM, query(idField, injection) + "&Status=" + status);
        }
        callback(endpoint, "multipart, boundary empty", "multipart/form-data; boundary=", validParts);
        callback(endpoint, "multipart, boundary not in the body", "multipart/form-data; boundary=other", validParts);
        callback(endpoint, "multipart, boundary of regex characters", "multipart/form-data; boundary=\"(a+)+$\\E[\"",
                part("(a+)+$\\E[", idField, callSid()) + "--(a+)+$\\E[--");
        callback(endpoint, "multipart, no blank line after the part headers", "multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + idField + "\"\r\n" + callSid() + "\r\n--" + boundary + "--");
        callback(endpoint, "multipart, no Content-Disposition", "multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + boundary + "--");
        callback(endpoint, "multipart, unquoted name", "multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=" + idField + "\r\n\r\nx\r\n--" + boundary + "--");
        callback(endpoint, "multipart, no closing boundary", "multipart/form-data; boundary=" + boundary,
                part(boundary, idField, callSid()) + part(boundary, "Status", status).stripTrailing());
        callback(endpoint, "multipart, only dashes", "multipart/form-data; boundary=" + boundary, "--");
        callback(endpoint, "multipart, a 10 KB boundary", "multipart/form-data; boundary=" + HostileValues.TEN_KB, validParts);
        callback(endpoint, "multipart, 10,000 parts", "multipart/form-data; boundary=" + boundary,
                IntStream.range(0, 10_000).mapToObj(i -> part(boundary, "f" + i, "v")).collect(Collectors.joining())
                        + "--" + boundary + "--");
        callback(endpoint, "multipart, a 1 MB part", "multipart/form-data; boundary=" + boundary,
                part(boundary, idField, "z".repeat(1024 * 1024)) + part(boundary, "Status", status) + "--" + boundary + "--");
        for (String json : List.of("[]", "null", "42", "\"text\"", "{", "{\"" + idField + "\":123,\"Status\":\"" + status + "\"}",
                "{\"" + idField + "\":{\"a\":1},\"Status\":[\"" + status + "\"]}",
                "{\"" + idField + "\":\"" + callSid() + "\",\"" + idField + "\":\"" + callSid() + "\",\"Status\":\"" + status + "\"}",
                "{\"" + idField + "\":\"" + callSid() + "\",\"Status\":null}",
                "{\"" + idField + "\":\"" + callSid() + "\",\"Status\":\"" + status + "\",\"Legs\":" + nested(50_000) + "}",
                nested(200_000))) {
            callback(endpoint, "JSON " + RawHttp.abbreviate(json), JSON, json);
        }
        callback(endpoint, "a form body labelled JSON", JSON, query(idField, callSid()) + "&Status=" + status);
        callback(endpoint, "XML", "text/xml", "<" + idField + ">x</" + idField + "><Status>" + status + "</Status>");
        exotel("GET instead of POST", endpoint, LocalRelay.LOCAL_SECRET, "GET", query(idField, callSid()) + "&Status=" + status,
                null, new byte[0]);
    }

    private void acks() {
        List<String> digits = List.of("\"1\"", "1", " 1 ", "11", "\"1\"1", "\u0661", "1\0", "", "\"\"", HostileValues.TEN_KB);
        for (String pressed : digits) {
            ack("digits " + RawHttp.abbreviate(pressed) + ", unknown call", query("digits", pressed) + "&" + query("CallSid", callSid()));
        }
        for (String field : HostileValues.forgedCustomFields(random, List.of())) {
            ack("digits 1, forged CustomField " + RawHttp.abbreviate(field),
                    "digits=%221%22&" + query("CallSid", callSid()) + "&" + query("CustomField", field));
        }
        ack("digits 1 and nothing else", "digits=%221%22");
        ack("no parameters", "");
    }

    private void smsReplies() {
        List<String> senders = List.of("", "abc", "+", "+91", "0000000000", "+919800000001", "\u0669\u0668\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661",
                "9".repeat(5000), "+00919800000001", "' OR 1=1 --", "<script>alert(1)</script>");
        List<String> texts = List.of("123456", "1234567", "ack 000000 ok", HostileValues.TEN_KB, "${jndi:ldap://x} 123456", "");
        for (int i = 0; i < senders.size(); i++) {
            String text = texts.get(i % texts.size());
            String fields = query("From", senders.get(i)) + "&" + query("Body", text);
            String what = "From " + RawHttp.abbreviate(senders.get(i)) + ", Body " + RawHttp.abbreviate(text);
            exotel(what, Endpoint.SMS_REPLY, LocalRelay.LOCAL_SECRET, "GET", fields, null, new byte[0]);
            exotel(what, Endpoint.SMS_REPLY, LocalRelay.LOCAL_SECRET, "POST", "", FORM, bytes(fields));
        }
        exotel("a 1 MB Body", Endpoint.SMS_REPLY, LocalRelay.LOCAL_SECRET, "POST", "", FORM,
                bytes("From=09800000001&" + query("Body", "1".repeat(1024 * 1024))));
        exotel("JSON that is an array", Endpoint.SMS_REPLY, LocalRelay.LOCAL_SECRET, "POST", "", JSON, bytes("[\"From\",\"Body\"]"));
    }

    // --- the device API, with the right key --------------------------------------------------------------------

    private void deviceRaises() {
        List<String> bodies = new ArrayList<>(List.of("", "   ", "null", "[]", "42", "\"Fire\"", "true", "{}",
                "{\"type\":7}", "{\"type\":[\"Fire\"]}", "{\"type\":{\"name\":\"Fire\"}}", "{\"type\":null,\"message\":null}",
                "{\"type\":true}", "{\"message\":1e999999}", "{\"message\":-0.0e-99999}",
                "{\"type\":\"Fire\",\"type\":\"" + UNLISTED_TYPE + "\"}", "{\"message\":\"x\",\"message\":7}",
                "{\"type\":\"Fire\"", "{'type':'Fire'}", "{\"type\":\"Fire\"}}}", "\uFEFF{\"message\":\"x\"}",
                "{\"message\":\"x\",\"extra\":" + nested(900) + "}", "{\"message\":\"x\",\"extra\":" + nested(5000) + "}",
                nested(8000), "{\"message\":\"\\u0000\"}", "{\"message\":\"\\uD800\"}", "{\"message\":\"a\\r\\nb\"}",
                "{\"message\":\"x\",\"dedupKey\":\"../../etc/passwd\"}", "{\"message\":\"x\",\"dedupKey\":\"' OR 1=1 --\"}",
                "{\"message\":\"x\",\"dedupKey\":\"" + "d".repeat(129) + "\"}", "{\"message\":\"x\",\"recordingUrl\":123}",
                "{\"message\":\"" + "m".repeat(1001) + "\"}", "{\"message\":\"" + "m".repeat(16 * 1024) + "\"}",
                "{\"" + "k".repeat(5000) + "\":1,\"message\":\"x\"}"));
        for (String injection : HostileValues.INJECTIONS) {
            for (String field : List.of("type", "message", "source", "location")) {
                bodies.add("{\"" + field + "\":" + sosrelay.json.Json.write(injection) + ",\"message\":\"hostile\"}");
            }
        }
        for (String url : HostileValues.FORGED_RECORDING_URLS) {
            bodies.add("{\"message\":\"hostile\",\"recordingUrl\":" + sosrelay.json.Json.write(url) + "}");
        }
        for (String body : bodies) {
            deviceRaise("JSON " + RawHttp.abbreviate(body), JSON, bytes(body));
        }
        deviceRaise("a 1 MB body", JSON, bytes("{\"message\":\"" + "m".repeat(1024 * 1024) + "\"}"));
        deviceRaise("an 11 MB body", JSON, new byte[11 * 1024 * 1024]);
        deviceRaise("bytes that are not UTF-8", JSON, new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
        deviceRaise("a form body", FORM, bytes("type=Fire&message=x"));
        deviceRaise("JSON labelled text/plain", "text/plain", bytes("{\"message\":\"hostile\"}"));
        deviceRaise("JSON with no content type", null, bytes("{\"message\":\"hostile\"}"));
        deviceRaise("XML", "application/xml", bytes("<incident><type>Fire</type></incident>"));
    }

    private void deviceReadsAndResolves() {
        List<String> ids = List.of("inc-x", HostileValues.randomIncidentId(random), "%zz", "%C3%28", "..%2F..%2Fetc%2Fpasswd",
                "inc-aaaaaaaaaaaaaaaaaaaa%00", "INC-AAAAAAAAAAAAAAAAAAAA", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1%20--",
                "%24%7Bjndi:ldap:%2F%2Fx%7D", "inc-aaaaaaaaaaaaaaaaaaaa;drop", "%20", "i".repeat(5000), "inc-" + HostileValues.TEN_KB);
        for (String id : ids) {
            String what = "id " + RawHttp.abbreviate(id);
            device(what, Endpoint.VIEW, "GET", "/v1/incidents/" + id, true, withKey(), new byte[0]);
            device(what, Endpoint.RESOLVE, "POST", "/v1/incidents/" + id + "/resolve", true, withKey(), new byte[0]);
        }
        device("a 1 MB body on resolve", Endpoint.RESOLVE, "POST", "/v1/incidents/" + HostileValues.randomIncidentId(random) + "/resolve",
                true, withKey(), new byte[1024 * 1024]);
    }

    private void unroutedMethods() {
        for (String method : UNROUTED_METHODS) {
            exotel(method + " on the Passthru", Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET, method, passthruQuery(callSid()), null, new byte[0]);
            device(method + " on the incidents", Endpoint.RAISE, method, "/v1/incidents", true, withKey(), bytes("{\"message\":\"x\"}"));
            device(method + " on an incident", Endpoint.VIEW, method, "/v1/incidents/" + HostileValues.randomIncidentId(random), true,
                    withKey(), new byte[0]);
        }
        exotel("HEAD on the Passthru", Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET, "HEAD", passthruQuery(callSid()), null, new byte[0]);
        exotel("POST on the greeting", Endpoint.GREETING, LocalRelay.LOCAL_SECRET, "POST", "", FORM, bytes("CustomField=x"));
        exotel("POST on the ack", Endpoint.ACK, LocalRelay.LOCAL_SECRET, "POST", "", FORM, bytes("digits=1"));
        exotel("PUT with a 1 MB body on the Passthru", Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET, "PUT", "", FORM,
                new byte[1024 * 1024]);
        device("PUT on the incident list, which has no route", Endpoint.RAISE, "PUT", "/v1/incidents", true, withKey(), new byte[0]);
    }

    private void oddHeadersAndRequestLines() {
        String target = path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?" + passthruQuery(callSid());
        raw("a 12 KB header", Endpoint.PASSTHRU, "GET", target, List.of("X-Junk: " + "h".repeat(12 * 1024)));
        // 190: the JDK server under the local stack drops the connection past 200 header lines (see the README).
        raw("190 headers", Endpoint.PASSTHRU, "GET", path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?" + passthruQuery(callSid()),
                IntStream.range(0, 190).mapToObj(i -> "X-H" + i + ": v").toList());
        raw("a header line without a colon", Endpoint.PASSTHRU, "GET",
                path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?" + passthruQuery(callSid()), List.of("NoColonHere"));
        raw("a NUL byte in a header", Endpoint.PASSTHRU, "GET",
                path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?" + passthruQuery(callSid()), List.of("X-Note: a\0b"));
        raw("a folded header", Endpoint.PASSTHRU, "GET",
                path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?" + passthruQuery(callSid()), List.of("X-Note: a", " folded"));
        raw("a space in the request target", Endpoint.PASSTHRU, "GET",
                path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?CallSid=a b", List.of());
        raw("a 20 KB path", Endpoint.PASSTHRU, "GET", "/exotel/" + "p".repeat(20 * 1024) + "/passthru", List.of());
        raw("an absolute-form target on another host", Endpoint.PASSTHRU, "GET",
                "http://evil.example.com" + path(Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET) + "?" + passthruQuery(callSid()), List.of());
        raw("an asterisk target", Endpoint.PASSTHRU, "OPTIONS", "*", List.of());
        raw("a relative target", Endpoint.PASSTHRU, "GET", "exotel/" + LocalRelay.LOCAL_SECRET + "/passthru", List.of());
        raw("a dot-dot path around the secret", Endpoint.PASSTHRU, "GET",
                "/exotel/x/../" + LocalRelay.LOCAL_SECRET + "/passthru?" + passthruQuery(callSid()), List.of());
    }

    // --- building blocks ---------------------------------------------------------------------------------------

    private void passthruGet(String description, String rawQuery) {
        exotel(description, Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET, "GET", rawQuery, null, new byte[0]);
    }

    private void passthruPost(String description, String contentType, byte[] body) {
        exotel(description, Endpoint.PASSTHRU, LocalRelay.LOCAL_SECRET, "POST", "", contentType, body);
    }

    private void callback(Endpoint endpoint, String description, String contentType, String body) {
        exotel(description, endpoint, LocalRelay.LOCAL_SECRET, "POST", "", contentType, bytes(body));
    }

    private void ack(String description, String rawQuery) {
        exotel(description, Endpoint.ACK, LocalRelay.LOCAL_SECRET, "GET", rawQuery, null, new byte[0]);
    }

    private void greeting(String method, String description, String rawQuery) {
        exotel(description, Endpoint.GREETING, LocalRelay.LOCAL_SECRET, method, rawQuery, null, new byte[0]);
    }

    /** Lists, roster overrides, who is on duty, maintenance windows: none of these may change anything or fail with a 5xx. */
    private void operatorChanges() {
        String longId = HostileValues.HUGE.substring(0, 2000);
        for (String query : List.of("limit=0", "limit=101", "limit=-1", "status=" + longId, "after=garbage", "after=" + longId,
                "after=eyJwayI6MX0", "status=open&status=resolved")) {
            device("list with " + RawHttp.abbreviate(query), Endpoint.LIST, "GET", "/v1/incidents?" + query, true, withKey(), new byte[0]);
        }
        for (String body : List.of("", "[]", "not json", "{}", "{\"person\":7}", "{\"person\":\"dr-das\",\"from\":\"x\",\"to\":\"y\"}",
                "{\"person\":\"" + longId + "\",\"from\":\"2026-11-25T20:00:00+05:30\",\"to\":\"2026-11-26T08:00:00+05:30\"}",
                "{\"person\":\"dr-das\",\"from\":\"2026-11-26T20:00:00+05:30\",\"to\":\"2026-11-25T08:00:00+05:30\"}")) {
            device("override " + RawHttp.abbreviate(body), Endpoint.OVERRIDES, "POST", "/v1/rosters/neuro-on-call/overrides", true,
                    jsonWithKey(), bytes(body));
        }
        device("a 1 MB override", Endpoint.OVERRIDES, "POST", "/v1/rosters/neuro-on-call/overrides", true, jsonWithKey(),
                new byte[1024 * 1024]);
        device("an override for an unknown roster", Endpoint.OVERRIDES, "POST", "/v1/rosters/" + longId + "/overrides", true,
                jsonWithKey(), bytes("{\"person\":\"dr-das\"}"));
        device("removing an unknown override", Endpoint.OVERRIDES, "DELETE", "/v1/rosters/neuro-on-call/overrides/" + longId, true,
                withKey(), new byte[0]);
        for (String at : List.of("yesterday", longId, "2026-13-45T99:00:00+05:30")) {
            device("on duty at " + RawHttp.abbreviate(at), Endpoint.ON_DUTY, "GET", "/v1/rosters/neuro-on-call/on-duty?" + query("at", at),
                    true, withKey(), new byte[0]);
        }
        device("on duty in an unknown roster", Endpoint.ON_DUTY, "GET", "/v1/rosters/" + longId + "/on-duty", true, withKey(), new byte[0]);
        for (String body : List.of("{}", "[]", "{\"types\":[\"Heart\"]}", "{\"types\":[\"" + longId + "\"],\"from\":\"2026-11-25T20:00:00+05:30\","
                + "\"to\":\"2026-11-26T08:00:00+05:30\"}", "{\"alarms\":\"*\",\"from\":1,\"to\":2}")) {
            device("maintenance " + RawHttp.abbreviate(body), Endpoint.MAINTENANCE, "POST", "/v1/maintenance", true, jsonWithKey(), bytes(body));
        }
    }

    private static List<String> jsonWithKey() {
        return List.of("x-api-key: " + LocalRelay.LOCAL_API_KEY, "Content-Type: application/json");
    }

    private void deviceRaise(String description, String contentType, byte[] body) {
        List<String> headers = new ArrayList<>(withKey());
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        device(description, Endpoint.RAISE, "POST", "/v1/incidents", true, headers, body);
    }

    private void exotel(String description, Endpoint endpoint, String secret, String method, String rawQuery, String contentType,
                        byte[] body) {
        corpus.add(new HostileRequest(endpoint.path + ": " + description, endpoint, secret.equals(LocalRelay.LOCAL_SECRET), method,
                path(endpoint, secret) + (rawQuery.isEmpty() ? "" : "?" + rawQuery),
                contentType == null ? List.of() : List.of("Content-Type: " + contentType), body));
    }

    /** Signed in, with every body, id and query wrong: nothing may ring (no valid drill type, no known person). */
    private void signedInOperator() {
        String longId = HostileValues.HUGE.substring(0, 2000);
        List<String> signedIn = List.of("Authorization: Bearer " + OPERATOR_TOKEN);
        List<String> json = List.of("Authorization: Bearer " + OPERATOR_TOKEN, "Content-Type: " + JSON);
        for (String body : List.of("", "[]", "not json", "{}", "{\"type\":7}", "{\"type\":[\"General\"]}", "{\"type\":\"" + UNLISTED_TYPE + "\"}",
                "{\"type\":\"" + longId + "\"}", "{\"type\":\"general\"}", "{\"type\":\"General\"" + ",\"x\":1".repeat(3000) + "}")) {
            device("drill " + RawHttp.abbreviate(body), Endpoint.DRILLS, "POST", "/v1/drills", true, json, bytes(body));
        }
        device("a 1 MB drill", Endpoint.DRILLS, "POST", "/v1/drills", true, json, new byte[1024 * 1024]);
        for (String id : List.of(HostileValues.randomIncidentId(random), "inc-", longId, "..%2F..%2Fetc", "inc-aaaaaaaaaaaaaaaaaaaa%00")) {
            device("the report of " + RawHttp.abbreviate(id), Endpoint.DRILL_REPORT, "GET", "/v1/drills/" + id, true, signedIn, new byte[0]);
        }
        for (String person : List.of("dr-nobody", longId, "%00", "dr-rao%2F..", "_reporter")) {
            device("a test call to " + RawHttp.abbreviate(person), Endpoint.TEST_CALL, "POST", "/v1/people/" + person + "/test-call", true,
                    signedIn, new byte[0]);
        }
        for (String query : List.of("limit=0", "limit=101", "status=" + longId, "after=garbage")) {
            device("list with " + RawHttp.abbreviate(query), Endpoint.OPERATOR_INCIDENTS, "GET", "/v1/operator/incidents?" + query, true,
                    signedIn, new byte[0]);
        }
        for (String method : UNROUTED_METHODS) {
            device(method + " on the drills", Endpoint.DRILLS, method, "/v1/drills", true, signedIn, new byte[0]);
        }
    }

    private void device(String description, Endpoint endpoint, String method, String target, boolean authenticated,
                        List<String> headerLines, byte[] body) {
        corpus.add(new HostileRequest(endpoint.path + ": " + description, endpoint, authenticated, method, target,
                List.copyOf(headerLines), body));
    }

    private void raw(String description, Endpoint endpoint, String method, String target, List<String> headerLines) {
        corpus.add(new HostileRequest(endpoint.path + ": " + description, endpoint, true, method, target, headerLines, new byte[0]));
    }

    private static String path(Endpoint endpoint, String secret) {
        return "/exotel/" + secret + "/" + endpoint.path;
    }

    private static List<String> withKey() {
        return List.of("x-api-key: " + LocalRelay.LOCAL_API_KEY);
    }

    /** Exotel's documented Passthru, for an unlisted type; the recording is ready, so nothing is ever probed. */
    private static String passthruQuery(String callSid) {
        return LocalHttp.exotelPassthru(callSid, UNLISTED_TYPE).entrySet().stream()
                .map(field -> query(field.getKey(), field.getValue())).collect(Collectors.joining("&"));
    }

    private String callSid() {
        return HostileValues.randomCallSid(random);
    }

    private String manyParameters(int count) {
        return IntStream.range(0, count).mapToObj(i -> "p" + random.nextInt(1_000_000) + "=" + i).collect(Collectors.joining("&"));
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String query(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
