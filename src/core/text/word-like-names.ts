// First names that are also ordinary English words, months or places. A name here is taken only
// with evidence beyond the list: see `names.ts`.

/** Names that are also common words ("will", "grace", "mark"): taken when capitalised away from a
 * sentence start, or in a naming context (title, "my name is", "called", sign-off, staff praise). */
export const WORD_NAMES: ReadonlySet<string> = new Set(`
will may grace hope faith joy rose dawn summer sunny bill mark pat sue art jack drew don guy rich frank
ray gene carol holly ivy hazel heather iris lily daisy poppy violet olive ginger amber ruby pearl crystal
honey penny robin jay wren ash kit nick rob sandy glen dale cliff heath brook chance chase hunter mason
ed al mo dot kay lee skip rusty buddy angel star sky river storm sage bliss happy precious mercy
patience charity honor honour verity constance prudence harmony destiny trinity eve misty cherry bunny
duke earl king prince rowan willow autumn bob max miles dean grant lance pip noel fern page scarlett
blessing winter gill basil rosemary ebony mike marina christian bonnie
`.split(/\s+/).filter((name) => name !== ''))

/** Word-like names that are also abstract or mass nouns ("Hope was lost", "Summer was hot"): not taken
 * from "X was…" at a sentence start, unlike "Will was lovely". */
export const ABSTRACT_NAMES: ReadonlySet<string> = new Set(`
hope faith joy summer autumn winter dawn patience mercy charity harmony destiny bliss honour honor happy
precious chance storm star sky river sage ginger honey amber crystal heather ivy holly olive basil
rosemary may june april august verity constance prudence trinity misty
`.split(/\s+/).filter((name) => name !== ''))

/** Names that are months, days or places ("april", "jordan", "chelsea", "devon"): taken only in a
 * naming context or before a listed surname. */
export const PLACE_OR_MONTH_NAMES: ReadonlySet<string> = new Set(`
april may june august jan summer autumn winter jordan india chelsea devon kent paris florence lincoln preston chester
sydney georgia austin derby carlisle lorne bristol york camden adelaide madison brooklyn dallas
houston phoenix london berkeley clifton stanley
`.split(/\s+/).filter((name) => name !== ''))

/** Surnames that are also ordinary words or places ("Day", "Cross", "Hall"): they do not mark an
 * unlisted capitalised word before them as a first name ("Mothers Day", "Red Cross"). */
export const WORD_SURNAMES: ReadonlySet<string> = new Set(`
smith brown green white black grey gray young king wood hill hall ward bell cook baker turner walker cooper
parker carter bailey shaw price long little short rose may hope day page stone frost snow winter summers
banks fields field house cross church chapel bishop knight lord dean bird fox lamb wolf swan finch crane
marsh moss heath lane brook brooks rivers west north south east gold silver steel hart hunter fisher mason
butler porter potter read reed booth bush bull burns hay hood sharp wise good best strong savage power
love friend noble moody hardy gentle sweet cash bond march mills wells ford field forest ball bates dale
holmes holland england wales scott jordan paris lincoln preston chester derby york lancaster kent
sutton newton morton bolton clayton hale hull nash pope rice sykes tate todd wade warren webb whitehead
wilde winter wright wyatt yates miles chambers barnes spencer graham francis fraser gordon grant george
james thomas lewis morgan oliver owen rees evans hughes price lloyd powell vaughan parry griffin irvine
`.split(/\s+/).filter((name) => name !== ''))
