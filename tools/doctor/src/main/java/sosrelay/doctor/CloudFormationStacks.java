package sosrelay.doctor;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A deployed stack as CloudFormation's query API describes it: DescribeStacks and ListStackResources. */
final class CloudFormationStacks {
    private final SignedHttp http;
    private final URI endpoint;

    CloudFormationStacks(SignedHttp http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    static URI endpoint(String region) {
        return URI.create("https://cloudformation." + region + ".amazonaws.com/");
    }

    StackDescription describe(String stackName, String region, Optional<AwsCredentialsProvider> credentials) {
        Document stacks = call("DescribeStacks", Map.of("StackName", stackName));
        Element list = (Element) stacks.getElementsByTagName("Stacks").item(0);
        Element stack = list == null ? null : child(list, "member");
        if (stack == null) {
            throw new IllegalStateException("CloudFormation has no stack " + stackName + " in " + region);
        }
        Map<String, String> parameters = pairs(stack, "Parameters", "ParameterKey", "ParameterValue");
        Map<String, String> outputs = pairs(stack, "Outputs", "OutputKey", "OutputValue");
        Map<String, String> functions = new LinkedHashMap<>();
        String next = null;
        do {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("StackName", stackName);
            if (next != null) {
                form.put("NextToken", next);
            }
            Document page = call("ListStackResources", form);
            NodeList members = page.getElementsByTagName("member");
            for (int i = 0; i < members.getLength(); i++) {
                Element member = (Element) members.item(i);
                if ("AWS::Lambda::Function".equals(text(member, "ResourceType"))) {
                    functions.put(text(member, "LogicalResourceId"), text(member, "PhysicalResourceId"));
                }
            }
            next = text(page.getDocumentElement(), "NextToken");
        } while (next != null && !next.isEmpty());
        return new StackDescription(stackName, region, parameters, outputs, functions, Optional.empty(), Optional.empty(), credentials, false);
    }

    private static Element child(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    /** Key/value members under {@code list} (Parameters, Outputs), read from the stack's own children only. */
    private static Map<String, String> pairs(Element stack, String list, String keyTag, String valueTag) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Element element = child(stack, list);
        if (element != null) {
            NodeList members = element.getElementsByTagName("member");
            for (int i = 0; i < members.getLength(); i++) {
                Element member = (Element) members.item(i);
                String value = text(member, valueTag);
                pairs.put(text(member, keyTag), value == null ? "" : value);
            }
        }
        return pairs;
    }

    private Document call(String action, Map<String, String> parameters) {
        StringBuilder form = new StringBuilder("Action=" + action + "&Version=2010-05-15");
        parameters.forEach((name, value) -> form.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send("cloudformation", "POST", endpoint,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form.toString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("CloudFormation " + action + " answered " + response.statusCode() + ": " + errorMessage(response.body()));
        }
        return xml(response.body());
    }

    private static String errorMessage(String body) {
        try {
            Document error = xml(body);
            String code = text(error.getDocumentElement(), "Code");
            String message = text(error.getDocumentElement(), "Message");
            return (code == null ? "" : code + ": ") + (message == null ? body : message);
        } catch (RuntimeException notXml) {
            return body;
        }
    }

    private static Document xml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("CloudFormation's answer is not XML: " + e.getMessage(), e);
        }
    }

    /** The text of the first descendant named {@code tag}, or null. */
    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
