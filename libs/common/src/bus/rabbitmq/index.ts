export * from './rabbitmq-bus.js';
