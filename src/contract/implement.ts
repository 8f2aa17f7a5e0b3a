/**
 * API shapes of the implement stage: a programme's aim and driver diagram, actions with their
 * predictions and PDSA cycles. Values are in the measure's stored units: a proportion as a fraction
 * (0.05 is 5 percentage points). Dates are ISO (YYYY-MM-DD).
 */
import { z } from '@hono/zod-openapi'

const date = z.string().max(40).openapi({ example: '2025-03-03' })
const measureRef = z.object({ code: z.string(), name: z.string(), type: z.enum(['outcome', 'process', 'balancing']), kind: z.enum(['count', 'proportion', 'rate', 'mean']), direction: z.enum(['increase', 'decrease', 'neutral']), unit: z.string().nullable() })
const siteRef = z.object({ code: z.string(), name: z.string(), wholeOrganisation: z.boolean() })
const kind = z.enum(['primary', 'secondary', 'change_idea'])
const status = z.enum(['planned', 'in_progress', 'adopted', 'adapted', 'abandoned'])
const act = z.enum(['adopt', 'adapt', 'abandon'])

export const AimSchema = z
  .object({
    statement: z.string(),
    measure: measureRef.nullable(),
    baseline: z.number().nullable().openapi({ description: 'Where the measure started (stored units)' }),
    target: z.number().nullable().openapi({ description: 'The value aimed for (stored units)' }),
    by: z.string().nullable(),
    version: z.number().int().openapi({ description: 'Send it back with a change (optimistic concurrency)' }),
  })
  .openapi('Aim')

export const AimInputSchema = z
  .object({
    version: z.number().int().positive().openapi({ description: 'The version you started from; a stale one gets 409' }),
    statement: z.string().max(2000),
    measure: z.string().max(100).nullable(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    by: date.nullable(),
  })
  .strict()
  .openapi('AimInput')

export const DriverSchema = z
  .object({ id: z.number().int(), parentId: z.number().int().nullable(), kind, title: z.string(), description: z.string(), depth: z.number().int(), measures: z.array(measureRef) })
  .openapi('Driver')

export const DriverDiagramSchema = z.object({ aim: AimSchema, drivers: z.array(DriverSchema).openapi({ description: 'Depth first: each driver followed by what is under it' }) }).openapi('DriverDiagram')

export const DriverInputSchema = z
  .object({ kind, parentId: z.number().int().positive().max(2_147_483_647).nullable(), title: z.string().max(1000), description: z.string().max(5000).optional() })
  .strict()
  .openapi('DriverInput')

export const DriverEditSchema = z
  .object({
    title: z.string().max(1000).optional(),
    description: z.string().max(5000).optional(),
    move: z.enum(['up', 'down']).optional().openapi({ description: 'One place among its siblings' }),
    link: z.array(z.string().max(100)).max(100).optional().openapi({ description: 'Measure codes to link' }),
    unlink: z.array(z.string().max(100)).max(100).optional().openapi({ description: 'Measure codes to unlink' }),
  })
  .strict()
  .openapi('DriverEdit')

export const PredictionSchema = z
  .object({
    id: z.number().int(),
    role: z.enum(['primary', 'balancing']).openapi({ description: 'primary: should move; balancing: watched for harm' }),
    measure: measureRef,
    site: siteRef,
    dimension: z.string().nullable(),
    group: z.string().nullable(),
    direction: z.enum(['increase', 'decrease']).openapi({ description: 'primary: the expected direction; balancing: the harmful one' }),
    expectedSize: z.number().nullable(),
    byDate: z.string().nullable(),
  })
  .openapi('Prediction')

export const PredictionInputSchema = z
  .object({
    role: z.enum(['primary', 'balancing']),
    measure: z.string().max(100),
    site: z.string().max(100).nullable().optional().openapi({ description: 'A site code; omit for the whole organisation' }),
    dimension: z.string().max(100).nullable().optional(),
    group: z.string().max(200).nullable().optional(),
    direction: z.enum(['increase', 'decrease']),
    expectedSize: z.number().nullable().optional().openapi({ description: 'How much it should move, in stored units (a proportion as a fraction: 0.05 is 5 percentage points)' }),
    byDate: date.nullable().optional(),
  })
  .strict()
  .openapi('PredictionInput')

export const CycleSchema = z
  .object({
    number: z.number().int(),
    plan: z.string(),
    prediction: z.string(),
    doNotes: z.string(),
    studyNotes: z.string(),
    act: act.nullable(),
    actNotes: z.string(),
    startedOn: z.string(),
    finishedOn: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('PdsaCycle')

export const CyclesSchema = z.object({ cycles: z.array(CycleSchema) }).openapi('PdsaCycles')

export const CycleInputSchema = z.object({ plan: z.string().max(10000), prediction: z.string().max(5000), startedOn: date }).strict().openapi('PdsaCycleInput')

export const CycleEditSchema = z
  .object({
    plan: z.string().max(10000).optional(),
    prediction: z.string().max(5000).optional().openapi({ description: 'Only until what happened (doNotes) is recorded' }),
    doNotes: z.string().max(10000).optional(),
    studyNotes: z.string().max(10000).optional(),
    act: act.nullable().optional().openapi({ description: 'Needs finishedOn; sets the action status (adopted, adapted, abandoned)' }),
    actNotes: z.string().max(5000).optional(),
    startedOn: date.optional(),
    finishedOn: date.nullable().optional(),
  })
  .strict()
  .openapi('PdsaCycleEdit')

export const ActionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    status,
    decision: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    changeIdea: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    owner: z.object({ email: z.string(), name: z.string() }).nullable(),
    sites: z.array(siteRef).openapi({ description: 'Where the change is made; empty: the whole organisation' }),
    startDate: z.string().openapi({ description: 'The change date' }),
    reviewDate: z.string().nullable(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    predictions: z.array(PredictionSchema),
    cycles: z.array(CycleSchema),
  })
  .openapi('Action')

export const ActionsSchema = z.object({ actions: z.array(ActionSchema) }).openapi('Actions')

const actionFields = {
  title: z.string().max(1000),
  description: z.string().max(10000).optional(),
  decision: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  changeIdea: z.number().int().positive().max(2_147_483_647).nullable().optional().openapi({ description: 'A change idea of the driver diagram (its id)' }),
  owner: z.string().max(320).nullable().optional().openapi({ description: 'The owner’s email: a member of the organisation' }),
  sites: z.array(z.string().max(100)).max(500).optional().openapi({ description: 'Site codes; none: the whole organisation' }),
  startDate: date.openapi({ description: 'The change date' }),
  reviewDate: date.nullable().optional(),
  status: status.optional(),
}

export const ActionInputSchema = z.object(actionFields).strict().openapi('ActionInput')

export const ActionEditSchema = z
  .object({ ...actionFields, title: actionFields.title.optional(), startDate: actionFields.startDate.optional(), version: z.number().int().positive().optional().openapi({ description: 'The version you started from (or send If-Match: "N")' }) })
  .strict()
  .openapi('ActionEdit')
