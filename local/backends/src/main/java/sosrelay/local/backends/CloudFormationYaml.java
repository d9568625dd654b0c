package sosrelay.local.backends;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads CloudFormation YAML: the short intrinsic tags ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub ...}) become the long JSON forms ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}),
 * so the rest of the code reads one shape only.
 */
final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of(
            "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "If", "ImportValue", "Join",
            "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform");

    private CloudFormationYaml() {
    }

    static Map<String, Object> load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        Object document = new Yaml(new IntrinsicConstructor(options)).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a template must be a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) map;
        return template;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private Object plain(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, plain(node));
            }
        }

        /** {@code !GetAtt Res.Attr} is a string; the long form is a two-element list. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = plain(node);
                if (value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    value = dot < 0 ? List.of(dotted) : Arrays.asList(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }
    }
}
