import { z } from 'zod';
import { campusTime, durationMinutes, httpsUrl, text } from './demo-fields.schema.js';

/** A demo club's events and recruiting events, dated relative to the load date. */
export const demoEventSchema = z.strictObject({
  name: text(100),
  description: text(1000),
  location: text(1000),
  start_offset_days: z.int().min(-30).max(60),
  start_time: campusTime,
  duration_minutes: durationMinutes,
  invite_only: z.boolean(),
  links: z.array(httpsUrl).max(10),
});

export const demoRecruitingEventSchema = z.strictObject({
  name: text(100),
  description: text(200),
  location: text(1000),
  virtual_link: httpsUrl.nullable(),
  start_offset_days: z.int().min(-30).max(60),
  start_time: campusTime,
  duration_minutes: durationMinutes,
  invite_only: z.boolean(),
  links: z.array(httpsUrl).max(10),
});

export type DemoEvent = z.infer<typeof demoEventSchema>;
export type DemoRecruitingEvent = z.infer<typeof demoRecruitingEventSchema>;
