/** Hostile HTTP input: path segments, query values, file names and request bodies. */
import fc from 'fast-check'
import { hostileText, markupText, utf8RoundTrip } from './hostile-text.ts'

/** Text as it is written in a URL: percent-encoded, or raw tricks that a decoder has to cope with. */
const RAW_URL_TRICKS = ['..', '.', '%2e%2e', '..%2F..%2F', '%2F', '%5C', '%00', '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AE', '%C0%80', '%FF', ';', '%3B', '~', '%20', '+', '%2B', '*', "'", '%22'] as const

/** One hostile value, encoded for a path segment or a query string. */
export const urlText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.oneof(hostileText, markupText, fc.string({ unit: 'binary', maxLength: 10 })).map((text) => encodeURIComponent(utf8RoundTrip(text))) },
      fc.constantFrom(...RAW_URL_TRICKS),
      fc.tuple(fc.constantFrom('x', encodeURIComponent('é'), '%41', '..%2F'), fc.nat({ max: 10_000 })).map(([unit, count]) => unit.repeat(count)),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''))

/** A value for a route parameter: usually one the fixture knows (so deeper code runs), or hostile. */
export function paramValue(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, urlText, fc.constant(''))
}

/** Names a browser or a client could send for an uploaded file. */
export const fileName: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.constantFrom('data', '', '..', '../../etc/passwd', 'C:\\temp\\x', 'a'.repeat(2_000)), hostileText, markupText), fc.constantFrom('.csv', '.CSV', '.xlsx', '.json', '.txt', '', '.csv.exe', '.csv\u0000.txt', '.c\u202Esv'))
  .map(([stem, extension]) => `${stem}${extension}`)

export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'text/plain',
  'text/csv',
  'application/json',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=XyZ',
  'multipart/form-data; boundary="XyZ"',
  'multipart/mixed; boundary=XyZ',
  'text/html; charset=utf-7',
)

const partHeader = fc.oneof(
  fc.constantFrom(
    'Content-Disposition: form-data; name="file"; filename="a.csv"',
    'Content-Disposition: form-data; name="kind"',
    'Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'%E2%80%AEvsc.csv',
    'Content-Disposition: form-data; name="file"; filename="',
    'Content-Disposition: form-data',
    'Content-Type: text/csv',
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ),
  fc.string({ maxLength: 40 }),
)

/** A body for boundary `XyZ`: parts of hostile headers and content, sometimes cut short or with a broken delimiter. */
export const multipartBody: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.array(fc.tuple(fc.array(partHeader, { maxLength: 3 }), fc.oneof(hostileText, fc.constantFrom('observations', 'measures'))), { maxLength: 4 }),
    fc.constantFrom('--XyZ--\r\n', '--XyZ--', '', '--XyZ', '--xyz--\r\n'),
    fc.constantFrom('\r\n', '\n'),
  )
  .map(([parts, end, eol]) => {
    const text = parts.map(([headers, content]) => `--XyZ${eol}${headers.join(eol)}${eol}${eol}${content}${eol}`).join('') + end
    return new TextEncoder().encode(text)
  })
