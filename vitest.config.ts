import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    // Vitest's default is one worker fewer than the CPUs: one file at a time on a 2-core machine. Most
    // files wait on PostgreSQL, Chromium or child processes, so three workers use the idle CPU.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
})
