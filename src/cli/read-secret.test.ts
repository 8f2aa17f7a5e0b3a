// The real-process password readers, on in-memory streams standing in for the terminal and the pipe.
import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readSecret, readStdin } from './read-secret.ts'

function terminal(): { input: PassThrough; output: PassThrough; shown: () => string } {
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8')
  })
  return { input, output, shown: () => text }
}

describe('readSecret', () => {
  it('shows the prompt, returns the line typed, and never shows what was typed', async () => {
    const { input, output, shown } = terminal()
    const answer = readSecret('Password for ann@riverside.example: ', input, output)
    input.write('correct horse battery staple\r')
    await expect(answer).resolves.toBe('correct horse battery staple')
    expect(shown()).toContain('Password for ann@riverside.example: ')
    expect(shown()).not.toContain('correct')
  })

  it('Ctrl-C at the prompt rejects, saying the prompt was cancelled', async () => {
    const { input, output } = terminal()
    const answer = readSecret('Password: ', input, output)
    input.write('half typ\u0003')
    await expect(answer).rejects.toThrow('no password given (the prompt was cancelled).')
  })

  it('input ending before a line is typed rejects too', async () => {
    const { input, output } = terminal()
    const answer = readSecret('Password: ', input, output)
    input.end()
    await expect(answer).rejects.toThrow('no password given')
  })
})

describe('readStdin', () => {
  it('reads everything piped in, across chunks, as UTF-8', async () => {
    const bytes = Buffer.from('pässword-1234\nsecond line\n', 'utf8')
    await expect(readStdin(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]))).resolves.toBe('pässword-1234\nsecond line\n')
  })

  it('an empty pipe is an empty string', async () => {
    await expect(readStdin(Readable.from([]))).resolves.toBe('')
  })
})
