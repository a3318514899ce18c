/** The services behind the gateway, in start order (and port order in `npm run stack`: 8081 on). */
export const serviceNames = [
  'auth',
  'catalog',
  'media',
  'mailer',
  'recommender',
  'monitor',
  'engagement',
] as const;
