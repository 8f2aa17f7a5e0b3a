// Ordinary English words, written from general knowledge, that can stand where a name could in a
// lower-case text ("my son lives…", "called back", "dr thinks", "nurse station", "thanks guys").
// They are consulted only for words that are not listed names, and only where an unlisted lower-case
// word may be taken as a name (see `isOrdinaryWord` in `name-words.ts`). Words already in
// `not-names.ts` need not be repeated. Lower case; an "-s", "-es", "-d" or "-ed" form of a word here
// counts too ("lives", "phoned").

/** Ordinary words: adverbs and particles, verbs (base and irregular past forms), adjectives and nouns. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(`
back ahead out round around twice once off up down home away straight together alone instead anywhere
everywhere somewhere nowhere almost nearly maybe perhaps probably definitely certainly actually basically
literally honestly seriously obviously clearly hopefully thankfully unfortunately fortunately eventually
finally immediately quickly slowly properly exactly especially particularly mainly mostly partly hardly barely
enough anyways afterwards beforehand meanwhile otherwise though although because unless whether whereas else
ago further twice thrice tho cos coz plus minus re as like unlike inside outside upstairs downstairs nearby
overnight underneath beside besides beyond behind near far fine ok okay yes no not never not
dont didnt doesnt cant couldnt wouldnt shouldnt wont wasnt werent isnt arent hasnt havent hadnt aint im ive
id ill youre theyre thats whats theres lets hes shes were weve youve theyve wouldve couldve shouldve gonna
wanna gotta dunno cannot
accept add admit agree allow answer appear apply arrive attend avoid become begin believe belong borrow break
bring build buy care carry catch cause change charge check choose clean clear climb close collect complain
complete confirm consider contact continue cook cope cost cover cry cut deal decide deliver depend describe
deserve die discuss drink drive drop eat end enjoy enter escape expect explain face fail fall feel fight fill
find finish fit fix fly follow forgive grow handle hang happen hate hear help hide hit hold hurry improve
include increase inform insist join jump kill knock know last laugh lead learn leave lend lie lift listen live
look lose manage mean meet mention mind miss move notice offer order organise organize own pass pay pick play
point prepare prescribe press prevent promise provide pull push queue rain reach realise realize receive
recommend record recover refer refuse relax remove repeat reply report request return rise risk run rush save
seem sell serve settle share shout show sign sing sit sleep smell smile sort speak spend stand start stay
steal stick stop struggle study suffer suggest suppose swallow swap talk taste teach thank think throw touch
travel treat turn understand use wake walk warn wash waste watch wear win wonder work worry chat arrange
attempt book cancel chase deny email explain fetch greet hurt ignore inject insert measure monitor phone
pop post print queue reassure recheck remind reschedule review scan screen send text update weigh wipe
arose awoke began begun bent bit bitten blew blown bore bought bound broke broken built burnt caught chose
chosen clung dealt dug drank drawn dreamt driven drove dwelt eaten fallen fled flew flown forbade forgave
forgiven forgotten froze frozen gone gotten grew grown hid hidden hung knew known laid lain leant leapt lent
lit meant mistook proved rode ridden rung risen sang sung sank sunk shook shaken shone shot shown shrank slid
sold sought spat spelt split spoilt sprang stank stole stolen stuck stung strove struck swore sworn swept swam
swum swung taught tore torn threw thrown understood undertook woke woken wore worn won wound written wrote
able alright annoyed aware beautiful big blind brave bright broken calm careful cheap cheerful comfortable
common confused constant cool correct crowded cruel dark dead decent different difficult dry early empty entire
equal exhausted extra fair familiar famous fat final firm fit flat fond foreign formal fresh frightened
frustrated funny general genuine glad grand green guilty harsh healthy heavy hot huge hungry ill important
impossible informal interesting irritated large lazy light lonely loud mad main major married mild minor modern
natural neat necessary negative nervous normal obvious odd ordinary painful pale personal plain pleasant
positive possible pregnant present previous private proper proud public rare ready real reasonable regular
relaxed relieved reliable responsible rich rough safe scared secure sensible serious severe sharp sick silly
similar simple single smart soft sore spare square stable steady stiff strange strict stupid sudden sweet
swollen tall thick thin thirsty tidy tight tired tiny total tough typical ugly unclear unfair unusual unwell
useful useless usual vague valid various vast vegan vegetarian visible vital vulnerable weak wealthy weird
welcome whole wide wild wise worth diabetic asthmatic epileptic housebound homeless unemployed frail poorly
pleasant chatty grumpy lovely bubbly caring gentle thorough cheerful male female white red blue yellow orange
pink purple afraid awake asleep dizzy unsure livid desperate bipolar dyslexic speechless gutted shattered
knackered chaos meds whenever otherwise wherever however whatever whoever whichever user strike cutback cuts
brexit lockdown budget shortage government council charity app website internet portal software argument
export import property object option setting reassurance aftercare signposting
ability accident account address age air alarm amount anxiety apology arm arrival arrangement attitude bag
balance bell bit board body bone book bottle box brain bread button cake camera card case cash chest city
class clothes coat comment company computer condition control couch cough country couple course court cream
cup damage danger date death decision degree desk detail diagnosis diet difference direction distance dog dose
dream dress drug ear edge effect effort energy entrance error event evidence example exercise eye fact fault
fear fee fever field file finger fire fish flight fluid form front fruit fun future game gap gift glass glove
goal group guide hair half hall hand head heart hole holiday house idea illness image impact income infection
injury insulin interest job joke journey key kid kitchen knee knowledge land language law leaflet leg lesson
lift line link list lock look loss lounge luck machine mail mask match matter meeting member memory mess
message method middle mind mistake moment mood mouth nature neck needle news nose number oxygen page pair
paper parent part party past path pen period picture piece pill place plan plaster plate point pressure
product programme proof purpose question race rash rate reason relief report road role rule safety sample
school screen seat second section sense session shift shock shoe side sight site size skin sleep slot sound
speed spot stage step stomach story stress style sugar surprise swab table task throat ticket tip title toe
tongue tooth top town trip trouble truth type value view voice wall wheelchair while word world wound station
practitioner prescriber associate lead rounds bleep reg dob pals paeds gynae maxfax chaps bunch lot round
bloke lass lad kids hubby missus wifey bestie
`.split(/\s+/).filter((word) => word !== ''))
