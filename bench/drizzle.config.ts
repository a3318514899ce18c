import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/bus/schema.ts',
  out: './drizzle',
  schemaFilter: ['bench'],
});
