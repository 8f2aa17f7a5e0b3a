import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { csv, depsFor, monday, seedFixture } from '../../../test/support/fixture.ts'
import type { Store } from '../../storage/database.ts'
import type { AppDeps } from '../deps.ts'
import { formatOf, importFile, storedFileName } from './import-file.ts'
import { listProgrammeImports } from './list-imports.ts'

describe('file names of uploads', () => {
  it('are stored without control characters, NUL included', () => {
    expect(storedFileName('obs\u0000.csv')).toBe('obs.csv')
    expect(storedFileName('\u001B[31mred\u007F\u0085\tname.csv\r\n')).toBe('[31mredname.csv')
    expect(storedFileName('naïve – 📈 ‮vsc.csv')).toBe('naïve – 📈 ‮vsc.csv')
  })

  it('give their format from the name as sent, and name it without control characters when refused', () => {
    expect(formatOf('obs\u0000.csv', 'observations')).toBe('csv')
    expect(() => formatOf('data.csv\u0000.txt', 'observations')).toThrow(/^data\.csv\.txt: an observations file must end in \.csv or \.xlsx\.$/)
  })
})

for (const engine of enginesUnderTest()) {
  describe(`importing a file whose name holds a NUL on ${engine.engine}`, () => {
    let store: Store
    let deps: AppDeps
    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      deps = depsFor(store)
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('imports it and records the name without the NUL (PostgreSQL text cannot hold U+0000)', async () => {
      const content = csv(`bp-control,${monday(0)},alpha,,,50,100,`)
      const report = await importFile(deps, { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'obs\u0000\u0007.csv', content, createdBy: 'test' })
      expect(report.inserted).toBe(1)
      expect((await listProgrammeImports(deps, 'test', 'htn')).map((i) => i.fileName)).toEqual(['obs.csv'])
    })
  })
}
