package sosrelay.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import sosrelay.local.backends.LocalBackends;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the SQSEvent Lambda's event source mapping hands a function for a batch of received messages. */
final class SqsEvents {
    private SqsEvents() {
    }

    static SQSEvent event(List<Message> messages, String queueArn) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> record(message, queueArn)).toList());
        return event;
    }

    private static SQSEvent.SQSMessage record(Message message, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(LocalBackends.REGION.id());
        return record;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(ByteBuffer.wrap(value.binaryValue().asByteArray()));
        }
        attribute.setStringListValues(value.stringListValues());
        attribute.setBinaryListValues(value.binaryListValues().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
        return attribute;
    }
}
