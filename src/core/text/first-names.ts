// Common first names in the UK, written from general knowledge (no patient data): English, Scottish,
// Irish, Welsh, South Asian, African, Caribbean, Arabic, East and South-East Asian, European.
// Lower case, one name per word. Names that are also ordinary words, months or places are listed
// here too, and classified by `word-like-names.ts`.

const LIST = `
aaliyah aaron abbie abby abdul abdullah abdullahi abdulrahman abe abel abigail abimbola abu ada adaeze adam
adebayo adele adeel adeola adetokunbo adil aditi aditya adnan adrian adriana afia afsana afua agata agnes
agnieszka ahmad ahmed aidan aiden aileen ailsa aimee aisha aishwarya ajay akash akua akosua alan alana alanna
alasdair alastair albert alberto alec aleksander aleksandra alex alexa alexander alexandra alexia alexis alfie
alfred ali alia alice alicia alina alisha alison alistair aliyah allan allison ally alma alys alyssa amaan amal
amanda amani amara amber ameer amelia amelie amina amir amira amit amna amos amy ana anastasia anders andre
andrea andreas andrei andrew andy aneesa angela angelica angelina angus anil anita anjali ann anna annabel
annabelle anne annette annie anthony antoinette anton antonia antonio anya aoife april arabella archie aria
ariana arjun arlo arman arnold aron arran arthur arun arya asad asha ashfaq ashley ashok ashton asif asim
asma aston astrid atif aubrey audrey august augustine aurora austin ava avery axel ayaan ayesha ayodele ayo
ayla aylin ayman azra
babajide barbara barnaby barney barry bartosz basil bea beata beatrice beatrix becky belinda bella ben
benedict benjamin bernadette bernard bernice beryl bessie beth bethan bethany betty beverley bhavna bianca
bilal bill billie billy blessing blake bobby bogdan bonnie boris brad bradley brandon brenda brendan brett
brian bridget briony britney brodie bronwen brooke bruce bryan bryony bukola bunmi
caitlin caleb callum calum cameron camilla candice cara carl carla carlos carly carmel carmen carol caroline
carolyn caroline carrie carter casey cassandra cassie catherine cathy cecilia cecil cedric celia celine chantelle
charlene charles charlie charlotte chelsea cheryl chidi chiamaka chinedu chioma chipo chloe chris chrissie
christian christina christine christopher chukwuemeka ciara cian ciaran cillian claire clara clare clarissa
claudia clifford clive cody colette colin colm conor connor constance cora corey cormac courtney craig
cristina crystal cynthia
daisy dale damian damien dan dana daniel daniela daniella danielle danny daphne dariusz darren darryl dave
david davina dawid dawn dean debbie deborah declan deepa deepak deirdre delroy demi denis denise dennis
derek derrick desmond destiny devon dexter dhruv diana diane dianne dilip dimitri dina dinesh dionne dolores
dominic dominika donald donna doreen doris dorota dorothy douglas duncan dylan
eamon eamonn ebony ed eddie edith edmund edna eduardo edward edwin efua eileen eilidh elaine eleanor elena
eleri elif elijah elin elinor eliot eliza elizabeth ella elle ellen ellie elliot elliott elsa elsie elspeth
emeka emilia emilie emily emma emmanuel emmanuella enzo eric erica erin ernest esme esther ethan ethel eugene
eunice eva evan evangeline evans eve evelyn evie ewa ewan ezra
fahad faisal faith farah farhan farid faris farzana fatima fatma fatou faye felicity felix femi fergus
fernando finlay finley finn fiona fionn flora florence florin folake frances francesca francis frank
frankie fraser freddie frederick freya funmi
gabriel gabriela gabriella gabrielle gail gareth garry gary gavin gemma geoff geoffrey george georgia
georgina gerald geraldine gerard gerry gethin gillian gina giovanni giulia gladys glen glenda glenn gloria
gordon grace graham grant greg gregory greta gurpreet guy gwen gwendolyn gwyneth
habib hadiza hafsa haider hailey hajra hakim haley hamid hamish hamza hana hannah haris harjit harley harold
harpreet harriet harrison harry harvey hasan hassan hayden hayley hazel heather hector heidi helen helena
henry herbert hilary hilda hollie holly hope howard hubert hugh hugo humza hussain hussein
iain ian ibrahim idris ifeoma ifeanyi ikechukwu ilona imani imogen imran ina inaya india ines inga ingrid
iqbal irene irfan iris isaac isabel isabella isabelle isaiah isha ishaan isla ismail ivan ivana ivy iwona
izzy
jack jackie jackson jacob jacqueline jacqui jade jai jaime jake james jamie jamal jameela jan jane janet
janice janine jasmine jason jaspreet javed javier jay jayden jayne jean jeanette jeff jeffrey jemima jen
jenna jennifer jenny jeremy jermaine jerome jess jesse jessica jill jim jimmy jo joan joanna joanne jodie
joe joel joey johanna john johnny jon jonah jonathan jordan jorge jose joseph josephine josh joshua josie
joy joyce juan judith judy julia julian juliana julie juliet june justin justyna
kabir kacper kadeem kai kaitlyn kamal kamala kamil kamran karen kareem karim karina karl karolina kasia kate
katarzyna katherine kathleen kathryn kathy katie katrina kay kayla kayleigh keeley keira keith kelly kelvin
ken kenneth kenny kerry kevin kezia khadija khalid kieran kim kimberley kiran kirsty kit kofi kojo krishna
krystal krzysztof kuldeep kwabena kwame kwaku kyle kylie
lachlan lana lara laura lauren laurence lawrence layla leah leanne lee leigh leila lena lennon lenny leo
leon leonard leonie leslie lesley lewis lexi liam lila lilian lillian lily lina linda lindsay lindsey lisa
liz liza lizzie logan lois lola lorna lorraine louie louis louisa louise lowri luca lucas lucia lucy luis
luke lukasz luna lydia lynn lynne
mabel maciej maddie madeleine madison maeve magda magdalena maggie mahmood mahmoud maisie maja malcolm malik
mandy manjit manoj mansoor marc marcel marcia marco marcus margaret margarita maria mariam marian marianne
marie marina mario marion marjorie mark marek marta martha martin martina marvin mary maryam mason mateusz
matilda matt matthew maureen maurice max maxine maya megan mehmet mei melanie melissa melvin mercy meera
mehreen mia michael michaela michal michelle mick mike mila miles millie milly mina mira miriam mo mohamed
mohammad mohammed mohammad moira molly mona monica monika morag morgan moses muhammad mustafa
nadia nadine naeem nafisa naomi nasir natalia natalie natasha nathan nathaniel navdeep navjot naveed nazia
neha neil nell nellie niall nicholas nick nicky nicola nicole nigel nikhil nikki nikita nina nisha noah noel
noor nora norah norma norman nuala nuno nusrat
obinna oisin okechukwu ola olga oliver olivia ollie olu oluwaseun oluwatobi omar omari oona oscar osman
owen
paddy padraig paige pamela paolo parveen pat patricia patrick patrycja paul paula pauline pawel pearl
peggy penelope penny percy peter petra phil philip philippa phoebe phyllis pierre piotr pippa polly poppy
pooja prakash pravin precious preeti prem preston priscilla priya priyanka
qasim
rachael rachel radek rafael rahul raj rajesh rajinder raman ramesh rana rani rashid rashida ravi ravinder
ray raymond rebecca reece reggie rehana reza rhian rhiannon rhona rhys ricardo richard richie ricky rihanna
riley rita rob robbie robert roberta robin robyn rochelle rodney roger rohan roisin roland ronald ronan
ronnie rory rosa rosalind rose rosemary rosie ross rowan roxanne roy ruby rubina rui rupert ruth ryan
sabrina sadia safiya sahil saira sajid sakina salim sally salma sam samantha samina samir samira samuel
sana sandeep sandra sanjay sara sarah saskia saul scarlett scott sean sebastian selina seren serena seth
shabana shahid shakira shane shannon sharon shaun shauna sheila shelley sheryl shirley shona shreya siddharth
sian sienna simon simone simran sinead siobhan sofia sohail sonia sophia sophie stacey stanley stefan
stefania stella stephanie stephen steve steven stewart stuart sue sukhdeep sukhvinder sultan sumaira sunil
sunita susan suzanne suzy sylvia szymon
tahir talia tamara tamsin tania tanisha tanya tara tariq tasha tayo ted teddy temitope terence teresa terri
terry tess tessa thea theo theodore theresa thomas tia tiffany tim timothy tina toby tochukwu todd tom
tomasz tommy toni tony tracey tracy trevor tristan troy tunde tyler
umar usha usman uzma
valerie vanessa varun vera veronica vicky victor victoria vijay vikram vince vincent violet virginia vivian
vivienne
wahid wanda warren waseem wayne wendy wesley wiktoria will william willow winifred winston wojciech
xander xavier xin
yasmin yasmine yetunde yolanda yousef yusuf yvette yvonne
zac zach zachary zahid zahra zainab zak zara zeynep zoe zofia zuzanna
wei li ming hui jun yan ling xiao chen hong lan mei-ling hao jie lin
nguyen thanh linh minh hoa
aarav advik anaya diya kavya myra riya saanvi vihaan ishaan
amrit baljit balwinder daljit gurdeep harjinder jasbir jaswinder kulwinder mandeep paramjit rajvinder
sukhjinder surinder
abena adwoa akua ama kwesi yaw kojo
chinwe chukwudi ngozi nkechi obiageli oluwafemi oluwakemi babatunde folasade olumide titilayo
abdi ahmedin fadumo hodan hawa idil sahra
dorcas grace-ann marlon desiree winsome errol clinton neville delroy lloyd leroy
`

/** Common first names, lower case. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((name) => name !== ''))
