import type { ConsumeMessage } from 'amqplib';
import type { Delivery } from '../event-bus.js';

/** Headers a retried or dead-lettered copy carries: its attempt, and the routing key it was published with. */
export const ATTEMPT_HEADER = 'x-attempt';
export const ROUTING_KEY_HEADER = 'x-routing-key';

export const attemptOf = (message: { properties: { headers?: Record<string, unknown> } }) => {
  const value = Number(message.properties.headers?.[ATTEMPT_HEADER] ?? 1);
  return Number.isInteger(value) && value > 0 ? value : 1;
};

export const routingKeyOfMessage = (message: ConsumeMessage) => {
  const header = message.properties.headers?.[ROUTING_KEY_HEADER];
  return typeof header === 'string' ? header : message.fields.routingKey;
};

export function toDelivery(message: ConsumeMessage): Delivery | Error {
  try {
    return {
      body: JSON.parse(message.content.toString('utf8')),
      routingKey: routingKeyOfMessage(message),
      attempt: attemptOf(message),
    };
  } catch {
    return new Error('Message body is not valid JSON');
  }
}
