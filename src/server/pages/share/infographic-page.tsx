/** The programme's infographic on a page: the picture, everything it says in words, and the SVG and PNG downloads. */
import { raw } from 'hono/html'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { describeInfographic, type InfographicInput } from '../../../charts/infographic-text.ts'
import { infographicSvg } from '../../../charts/infographic.ts'
import { Layout } from '../layout.tsx'

interface InfographicPageProps {
  readonly scope: ProgrammeScope
  readonly input: InfographicInput
  /** The reader may not read what people said, so the quote is left out. */
  readonly quoteHidden: boolean
}

export function InfographicPage({ scope, input, quoteHidden }: InfographicPageProps) {
  const { organisation, programme } = scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  return (
    <Layout title={`Infographic – ${programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: base }]}>
      <span class="nhsuk-caption-l">{programme.name}</span>
      <h1>Infographic</h1>
      <p>
        A one-page summary to share outside the organisation, in a slide, a newsletter or on social media. Its numbers follow your organisation's disclosure policy, printed at
        its foot.
      </p>
      {quoteHidden ? (
        <div class="nhsuk-inset-text">
          <p>It has no quote because you do not have permission to read what people said.</p>
        </div>
      ) : null}
      <figure class="lhs-infographic" style="margin: 0 0 24px; max-width: 100%; overflow-x: auto">
        {raw(infographicSvg(input).replace('<svg ', '<svg style="max-width: 100%; height: auto" '))}
      </figure>
      <ul class="nhsuk-list">
        <li>
          <a href={`${base}/infographic.png`} download>
            Download the infographic as PNG<span class="nhsuk-u-visually-hidden"> (image, 1920 by 1080 pixels)</span>
          </a>
        </li>
        <li>
          <a href={`${base}/infographic.svg`} download>
            Download the infographic as SVG<span class="nhsuk-u-visually-hidden"> (scalable image)</span>
          </a>
        </li>
      </ul>
      <h2>What the infographic says</h2>
      <p>Put this text beside the picture wherever you share it, for people who cannot see it.</p>
      {describeInfographic(input).map((sentence) => (
        <p>{sentence}</p>
      ))}
    </Layout>
  )
}
