/** Riverside: the fictional integrated care system the demo programme runs in. */
import type { Organisation, Site } from '../core/model.ts'

export const RIVERSIDE: Organisation = { code: 'riverside', name: 'Riverside Integrated Care System' }

/** Root system site (the organisation's own code), two networks, six practices, two partners. */
export const RIVERSIDE_SITES: readonly Site[] = [
  { code: 'riverside', name: 'Riverside Integrated Care System', kind: 'system', parent: null },
  { code: 'pcn-north', name: 'Riverside North Primary Care Network', kind: 'network', parent: 'riverside' },
  { code: 'pcn-south', name: 'Riverside South Primary Care Network', kind: 'network', parent: 'riverside' },
  { code: 'eastgate', name: 'Eastgate Medical Practice', kind: 'practice', parent: 'pcn-north' },
  { code: 'northfield', name: 'Northfield Surgery', kind: 'practice', parent: 'pcn-north' },
  { code: 'westbrook', name: 'Westbrook Health Centre', kind: 'practice', parent: 'pcn-north' },
  { code: 'southmead', name: 'Southmead Family Practice', kind: 'practice', parent: 'pcn-south' },
  { code: 'hillside', name: 'Hillside Surgery', kind: 'practice', parent: 'pcn-south' },
  { code: 'riverbank', name: 'Riverbank Medical Centre', kind: 'practice', parent: 'pcn-south' },
  { code: 'pharmacy-cluster', name: 'Riverside Community Pharmacy Cluster', kind: 'partner', parent: 'riverside' },
  { code: 'community-voice', name: 'Community Voice (voluntary-sector partner)', kind: 'partner', parent: 'riverside' },
]
