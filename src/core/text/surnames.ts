// Common surnames in the UK, written from general knowledge (no patient data). Lower case; a
// surname counts only after a first name, an initial or a title (many are also ordinary words:
// Brown, Hall, Ward, Baker…), so this list is never used on its own.

const LIST = `
smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker
white edwards hughes green hall lewis harris clarke clark patel jackson wood turner martin cooper hill ward
morris moore clark lee king baker harrison morgan allen james scott phillips watson davis parker price
bennett young griffiths mitchell kelly cook carter richardson bailey collins bell shaw murphy miller cox
richards khan marshall anderson simpson ellis adams singh begum wilkinson foster chapman powell webb rogers
gray grey mason ali hunt hussain campbell matthews owen palmer holmes mills barnes knight lloyd butler
russell barker fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher walsh kaur gibson
howard andrews stewart elliott reynolds saunders payne fox ford pearce day brooks west lawrence cole
atkinson bradley spencer gill dawson ball burton o'brien watts rose booth perry ryan grant wells armstrong
francis rees hayes hart hudson newman barrett webster hunter gregory carr lowe page marsh riley dunn
woods parsons berry stone reid holland hawkins harding porter robertson newton oliver reed kennedy williamson
bird gardner shah dean lane cooke bates henderson parry burgess bishop walton burns nicholson shepherd ross
cross long freeman warren nicholls hamilton byrne sutton mcdonald yates hodgson robson curtis hopkins
o'connor harper coleman watkins moss mccarthy chambers o'neill griffin sharp hardy wheeler potter osborne
johnston gordon doyle wallace george jordan hutchinson rowe burke may pritchard gilbert willis higgins read
whitehead mann frost lamb stephens duncan middleton owens kemp hope crawford walters rahman miah uddin
islam akhtar iqbal hussein malik mahmood anwar aziz qureshi chaudhry chaudhary bibi sheikh siddiqui rashid
raza mirza butt javed nawaz sharif bashir yousaf latif rehman karim hassan ahmad mohammed mohamed abdi
omar osman ibrahim yusuf farah warsame jama egal nur
sharma kumar gupta mehta desai joshi shah kapoor chopra malhotra verma mistry parmar chauhan solanki
rathod makwana vaghela modi lad naik pillai nair menon iyer reddy rao krishnan subramanian raman
sandhu sidhu gill dhillon grewal bains johal atwal bassi virdi sahota mann randhawa hayer kang
chowdhury choudhury rahman hossain miah islam uddin alam haque
okafor okonkwo adeyemi adebayo okoro eze nwosu obi ogunleye olawale oyelaran adeleke afolabi akinola
babatunde balogun oyewole mensah owusu asante boateng osei addo agyeman appiah darko amoah danso kamara
conteh sesay bangura koroma diallo traore ndlovu moyo dube sibanda banda phiri mwangi otieno ochieng
kariuki wanjiru kiprop achieng
chen wang li zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo tang wong chan cheung lau
leung ng ho tan lim lee nguyen tran pham le hoang vu dang bui do ngo duong ly kim park choi jung kang cho
yoon jang lim han
kowalski kowalska nowak wisniewski wisniewska wojcik kowalczyk kaminski kaminska lewandowski lewandowska
zielinski szymanski wozniak dabrowski kozlowski mazur krawczyk popescu ionescu popa stan dumitru
petrov ivanov novak horvat kovacs nagy szabo toth
silva santos ferreira pereira oliveira costa rodrigues martins fernandes gomes lopes marques almeida ribeiro
garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez diaz romero alvarez torres ruiz
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein wolf
dubois moreau laurent simon michel lefebvre leroy roux
jansen de-jong van-dijk bakker visser smit meijer
o'sullivan o'reilly o'donnell o'mahony o'leary o'shea o'callaghan o'brien o'hara o'rourke mcgrath
mclaughlin mccann mcbride mckenna mcguinness mcmahon mcgovern mccormack mcnamara maguire quinn brennan
byrne gallagher doherty kavanagh kearney nolan dolan donnelly duffy fitzgerald flynn hegarty keane kearns
lynch daly healy reilly scully tully crowley maher molloy moran mulligan power regan sheehan sweeney tierney whelan
macdonald mackenzie mackay maclean macleod macintosh mcintosh mackinnon macpherson mcgregor mcallister
mclean mcleod mckay mcdougall fraser cameron ferguson paterson sinclair sutherland munro buchanan
drummond hamilton kerr lindsay logan lyon mcewan mcfarlane mcintyre mckenzie morrison murdoch ramsay
davidson donaldson douglas forbes gordon grieve hendry innes irvine jamieson lennox moffat rankin
jenkins rees pugh prosser bevan powell parry pritchard howells llewellyn griffith vaughan meredith
morgan probert price gwynne
abbott ainsworth alexander allison ambrose archer arnold ashworth atherton atkins austin avery ayres
bamford banks barlow barton bateman baxter beattie beck bentley berry birch blackburn blake bolton bond
bowden bowen bower bowman boyle bradshaw brady brennan briggs broadhurst brookes broughton bryant buckley
bull bullock burrows bush buxton cain carroll carpenter cartwright cassidy chadwick chandler chaplin
charlton clayton clements cohen connolly conway corbett coates cotton cowan crane crossley cunningham
dale dalton daniels dyer eaton ellison emery england farrell faulkner fenton field finch firth fleming
flint forster fowler francis fuller garner garrett gibbons gibbs giles glover goddard goodwin gough
gould greenwood hale hammond hancock hanson hargreaves harrington hartley haynes heath herbert hewitt
hicks hobbs holden holt horton houghton howe humphreys hurst ingram jarvis jennings joyce kaye kirby
kirk knowles lambert lancaster lawson leach lister little lord lucas lynn mcdermott marsden mellor
metcalfe milner moody morley morton nash naylor nelson norris norton oakley parkinson patterson
peacock pollard poole pope preston quinn ramsey randall rhodes rice riches rigby rollinson rowley
russell sanders savage sawyer schofield sharpe shepherd sherwood short sims skinner slater sloan
steele stevenson stokes sullivan summers swift sykes talbot tate thornton todd townsend tucker tyler
vincent wade wainwright walsh warner waters watt whittaker wilde wilkins winter wyatt york
`

/** Common surnames, lower case (hyphenated forms such as `van-dijk` are stored with a hyphen). */
export const SURNAMES: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((name) => name !== ''))
