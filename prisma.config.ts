import { defineConfig } from 'prisma/config';

// Prisma 7 does not read .env itself; the app's scripts pass DATABASE_URL explicitly.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/placeholder' },
});
