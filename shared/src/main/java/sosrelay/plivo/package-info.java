/**
 * Plivo's webhooks, for calls Plivo placed ({@code calls.PlivoCalls}): {@code /plivo/{secret}/answer} answers Plivo XML
 * ({@code PlivoXml}: what {@code greeting.WhatTheyHear} chose, {@code <Play>} or {@code <Speak voice="Polly.Aditi">}, inside a
 * one-digit DTMF {@code <GetInput>}), {@code …/input} is its action (1 acknowledges, 2 declines, only from a call we placed:
 * {@code PlacedCalls}), {@code …/hangup} is the status callback. {@code PlivoCallbacks} lets in only a request with the path
 * secret and a valid {@code X-Plivo-Signature-V3} ({@code PlivoSignature}) over the URL Plivo was given
 * ({@code SOS_PUBLIC_BASE_URL}, else {@code https://<Host>/<stage>}): an unsigned answer hears the generic alert, an unsigned
 * keypress or hangup changes nothing (403).
 */
package sosrelay.plivo;
