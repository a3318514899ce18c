import type { DateTime } from 'luxon';
import type { DemoEvent, DemoRecruitingEvent } from './demo-clubs.schema.js';

type DayRange = { start_offset_days: number; end_offset_days: number } | null;

/** The data set's relative days and campus wall-clock times, as instants around `now`'s campus day. */
export function demoCalendar(now: DateTime) {
  const today = now.startOf('day');
  const range = (days: DayRange) =>
    days
      ? {
          start: today.plus({ days: days.start_offset_days }),
          end: today.plus({ days: days.end_offset_days }).set({ hour: 23, minute: 59, second: 59 }),
        }
      : null;
  const isOpen = (window: ReturnType<typeof range>) =>
    window !== null && window.start <= now && now < window.end;
  const times = (item: DemoEvent | DemoRecruitingEvent) => {
    const [hour, minute] = item.start_time.split(':').map(Number);
    const start = today.plus({ days: item.start_offset_days }).set({ hour, minute });
    return {
      eventStart: start.toJSDate(),
      eventEnd: start.plus({ minutes: item.duration_minutes }).toJSDate(),
    };
  };
  return { range, isOpen, times };
}

export type DemoCalendar = ReturnType<typeof demoCalendar>;
