/**
 * Coding one excerpt: read it, select words in it (mouse, or Shift and the arrow keys: the text is
 * a text box, so the keyboard can move and select in it; the script refuses any change to it, and
 * it is not sent with the form), and tick one or more themes. Digits 1–9 tick
 * the first nine themes shown, "/" finds a theme, Ctrl+Enter saves. Works without the script too
 * (the whole excerpt is coded).
 */
import type { CodingView } from '../../../app/insight/coding.ts'
import { themeDepths } from '../../../app/insight/codebook.ts'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { Role } from '../../../core/access.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { CsrfField } from '../layout.tsx'
import { excerptFacts } from './excerpt-facts.tsx'
import { Done, InsightFrame } from './insight-frame.tsx'

interface CodingPageProps {
  readonly scope: ProgrammeScope
  readonly role: Role
  readonly view: CodingView
  readonly siteNames: ReadonlyMap<number, string>
  readonly skip: number
  readonly done?: string | undefined
  readonly error?: string | undefined
}

export function CodingPage({ scope, role, view, siteNames, skip, done, error }: CodingPageProps) {
  const { excerpt, themes, mine, suggestions, progress } = view
  const applied = new Map(mine.map((c) => [c.themeId, c]))
  const suggested = new Map(suggestions.map((s) => [s.themeId, s]))
  const depth = themeDepths(themes)
  const ordered = [...themes.filter((t) => suggested.has(t.id)).sort((a, b) => (suggested.get(b.id)?.score ?? 0) - (suggested.get(a.id)?.score ?? 0)), ...themes.filter((t) => !suggested.has(t.id))]
  return (
    <InsightFrame scope={scope} role={role} view="coding" title="Code excerpts" error={error !== undefined} scripts={['lhs-coding.js']}>
      {error ? <ErrorSummary items={[{ href: '#themes', text: error }]} /> : null}
      <Done message={done} />
      <p>
        You have coded {progress.codedByMe.toLocaleString('en-GB')} of {progress.excerpts.toLocaleString('en-GB')} excerpts ({progress.codedByAnyone.toLocaleString('en-GB')} coded by anyone).
      </p>
      {!excerpt ? (
        <p>
          There is nothing left for you to code. <a href="?">Start again from the first excerpt you have not coded</a>, or see the <a href="themes">themes</a>.
        </p>
      ) : themes.length === 0 ? (
        <p>
          The codebook is empty. <a href="codebook">Add themes or a ready-made framework to the codebook</a> first.
        </p>
      ) : (
        <form method="post" class="lhs-coding" id="coding-form" novalidate>
          <CsrfField />
          <input type="hidden" name="excerpt" value={String(excerpt.id)} />
          <input type="hidden" name="skip" value={String(skip)} />
          <div class="nhsuk-form-group">
            <label class="nhsuk-label nhsuk-label--s" for="excerpt-text">
              Excerpt {excerpt.id}
            </label>
            <div class="nhsuk-hint" id="excerpt-hint">
              {excerptFacts(excerpt, siteNames)}
              {view.otherCoders.length > 0 ? ` · also coded by ${view.otherCoders.length} other ${view.otherCoders.length === 1 ? 'person' : 'people'} (hidden, so your coding stays independent)` : ''}
            </div>
            <textarea class="nhsuk-textarea lhs-excerpt" id="excerpt-text" aria-readonly="true" spellcheck={false} rows={Math.min(12, Math.max(3, Math.ceil(excerpt.text.length / 70)))} aria-describedby="excerpt-hint selection-status">
              {excerpt.text}
            </textarea>
            <p class="nhsuk-body-s" id="selection-status" aria-live="polite">
              Select words in the excerpt to code just those words, or code the whole excerpt.
            </p>
          </div>
          <div class="nhsuk-form-group" id="themes">
            <fieldset class="nhsuk-fieldset" aria-describedby="themes-hint">
              <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Themes</legend>
              <div class="nhsuk-hint" id="themes-hint">
                Tick every theme this excerpt speaks to. Keys: 1 to 9 tick the first nine themes shown, / finds a theme, Ctrl and Enter saves.
              </div>
              <div class="nhsuk-form-group lhs-theme-filter" hidden>
                <label class="nhsuk-label" for="theme-filter">
                  Find a theme
                </label>
                <input class="nhsuk-input nhsuk-input--width-20" type="search" id="theme-filter" autocomplete="off" />
              </div>
              <div class="nhsuk-checkboxes nhsuk-checkboxes--small lhs-theme-list">
                {ordered.map((theme) => {
                  const mineHere = applied.get(theme.id)
                  const suggestion = suggested.get(theme.id)
                  const span = mineHere?.spanStart != null && mineHere.spanEnd != null ? `${mineHere.spanStart}-${mineHere.spanEnd}` : ''
                  return (
                    <div class="nhsuk-checkboxes__item lhs-theme" style={`margin-left:${suggestion ? 0 : (depth.get(theme.id) ?? 0) * 1.5}em`} data-name={theme.name.toLowerCase()}>
                      <input class="nhsuk-checkboxes__input" id={`theme-${theme.id}`} name="theme" type="checkbox" value={String(theme.id)} checked={mineHere !== undefined} aria-describedby={theme.definition ? `theme-${theme.id}-hint` : undefined} />
                      <label class="nhsuk-label nhsuk-checkboxes__label" for={`theme-${theme.id}`}>
                        <kbd class="lhs-key" aria-hidden="true"></kbd>
                        {theme.name}
                        {suggestion ? <strong class="nhsuk-tag nhsuk-tag--yellow lhs-suggested">Machine suggestion {Math.round((suggestion.score ?? 0) * 100)}%</strong> : null}
                      </label>
                      {theme.definition ? (
                        <div class="nhsuk-hint nhsuk-checkboxes__hint" id={`theme-${theme.id}-hint`}>
                          {theme.definition}
                        </div>
                      ) : null}
                      <input type="hidden" name={`span-${theme.id}`} value={span} class="lhs-span" />
                      {span ? <p class="nhsuk-body-s lhs-span-text">On the words “{excerpt.text.slice(mineHere!.spanStart!, mineHere!.spanEnd!)}”</p> : null}
                    </div>
                  )
                })}
              </div>
            </fieldset>
          </div>
          <div class="lhs-button-row">
            <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
              Save and go to the next excerpt
            </button>
            <a class="nhsuk-button nhsuk-button--secondary" href={`?skip=${skip + 1}`}>
              Skip this excerpt
            </a>
          </div>
        </form>
      )}
    </InsightFrame>
  )
}
