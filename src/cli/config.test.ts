import { describe, expect, it } from 'vitest'
import { describeStorage, readConfig } from './config.ts'
import { UsageError } from './io.ts'

const PRIMARY = 'postgres://lhs@db-primary:5432/lhs'
const REPLICA = 'postgresql://lhs_reader@db-replica:5433/lhs'

describe('DATABASE_READ_URL', () => {
  it('is read with DATABASE_URL, and shown where the data lives', () => {
    const config = readConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: REPLICA }, '/srv')
    expect(config.databaseReadUrl).toBe(REPLICA)
    expect(describeStorage(config)).toBe('PostgreSQL at db-primary:5432/lhs (reads from the replica at db-replica:5433/lhs)')
  })

  it('is optional: unset or empty means every read goes to the primary', () => {
    expect(readConfig({ DATABASE_URL: PRIMARY }, '/srv').databaseReadUrl).toBeUndefined()
    expect(readConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: '' }, '/srv').databaseReadUrl).toBeUndefined()
    expect(describeStorage(readConfig({ DATABASE_URL: PRIMARY }, '/srv'))).toBe('PostgreSQL at db-primary:5432/lhs')
  })

  it('is refused without DATABASE_URL (PGlite has no replicas), saying what to do', () => {
    const read = () => readConfig({ DATABASE_READ_URL: REPLICA }, '/srv')
    expect(read).toThrow(UsageError)
    expect(read).toThrow('DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs a PostgreSQL primary to write to (the embedded PGlite database has no replicas). Set DATABASE_URL too, or unset DATABASE_READ_URL.')
  })

  it.each([
    ['db-replica:5432/lhs', 'DATABASE_READ_URL: "db-replica:5432/lhs" starts with db-replica: (expected postgres://… or postgresql://…).'],
    ['mysql://db/lhs', 'DATABASE_READ_URL: "mysql://db/lhs" starts with mysql: (expected postgres://… or postgresql://…).'],
    ['not a url', 'DATABASE_READ_URL: "not a url" is not a URL (expected postgres://… or postgresql://…).'],
  ])('refuses %s, quoting it and what was expected', (value, message) => {
    expect(() => readConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: value }, '/srv')).toThrow(message)
  })
})
