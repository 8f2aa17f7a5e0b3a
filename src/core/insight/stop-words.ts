/**
 * English function words that say nothing about what an excerpt is about, dropped before TF-IDF
 * (`tokenise`). Written from general knowledge (the usual pronouns, articles, auxiliaries,
 * prepositions, conjunctions and fillers), not taken from any patient text. Contractions are listed
 * without their apostrophe because `tokenise` removes it ("didn't" → "didnt"); "I'll" is not
 * listed, since "ill" is a health word. Negations are stop words here: they matter for sentiment (core/text), not for what a comment is about.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are around as at back be because been
  before being below between both but by can cannot could did do does doing done down during each
  even ever every few for from further get gets getting go going got had has have having he her here
  hers herself him himself his how however i if in into is it its itself just let like made make
  many may me might more most much must my myself no nor not now of off on once one only or other
  our ours ourselves out over own quite rather really said same say says she should since so some
  still such than that the their theirs them themselves then there these they thing things this
  those though through to too under until up upon us very was way we well were what when where
  whether which while who whom whose why will with within without would yet you your yours yourself
  yourselves
  aren arent couldn couldnt didn didnt doesn doesnt don dont hadn hadnt hasn hasnt haven havent isn
  isnt shouldn shouldnt wasn wasnt weren werent won wont wouldn wouldnt cant im ive id youre
  youve youll youd hes shes thats theres theyre theyve theyll weve wed lets whats`
    .split(/\s+/)
    .filter((w) => w !== ''),
)
