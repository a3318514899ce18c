import { AppError } from '@sproul/common/errors';

// The monitor's errors, by name.

/** The event bus cannot be reached right now (RabbitMQ down or reconnecting). */
export const busUnavailable = () =>
  new AppError('MONITOR.BUS_UNAVAILABLE', 503, 'The event bus is not connected; try again shortly.');
