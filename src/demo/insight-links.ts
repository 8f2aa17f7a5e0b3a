/**
 * The measure ↔ theme links Riverside's team keeps for triangulation (DEMO.md): access and
 * invitations speak to blood pressure being recorded; trust, understanding and medicines to it
 * being controlled; monitors to monitor loans; community venues to community checks; appointment
 * times and staffing to the wait for a GP appointment.
 */
import type { ThemePath } from './insight-codebook.ts'

export interface DemoLink {
  readonly measure: string
  readonly theme: ThemePath
}

export const DEMO_LINKS: readonly DemoLink[] = [
  { measure: 'bp-recorded', theme: ['Access'] },
  { measure: 'bp-recorded', theme: ['Language and information'] },
  { measure: 'bp-recorded', theme: ['Community venues'] },
  // Readings taken but not explained or trusted: recording can be high where control is not.
  { measure: 'bp-recorded', theme: ['Trust and understanding'] },
  { measure: 'bp-control', theme: ['Trust and understanding'] },
  { measure: 'bp-control', theme: ['Pharmacy and medicines'] },
  { measure: 'bp-control', theme: ['Access'] },
  { measure: 'monitors-lent', theme: ['Equipment and monitors'] },
  { measure: 'community-referral', theme: ['Community venues'] },
  { measure: 'gp-wait-days', theme: ['Access', 'Appointment times'] },
  { measure: 'gp-wait-days', theme: ['Staffing and space'] },
]
