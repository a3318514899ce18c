export * from './rabbitmq-bus.js';
export * from './take-dead-letters-at.js';
