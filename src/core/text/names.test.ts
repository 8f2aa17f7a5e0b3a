import { describe, expect, it } from 'vitest'
import { findNames } from './names.ts'

const found = (text: string) => findNames(text).map((e) => text.slice(e.start, e.end))

describe('findNames: titles', () => {
  it.each([
    ['Dr Smith was very kind.', ['Smith']],
    ['Seen by Dr. J. Smith-Jones today', ['J. Smith-Jones']],
    ['dr patel explained everything', ['patel']],
    ['Nurse Amina was lovely', ['Amina']],
    ['Sister Adaeze helped', ['Adaeze']],
    ['Mrs Kowalczyk called', ['Kowalczyk']],
    ['mrs kowalczyk called', ['kowalczyk']],
    ['Prof. Andrew Lee', ['Andrew Lee']],
    ['Mr. and Mrs. Patel', ['Patel']],
    ['Dr Ian Khan and Dr Sharma', ['Ian Khan', 'Sharma']],
    ['Many thanks to Sr. Williams', ['Williams']],
    ['Mx Taylor', ['Taylor']],
    ['Miss Okafor', ['Okafor']],
    ['Dr van der Berg', ['van der Berg']],
    ['doctor jones helped', ['jones']],
    ["my consultant mr o'reilly explained it well", ["o'reilly"]],
    ['THANKS TO DR PATEL AND NURSE JONES', ['PATEL', 'JONES']],
    ['Dr Ho and Dr Wu', ['Ho', 'Wu']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each(['Nurse led clinic was great', 'Sister ward was clean', 'the dr said to wait', 'Dr was very dismissive', 'Sister was amazing, the Matron too', 'Nurse Practitioner', 'I miss my mum'])(
    'finds no name in %j',
    (text) => {
      expect(found(text)).toEqual([])
    },
  )
})

describe('findNames: introductions and naming phrases', () => {
  it.each([
    ['My name is Kwabena Owusu and I was seen', ['Kwabena Owusu']],
    ['my name is john smith', ['john smith']],
    ['a nurse called Sarah', ['Sarah']],
    ['a nurse named Bola', ['Bola']],
    ["I'm Sarah, Tom's wife", ['Sarah', 'Tom']],
    ['I am Grace', ['Grace']],
    ["I'm Will", ['Will']],
    ['my husband Dave and I', ['Dave']],
    ['my carer Tendai comes daily', ['Tendai']],
    ['I spoke to a lady called Pam', ['Pam']],
    ['I was seen by Tendai who was lovely', ['Tendai']],
    ['I spoke to Chiamaka Eze about it', ['Chiamaka Eze']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it('does not take a contraction as a name', () => {
    expect(found("my name is ola and I'm 82")).toEqual(['ola'])
  })

  it.each(['I was seen by Cardiology, then spoke to Reception and saw the Physio', 'seen by ENT and Paediatrics', "I'm fine thanks", 'I am so grateful', 'I called the ward', 'I called back later', 'I called 111', 'Will the doctor call me back?'])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: sign-offs', () => {
  it.each([
    ['Thanks, Sarah', ['Sarah']],
    ['Great service.\nRegards, Priya', ['Priya']],
    ['Lovely staff – John Smith', ['John Smith']],
    ['Kind regards,\nKwabena Mensah', ['Kwabena Mensah']],
    ['Thanks, Mo x', ['Mo']],
    ['Wonderful care. Thanks, Joanne & Pete', ['Joanne', 'Pete']],
    ['Best wishes, Oluwaseun', ['Oluwaseun']],
    ['Could not fault it.\nKwabena Mensah', ['Kwabena Mensah']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each(['Thanks again!', 'Thanks, everyone', '- Anon', 'Love Nan x', 'I came from Leeds', 'Cheers, the Smith family'])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: staff named in praise', () => {
  it.each([
    ['Amina on reception was lovely', ['Amina']],
    ['Kwame from the pharmacy sorted it', ['Kwame']],
    ['Priya the midwife was amazing', ['Priya']],
    ['The receptionist, Julie, was rude', ['Julie']],
    ['Thanks to Siobhan, Aoife and Niamh in A&E', ['Siobhan', 'Aoife', 'Niamh']],
    ['Kwame and Ngozi were very kind', ['Kwame', 'Ngozi']],
    ['I want to praise Kerry-Ann on the front desk!!', ['Kerry-Ann']],
    ['Adaeze Okafor was brilliant', ['Adaeze Okafor']],
    ['Oksana in the blood clinic never hurts', ['Oksana']],
    ['Will was lovely', ['Will']],
    ['I saw Mark today', ['Mark']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each([
    'Everyone on reception was lovely',
    'Left at reception for an hour',
    'Staff on the ward were great',
    'The lady on reception',
    'Food on the ward was awful',
    'Delays at reception were long',
  ])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: lower case, capitals and accents', () => {
  it.each([
    ['sarah on reception was lovely', ['sarah']],
    ['thanks to sarah and tom', ['sarah', 'tom']],
    ['nurse jane was lovely', ['jane']],
    ['THANK YOU SARAH', ['SARAH']],
    ['Zoë was lovely and Seán too', ['Zoë', 'Seán']],
    ["Sarah's kindness", ['Sarah']],
    ['Mary-Jane Smith helped', ['Mary-Jane Smith']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it('does not take a lower-case listed name without a cue beside it', () => {
    expect(found('the jasmine rice was cold')).toEqual([])
  })
})

describe('findNames: words that are also names', () => {
  it.each([
    'Will you call me? May I have an appointment in June?',
    'May was a hard month',
    'In May I was seen',
    'Amazing grace.',
    'Mark my words',
    'The bill was £20.',
    'Hope you are well. I hope the new system works.',
    'Jack up the bed please',
    'Sunny day, Summer holidays',
    'Dawn was breaking',
    'Faith in the NHS restored',
    'Grace period was 2 weeks',
    'Joy and relief',
    'Rose Garden',
  ])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it('takes a word-like name with a listed surname or after a title', () => {
    expect(found('Grace Hall helped me')).toEqual(['Grace Hall'])
    expect(found('Nurse Hope was kind')).toEqual(['Hope'])
  })
})

describe('findNames: places named after people, and clinical words', () => {
  it.each([
    "St Mary's Hospital",
    'Queen Elizabeth Hospital',
    'Florence Nightingale Ward',
    'the John Radcliffe',
    'Victoria ward',
    "Guy's Hospital",
    'On 5/6/2023 I attended the Sister Dora clinic',
    'Excellent Service From The Nurse Led Clinic',
    'Ward 10, 10 mg, A&E, NHS 111, call 111, 999, 10:30, Room 12, Bed 4, 2 weeks, £20',
    'Took Paracetamol, Ibuprofen, Metformin, Amlodipine and Sertraline.',
    'The Cardiology Department at Leeds General Infirmary was brilliant.',
    'The Physio was great. Brilliant Service. GP was rude.',
    'Happy Mothers Day',
    'The Red Cross helped',
    'Great Ormond Street',
    'Bank Holiday Monday',
  ])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: names that are also modals or verbs, in questions', () => {
  it.each([
    'P3: "Will it hurt?" she asked',
    'P7 "Will it hurt That is what I asked',
    'May I come back next week?',
    'Will you ring me back?',
    'They were kind with grace Hope it helps someone',
    'Very good Will come back for the review',
    'Mark it as urgent please',
  ])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it.each([
    ['I told Will it was fine', ['Will']],
    ['Will was lovely', ['Will']],
    ['Thanks to Mark, it was sorted', ['Mark']],
  ])('still takes %j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })
})

describe('findNames: "I\'m X Y," with an unlisted name', () => {
  it.each([
    ["Hi, I'm Rumbidzai Okonjo, 4 Elm Road, phone 0113 496 0000", ['Rumbidzai Okonjo']],
    ["Hello, I'm Farai, I was seen on Monday", ['Farai']],
    ['The wait was long. Hi Im Farai I was seen on Monday', ['Farai']],
    ["the wait was long. hi, i'm farai okonjo, i was seen on monday", ['farai okonjo']],
    ["the wait was long. hi, i'm farai, i was seen on monday", ['farai']],
    ['the wait was long. hi im farai okonjo 12 elm road', ['farai okonjo']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each([
    "I'm White British, and the staff were kind",
    "The staff were kind and I'm Very Grateful, thanks",
    "i'm so sorry, i forgot the letter",
    "I'm Diabetic, type 2",
    "the staff were kind but i'm anaemic, so tired",
    "the staff were kind but i'm housebound, so",
    "the staff were kind but i'm claustrophobic.",
  ])(
    'finds no name in %j',
    (text) => {
      expect(found(text)).toEqual([])
    },
  )
})

describe('findNames: relatives', () => {
  it.each([
    ['Writing for my cousin Farai who was unwell', ['Farai']],
    ['My neighbour Nomvula usually comes with me', ['Nomvula']],
    ['our nan Ebele was admitted', ['Ebele']],
    ['my nephew farai drove me in', ['farai']],
    ['my carer jack comes daily', ['jack']],
    ['my uncle kudzai okonjo came too.', ['kudzai okonjo']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each(['my mum rose from her chair', 'my son will come with me', 'my husband drove me home', 'My neighbour usually comes', 'my wife works nights', 'my dad lives alone'])(
    'finds no name in %j',
    (text) => {
      expect(found(text)).toEqual([])
    },
  )
})

describe('findNames: a name before its date of birth', () => {
  it.each([
    ['One gentleman (Farai, d.o.b. 01.02.1950) was seen', ['Farai']],
    ['Kudzai Okonjo, DOB 3/4/61, attended', ['Kudzai Okonjo']],
    ['One lady Farai dob 1/2/1950 came', ['Farai']],
    ['one gentleman (farai, dob 01.02.1950) was seen', ['farai']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each(['Patient (DOB 1/2/60) seen', 'One gentleman (d.o.b. 1/2/1950) came', 'Mum, born 1944, lives alone'])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: tasks in staff notes', () => {
  it.each([
    ['Bed 4 needs a cuff. Farai to call 0113 496 0000 re monitor.', ['Farai']],
    ['Clinic booked until Tuesday 21st. Layla to call the patient.', ['Layla']],
    ['priya to book a follow up', ['priya']],
    ['farai to call 07700 900000 re monitor return.', ['farai']],
    ['Tom will ring back tomorrow', ['Tom']],
    ['Wards were full and Farai to book the bed', ['Farai']],
    ['Asked Farai to chase the bloods', ['Farai']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each([
    'Pharmacy to call re meds',
    'Need to call the GP tomorrow',
    'GP to review at 4 weeks',
    'pt to book a follow up',
    'Someone will ring me',
    'Bloods to be repeated',
    'Physio will visit on Monday',
    'The ward was busy. Tlod to call 999 if worse',
    'The pharmacy was shut. Boots will call tomorrow',
    'The scan was booked. Tesco will deliver on Monday',
  ])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: an unlisted first name before a listed surname', () => {
  it.each([
    ['Writing for my cousin Xiuying Evans who was unwell', ['Xiuying Evans']],
    ['We were met by Nomvula Thomas at the door', ['Nomvula Thomas']],
  ])('%j → %j (one span)', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each(['We went to St Thomas yesterday', 'We went to St James yesterday', 'Happy Mothers Day'])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findNames: lower-case unlisted names in strong contexts', () => {
  it.each([
    ['the wait was long but nurse farai was lovely', ['farai']],
    ['the staff were kind. dr okonjo explained it all', ['okonjo']],
    ['the staff were kind. a nurse called farai helped', ['farai']],
    ['great care from everyone.\nthanks, xiuying', ['xiuying']],
    ['great care from everyone cheers farai', ['farai']],
    ['great care — farai okonjo', ['farai okonjo']],
    ['the wait was long but farai on reception was lovely', ['farai']],
    ["The wait was long. Dr Okonjo's clinic was busy", ['Okonjo']],
    ['the wait was long and mrs da silva was kind', ['da silva']],
  ])('%j → %j', (text, names) => {
    expect(found(text)).toEqual(names)
  })

  it.each([
    'the nurse station was busy',
    'sister wrd was clean',
    'the dr siad to take the tablets',
    'the doctor called back the next day',
    'they gave me a drug called ramipril',
    'seen by ortho then physio',
    'thanks guys',
    'cheers mate',
    'great care, thanks, love',
    'poor - attitude',
    'good - reassurance',
    'parking on site was awful',
  ])('finds no name in %j', (text) => {
    expect(found(text)).toEqual([])
  })
})
