import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quoteIdentifier, quoteString } from '../../core/extract/index.ts'
import { openDuckDbSession, type DuckDbSession } from './duckdb-session.ts'

describe('the DuckDB session of one extract', () => {
  let dir: string
  let session: DuckDbSession
  const extract = () => join(dir, 'extract.csv')
  const other = () => join(dir, 'other.csv')

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lhs-duckdb-'))
    writeFileSync(extract(), 'a,b\n1,2\n')
    writeFileSync(other(), 'secret\nx\n')
    session = await openDuckDbSession(extract())
  })
  afterAll(() => {
    session.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('reads the extract it was opened for', async () => {
    expect(await session.rows(`SELECT count(*) AS n FROM read_csv(${quoteString(extract())})`)).toEqual([{ n: 1 }])
  })

  it('cannot read any other file, write one, or change that', async () => {
    await expect(session.rows(`SELECT * FROM read_csv(${quoteString(other())})`)).rejects.toThrow(/Permission Error/)
    await expect(session.rows(`COPY (SELECT 1) TO ${quoteString(join(dir, 'out.csv'))}`)).rejects.toThrow(/Permission Error/)
    await expect(session.rows(`SET enable_external_access = true`)).rejects.toThrow()
    await expect(session.rows(`SET allowed_paths = [${quoteString(other())}]`)).rejects.toThrow(/lock/i)
    await expect(session.rows(`INSTALL httpfs`)).rejects.toThrow()
  })

  it('runs one statement at a time: a second one can never ride along', async () => {
    await expect(session.rows('SELECT 1; SELECT 2')).rejects.toThrow(/multiple statements/)
  })

  it('reads back any text and any column name exactly as quoted (property)', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'))
    // eslint-disable-next-line no-control-regex -- control characters are what is left out
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => !/[\u0000-\u001F\u007F]/.test(s))
    await fc.assert(
      fc.asyncProperty(text, name, async (value, column) => {
        const rows = await session.rows(`SELECT ${quoteString(value)} AS ${quoteIdentifier(column)}`)
        expect(rows).toHaveLength(1)
        expect(Object.entries(rows[0] ?? {})).toEqual([[column, value]])
      }),
      { numRuns: 200 },
    )
  })
})
