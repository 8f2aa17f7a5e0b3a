#!/usr/bin/env node
// The `lhs` command: runs the TypeScript sources through tsx, so a clone needs no build step.
import { register } from 'tsx/esm/api'

register()
const { run } = await import('../src/cli/run.ts')
process.exitCode = await run(process.argv.slice(2))
