/** The interrupted-time-series result of one series: the shape of `lhs its --json` (issue 4, point 5). */
import { z } from '@hono/zod-openapi'

/**
 * One coefficient with its standard error, two-sided interval and p-value. For the Poisson family the
 * estimate and interval are rate ratios exp(β) (the intercept: the baseline rate per unit population
 * at t = 0); `se` stays on the log scale and `p` tests β = 0 (a ratio of 1).
 */
export const ItsCoefficientSchema = z
  .object({
    estimate: z.number(),
    se: z.number(),
    lower: z.number(),
    upper: z.number(),
    p: z.number(),
  })
  .strict()
  .openapi('ItsCoefficient')

export const ItsResultSchema = z
  .object({
    n: z.number().int(),
    nPre: z.number().int(),
    nPost: z.number().int(),
    coefficients: z
      .object({
        intercept: ItsCoefficientSchema,
        preSlope: ItsCoefficientSchema,
        levelChange: ItsCoefficientSchema,
        slopeChange: ItsCoefficientSchema,
      })
      .strict(),
    /** β1 + β3 (Poisson: exp(β1 + β3), the rate ratio per period after the change). */
    postSlope: ItsCoefficientSchema,
    /** Of the OLS residuals (Poisson: of the Pearson residuals). */
    durbinWatson: z.number(),
    /** Lag-1 autocorrelation of the same residuals. */
    autocorrelation: z.number(),
    /** Fitted minus counterfactual at the last period (Poisson: their rate ratio). */
    effectAtEnd: ItsCoefficientSchema,
    /** effectAtEnd / counterfactual at the last period (Poisson: rate ratio − 1); null when the counterfactual is 0. */
    relativeEffectAtEnd: z.number().nullable(),
  })
  .strict()
  .openapi('ItsResult')

export type ItsResult = z.infer<typeof ItsResultSchema>
export type ItsCoefficient = z.infer<typeof ItsCoefficientSchema>
