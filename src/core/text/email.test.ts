import { describe, expect, it } from 'vitest'
import { findEmails } from './email.ts'

const found = (text: string) => findEmails(text).map((e) => text.slice(e.start, e.end))

describe('findEmails', () => {
  it.each([
    ['email jo.bloggs@example.com.', 'jo.bloggs@example.com'],
    ['JOHN_SMITH+clinic@mail.nhs.net, thanks', 'JOHN_SMITH+clinic@mail.nhs.net'],
    ['(o\'neill@example.co.uk)', "o'neill@example.co.uk"],
    ['zoë@exämple.org', 'zoë@exämple.org'],
    ['jo [at] example [dot] com', 'jo [at] example [dot] com'],
    ['jo(at)example.co.uk', 'jo(at)example.co.uk'],
  ])('finds the address in %j', (text, email) => {
    expect(found(text)).toEqual([email])
  })

  it.each(['a @ b', 'user@localhost', '@handle', 'A&E', 'me at the clinic', 'at 10:30'])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})
