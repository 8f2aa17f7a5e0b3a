import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { CsvFailure, CsvRecordSink } from './csv-records.ts'
import { readCsvRecords, readCsvRecordsStream } from './csv-records.ts'

interface Read {
  records: { fields: readonly string[]; line: number }[]
  failure: CsvFailure | undefined
}

function collector(): CsvRecordSink & { read: Read } {
  const read: Read = { records: [], failure: undefined }
  return {
    read,
    record: (fields, line) => read.records.push({ fields: [...fields], line }),
    broken: (failure) => {
      read.failure = failure
    },
  }
}

function readSync(input: string | Uint8Array): Read {
  const sink = collector()
  readCsvRecords(input, sink)
  return sink.read
}

async function readChunks(chunks: (string | Uint8Array)[], onProgress?: (bytes: number) => void): Promise<Read> {
  const sink = collector()
  await readCsvRecordsStream(Readable.from(chunks), sink, onProgress)
  return sink.read
}

describe('readCsvRecords', () => {
  it('drops a BOM and numbers CRLF lines from 1, blank lines included', () => {
    const { records } = readSync('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n')
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: [''], line: 3 },
      { fields: ['3', '4'], line: 4 },
    ])
  })

  it('counts the lines inside quoted fields, with a CRLF counted once', () => {
    const { records } = readSync('a,b\r\n"x\r\ny\r\nz",1\r\n2,"p\nq"\n3,4')
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 7])
    expect(records[1]?.fields).toEqual(['x\r\ny\r\nz', '1'])
  })

  it('reads LF, CR and mixed line ends alike', () => {
    for (const text of ['a\nb\nc', 'a\rb\rc', 'a\r\nb\nc\r']) {
      expect(readSync(text).records.map((r) => [r.fields[0], r.line])).toEqual([['a', 1], ['b', 2], ['c', 3]])
    }
  })

  it('reads bytes as UTF-8', () => {
    const { records } = readSync(new TextEncoder().encode('\uFEFFsite,name\nA1,Ysbyty Gwynedd – Bangor\n'))
    expect(records[1]?.fields).toEqual(['A1', 'Ysbyty Gwynedd – Bangor'])
  })

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(readSync('a,5"\n').records[0]?.fields).toEqual(['a', '5"'])
  })

  it('stops at a quote that is never closed, on the line where its record starts', () => {
    const read = readSync('a,b\n1,2\n"3,4\n5,6\n')
    expect(read.records.map((r) => r.line)).toEqual([1, 2])
    expect(read.failure).toMatchObject({ line: 3, code: 'CSV_QUOTE_NOT_CLOSED' })
  })

  it('reads nothing from an empty input', () => {
    expect(readSync('')).toEqual({ records: [], failure: undefined })
    expect(readSync('\uFEFF')).toEqual({ records: [], failure: undefined })
  })
})

describe('readCsvRecordsStream', () => {
  it('gives the same records and lines however the bytes are cut into chunks', async () => {
    const text = '\uFEFFa,b\r\n"x\r\ny",1\r\n\r\n"é, ü",2\n"3\n'
    const bytes = new TextEncoder().encode(text)
    const expected = readSync(bytes)
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const edges = [0, ...cuts.sort((x, y) => x - y), bytes.length]
        const chunks = edges.slice(1).map((end, i) => bytes.subarray(edges[i], end))
        expect(await readChunks(chunks)).toEqual(expected)
      }),
      { numRuns: 50 },
    )
  })

  it('reports the bytes read after each chunk', async () => {
    const progress: number[] = []
    await readChunks(['a,b\n', '1,2\n', '3,4\n'], (bytes) => progress.push(bytes))
    expect(progress).toEqual([4, 8, 12])
  })

  it('rejects when the source fails', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a,b\n'
      throw new Error('disk gone')
    }
    await expect(readCsvRecordsStream(failing(), collector())).rejects.toThrow('disk gone')
  })
})
