package sosrelay.local.backends;

import java.util.List;
import java.util.Optional;

/** An {@code AWS::DynamoDB::Table}: what it takes to create it locally. */
public record TemplateTable(
        String logicalId,
        String tableName,
        List<KeyElement> keySchema,
        List<Attribute> attributeDefinitions,
        List<GlobalSecondaryIndex> globalSecondaryIndexes,
        Optional<String> timeToLiveAttribute) {

    /** keyType is HASH or RANGE. */
    public record KeyElement(String attributeName, String keyType) {
    }

    /** type is S, N or B. */
    public record Attribute(String attributeName, String type) {
    }

    public record GlobalSecondaryIndex(String indexName, List<KeyElement> keySchema, String projectionType,
                                       List<String> nonKeyAttributes) {
    }
}
