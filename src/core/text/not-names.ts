// Words that are never taken as a name when they appear, capitalised or not, where a name could
// stand ("thanks to Everyone", "called Reception", "Dr Foster Unit"): function words, staff roles,
// places in a hospital, praise words, days and months. Lower case.

/** Words that are not names, even in a naming context. */
export const NOT_NAMES: ReadonlySet<string> = new Set(`
a an the and or but nor so yet if then than that this these those there here where when while what which
who whom whose why how i me my mine we us our ours you your yours he him his she her hers they them their
it its itself myself yourself ourselves themselves one ones all any both each every either neither none
some many much more most few less least lot lots several such own other others another same
everyone everybody everything someone somebody something anyone anybody anything noone nobody nothing
is am are was were be been being have has had having do does did done doing will would shall should can
could may might must ought not no yes yeah yep ok okay oh ah hi hello hey dear thanks thank cheers regards
please sorry well also just only even still again already always never ever often sometimes usually
really very quite too so rather pretty fairly absolutely totally completely extremely incredibly truly
of to in on at by for with from into onto upon about above below over under after before during since
until till through across along around between among against without within toward towards via per
today tonight yesterday tomorrow now later soon earlier recently overall generally
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec christmas easter
nurse nurses doctor doctors dr drs gp gps consultant consultants surgeon surgeons registrar registrars
receptionist receptionists reception midwife midwives physio physios physiotherapist physiotherapists
pharmacist pharmacists porter porters paramedic paramedics hca hcas carer carers matron matrons sister
sisters manager managers staff team teams crew everyone admin secretary secretaries therapist therapists
dentist dentists optician opticians cleaner cleaners volunteer volunteers student students anaesthetist
anaesthetists radiographer radiographers sonographer sonographers phlebotomist phlebotomists practitioner
practitioners specialist specialists assistant assistants healthcare health care worker workers
clinician clinicians medic medics surgery surgeries practice practices hospital hospitals ward wards
clinic clinics department departments unit units centre center theatre theatres triage outpatients
outpatient inpatient maternity pharmacy pharmacies a&e ae ed icu itu hdu ccu mau amu sdec ambulance
ambulances nhs gp's led service services appointment appointments patient patients people person
family friends mum mam mom dad mother father husband wife son daughter partner brother children child
baby babies grandson granddaughter grandma grandad grandpa granny nan nanna
great good excellent amazing brilliant lovely kind fantastic wonderful helpful friendly professional
caring nice fab fabulous superb outstanding perfect polite patient respectful attentive efficient quick
fast slow rude poor bad terrible awful horrible dreadful disgusting unhelpful unprofessional late long
short clean dirty busy quiet calm happy sad angry upset worried scared anxious grateful thankful pleased
impressed disappointed satisfied unhappy fine better worse best worst first last next new old big small
high low full empty free open closed right wrong true false sure special lucky
service care treatment help support advice time times day days week weeks month months year years
hour hours minute minutes wait waiting visit visits call calls phone email letter letters
cardiology radiology oncology haematology dermatology neurology urology gynaecology obstetrics paediatrics
orthopaedics rheumatology gastroenterology endocrinology nephrology ophthalmology ent audiology
physiotherapy occupational therapy psychiatry psychology mental podiatry dietetics dietitian dietitians
speech respiratory renal stroke diabetes diabetic cancer surgical medical orthopaedic fracture trauma
emergency urgent acute intensive critical palliative community district day minor injuries injury mri
ct ultrasound endoscopy colonoscopy phlebotomy vaccination vaccine covid flu immunisation screening smear
antenatal postnatal neonatal labour delivery birth paediatric adult elderly frailty dementia sexual locum
bank agency out hours ooh online video virtual telephone face
food noise hygiene atmosphere temperature wifi tea coffee drinks drink meals meal lunch breakfast dinner
toilets toilet bathroom bathrooms showers shower chairs chair seating signage signs lighting heating air
water cleaning cleanliness environment facilities equipment information communication organisation
staffing waiting wait queue queues delays delay access security visiting visitors privacy dignity respect
pain medication medicines medicine tablets results tests scans scan bloods blood procedure operation
discharge admission transport traffic directions things stuff rest rules policy system process booking
messages texts emails menu choice quality standard standards experience feedback complaint complaints
problem problems issue issues mistakes errors music tv television radio smell heat cold light space
building buildings corridors corridor lifts lift stairs doors door windows window garden cafe canteen shop
restaurant car cars bus buses taxi train parking money cost costs price prices charge charges
room rooms bed beds bay bays floor level block area zone cubicle side anon anonymous withheld unknown name
names signed sent
man woman men women girl girls boy boys chap bloke gentleman gentlemen lady ladies
went came got left sat stood saw seen spoke rang took gave put kept felt told said met ran ate slept woke
lay brought bought thought found held heard made paid sent spent wrote drove fell lost set let cut hurt
shut read led bled fed get go come see say tell give take make ask call ring keep
mr mrs ms miss mx prof professor sir dame lord lady rev reverend father fr sr snr jnr jr
cousin cousins uncle uncles aunt aunts auntie aunty niece nieces nephew nephews neighbour neighbours neighbor
neighbors grandmother grandfather grandchild grandchildren grandkids grandparents gran nana stepson
stepdaughter stepmum stepdad stepmother stepfather boyfriend girlfriend fiance fiancee fiancé fiancée
colleague colleagues flatmate housemate hubby sis bro mate mates pal hun hon doc darling sweetheart bye
morning mornings evening evenings afternoon afternoons night nights weekend
pt pts ot slt sho fy1 fy2 haem haematology gastro ortho orthos psych derm neuro onc resp micro obs chaplain
chaplaincy mdt imaging lab labs histology path sw dn hv bleep oncall rota
need needs remember try trying plan plans want wants wish due unable able hard easy keen likely unlikely
forgot forget continue prefer reminder remind note notes aim action actions task tasks todo
black british scottish caribbean african asian indian pakistani bangladeshi chinese polish romanian muslim
jewish hindu sikh catholic mixed european gujarati urdu punjabi bengali somali arabic portuguese italian
turkish lithuanian greek spanish kurdish tamil nigerian ghanaian jamaican filipino vietnamese japanese
deaf blind autistic gay lesbian trans straight
`.split(/\s+/).filter((word) => word !== ''))
