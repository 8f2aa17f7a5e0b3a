import type { Entity } from './entity.ts'

// local@domain.tld, letters of any script; the local part may not start or end with a dot. Parts
// are bounded by the lengths RFC 5321 allows, so that no input takes quadratic time.
const EMAIL =
  /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}_%+'-](?:[\p{L}\p{N}._%+'-]{0,62}[\p{L}\p{N}_%+'-])?@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?){1,8}/gu
// Written to dodge spam filters: "jo.bloggs [at] example [dot] com", "jo(at)example.com".
const SPELLED_OUT =
  /(?<![\p{L}\p{N}._+-])[\p{L}\p{N}._+-]{1,64}\s?[[({]at[\])}]\s?[\p{L}\p{N}-]{1,63}(?:\s?(?:\.|[[({]dot[\])}])\s?[\p{L}\p{N}-]{1,63}){1,8}/giu

/** Email addresses, including the "name [at] domain [dot] com" forms. */
export function findEmails(text: string): Entity[] {
  const found: Entity[] = []
  for (const pattern of [EMAIL, SPELLED_OUT]) {
    for (const match of text.matchAll(pattern)) {
      found.push({ type: 'email', start: match.index, end: match.index + match[0].length })
    }
  }
  return found
}
