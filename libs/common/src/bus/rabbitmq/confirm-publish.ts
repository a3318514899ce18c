import type { ConfirmChannel } from 'amqplib';
import type { EventEnvelope } from '../../events/envelope.js';

/** Publishes an event as a persistent message and resolves once the broker confirmed it. */
export function confirmPublish(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  envelope: EventEnvelope,
) {
  return new Promise<void>((resolve, reject) => {
    channel.publish(
      exchange,
      routingKey,
      Buffer.from(JSON.stringify(envelope)),
      {
        persistent: true,
        contentType: 'application/json',
        messageId: envelope.id,
        type: envelope.type,
        correlationId: envelope.correlationId,
        timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
        // The trace context as AMQP tools and other consumers look for it; ours read the envelope's.
        ...(envelope.traceparent ? { headers: { traceparent: envelope.traceparent } } : {}),
      },
      (error) => (error ? reject(error) : resolve()),
    );
  });
}

/** Publishes an already encoded message (a retry or a dead letter) and resolves once confirmed. */
export function confirmRaw(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  content: Buffer,
  headers: Record<string, unknown>,
) {
  return new Promise<void>((resolve, reject) => {
    channel.publish(
      exchange,
      routingKey,
      content,
      { persistent: true, contentType: 'application/json', headers },
      (error) => (error ? reject(error) : resolve()),
    );
  });
}
