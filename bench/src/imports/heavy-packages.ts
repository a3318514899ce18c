/** Database and broker clients: a process that needs none of them should not load them. */
export const HEAVY_PACKAGES = ['@electric-sql/pglite', 'pg', 'amqplib', 'redis', 'drizzle-orm'];
