/** A verdict as an NHS.UK tag: the words carry the meaning, the colour only repeats it. */
import { VERDICT_LABELS, type Verdict as VerdictValue } from '../../../core/loop/index.ts'

const COLOUR: Readonly<Record<VerdictValue, string>> = { working: 'green', not_yet_clear: 'grey', not_working: 'orange', harm: 'red' }

export function VerdictTag({ verdict }: { verdict: VerdictValue | null }) {
  if (verdict === null) return <strong class="nhsuk-tag nhsuk-tag--white">Not reviewed yet</strong>
  return <strong class={`nhsuk-tag nhsuk-tag--${COLOUR[verdict]}`}>{VERDICT_LABELS[verdict]}</strong>
}

/** "should rise", "should fall"; for balancing measures "watched for a rise". */
export function predictionWords(p: { role: 'primary' | 'balancing'; direction: 'increase' | 'decrease' }): string {
  if (p.role === 'primary') return p.direction === 'increase' ? 'should rise' : 'should fall'
  return p.direction === 'increase' ? 'watched in case it rises' : 'watched in case it falls'
}
