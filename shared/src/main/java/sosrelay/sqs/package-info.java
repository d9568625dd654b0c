/**
 * SQS batches: {@code BatchWorker} runs a batch's messages on the pool through a {@code MessageProcessor} and returns
 * {@code SQSBatchResponse} with per-message failures; a failed message's visibility is changed on the queue its record's
 * {@code eventSourceARN} names.
 */
package sosrelay.sqs;
