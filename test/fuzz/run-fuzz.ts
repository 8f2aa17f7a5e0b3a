/**
 * `npm run fuzz`: only the fuzz tests, with many more runs (LHS_FUZZ_RUNS, default 5000) from a
 * fresh random seed (LHS_FUZZ_SEED to replay one), no per-test time limit. The seed is printed first
 * so that a failure can be replayed; arguments after `--` replace the default file filters.
 */
import { spawnSync } from 'node:child_process'
import { randomInt } from 'node:crypto'

const runs = process.env.LHS_FUZZ_RUNS?.trim() || '5000'
const seed = process.env.LHS_FUZZ_SEED?.trim() || String(randomInt(2 ** 31))
const filters = process.argv.slice(2)

console.log(`fuzz: seed ${seed}, ${runs} runs per property of weight 1`)
console.log(`fuzz: replay with LHS_FUZZ_SEED=${seed} LHS_FUZZ_RUNS=${runs} npm run fuzz`)

const started = Date.now()
const result = spawnSync('npx', ['vitest', 'run', '--testTimeout=0', ...(filters.length > 0 ? filters : ['.fuzz.test.', 'test/fuzz/'])], {
  stdio: 'inherit',
  env: { ...process.env, LHS_FUZZ_RUNS: runs, LHS_FUZZ_SEED: seed },
  shell: process.platform === 'win32',
})
const minutes = ((Date.now() - started) / 60_000).toFixed(1)
console.log(`fuzz: seed ${seed}, ${runs} runs, ${minutes} min, ${result.status === 0 ? 'passed' : 'FAILED'}`)
process.exit(result.status ?? 1)
