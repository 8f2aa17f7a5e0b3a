/** Excel date serial numbers (days counted from 1900 or 1904) as ISO dates. */
import { formatIsoDate } from '../core/period.ts'

const DAY_MS = 86_400_000
/** Serial 61 is 1900-03-01: from there the 1900 system counts days from 1899-12-30. */
const EPOCH_1900 = Date.UTC(1899, 11, 30)
/** Before serial 60, Excel's fictitious 1900-02-29, days count from 1899-12-31. */
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31)
const EPOCH_1904 = Date.UTC(1904, 0, 1)
/** Serial of 9999-12-31, the last day Excel knows. */
const LAST_SERIAL_1900 = 2_958_465

/**
 * The ISO date of an Excel serial day number (time of day dropped), or undefined when it is not a
 * date Excel can show (below day 1, the fictitious 1900-02-29, after 9999).
 * @see https://learn.microsoft.com/en-us/office/troubleshoot/excel/1900-and-1904-date-system
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined
  const day = Math.floor(serial)
  if (date1904) {
    return day < 0 || day > LAST_SERIAL_1900 - 1462 ? undefined : formatIsoDate(new Date(EPOCH_1904 + day * DAY_MS))
  }
  if (day < 1 || day === 60 || day > LAST_SERIAL_1900) return undefined
  return formatIsoDate(new Date((day < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + day * DAY_MS))
}
