/**
 * Word lists for the labelled set. Every person name is invented for this set and paired at
 * random; places are the fictional demo towns of docs (Riverside, Northshore, ...).
 *
 * Names that are also ordinary English words (Will, May, Grace, Hope, Mark, Rose, Dawn, Sunny,
 * Bill, Brown, White, Green, Walker, Grant, ...) are kept OUT of the name pools on purpose: the set
 * uses those words only as words (negatives), so the gold labels stay unambiguous.
 */

export const FIRST_NAMES: readonly string[] = [
  // English, Welsh, Scottish, Irish
  'Oliver', 'Harry', 'George', 'Thomas', 'Emily', 'Sophie', 'Charlotte', 'Margaret', 'Doreen',
  'Brian', 'Keith', 'Susan', 'Gareth', 'Rhys', 'Bethan', 'Cerys', 'Dafydd', 'Siân', 'Eilidh',
  'Callum', 'Kirsty', 'Niamh', 'Siobhan', 'Ciaran', 'Aoife', 'Declan', 'Seamus', 'Jack', 'Jessica',
  // South Asian
  'Amina', 'Mohammed', 'Fatima', 'Ayesha', 'Imran', 'Zainab', 'Priya', 'Rajesh', 'Sunita', 'Anil',
  'Harpreet', 'Gurpreet', 'Manjit', 'Ravi', 'Nasreen', 'Shabana', 'Tariq', 'Farhan', 'Rukhsana',
  'Abdul', 'Deepa', 'Sanjay',
  // African and Caribbean
  'Oluwaseun', 'Chidi', 'Ngozi', 'Kwame', 'Kofi', 'Abena', 'Tunde', 'Folake', 'Chipo', 'Tendai',
  'Winston', 'Delroy', 'Marcia', 'Errol', 'Claudette', 'Desmond', 'Adaeze',
  // East and South-East Asian
  'Mei', 'Wei', 'Jing', 'Xiaoling', 'Minh', 'Thuy', 'Hiroshi', 'Yuki',
  // Central and Eastern European
  'Agnieszka', 'Tomasz', 'Wojciech', 'Łukasz', 'Katarzyna', 'Andrei', 'Ioana', 'Mihai', 'Dorota',
  'Jurgita',
  // Middle Eastern, Turkish, Somali
  'Yusuf', 'Hassan', 'Layla', 'Omar', 'Mehmet', 'Ayşe', 'Hodan', 'Abdirahman', 'Fadumo', 'Khadija',
  // Southern European and others
  'Zoë', 'José', 'Inês', 'Giulia', 'Marco', 'Dimitris', 'Eleni',
]

export const SURNAMES: readonly string[] = [
  'Smith', 'Jones', 'Taylor', 'Evans', 'Roberts', 'Hughes', 'Davies', 'Wright', 'Robinson',
  'Thompson', 'Clarke', 'Murphy', "O'Brien", 'O’Neill', 'Kelly', 'MacDonald', 'Campbell',
  'Lloyd-Williams', 'Patel', 'Shah', 'Khan', 'Begum', 'Hussain', 'Ahmed', 'Ali', 'Iqbal',
  'Chaudhry', 'Singh', 'Kaur', 'Sharma', 'Gupta', 'Rahman', 'Miah', 'Okafor', 'Adeyemi', 'Mensah',
  'Owusu', 'Boateng', 'Nwosu', 'Okonkwo', 'Moyo', 'Chen', 'Wong', 'Nguyen', 'Tran', 'Tanaka',
  'Nowak', 'Kowalski', 'Wiśniewska', 'Popescu', 'Ionescu', 'Petrauskas', 'Yilmaz', 'Demir',
  'Haddad', 'Warsame', 'Abdi', 'Farah', 'Da Silva', 'Papadopoulos', 'Rossi', 'Ferreira',
]

/** Titles that come before a name; they are never part of the name span. */
export const TITLES: readonly string[] = ['Dr', 'Dr.', 'Mr', 'Mrs', 'Ms', 'Miss', 'Nurse', 'Sister']

/** Fictional towns (the demo's places and a few more in the same style). */
export const TOWNS: readonly string[] = [
  'Riverside', 'Northshore', 'Eastgate', 'Westbrook', 'Southmead', 'Hillside', 'Riverbank',
  'Northfield', 'Millbrook', 'Oakhurst',
]

export const STREET_NAMES: readonly string[] = [
  'Elm', 'Mill', 'Church', 'Station', 'Victoria', 'Park', 'Willow', 'Orchard', 'Canal', 'Beech',
  'Meadow', 'Kingfisher', 'Albert', 'Chapel', 'Bridge', 'Hawthorn', 'Foundry', 'Weaver', 'Tannery',
  'Mulberry', 'Larch', 'Rowan', 'Cherry Tree', 'Heron', 'Sycamore', 'Queen’s', 'Market', 'Spring',
]

export const STREET_SUFFIXES: readonly string[] = [
  'Road', 'Lane', 'Street', 'Avenue', 'Close', 'Way', 'Crescent', 'Drive', 'Grove', 'Court',
  'Walk', 'Terrace', 'Place', 'Gardens', 'Mews', 'Row',
]

export const BUILDINGS: readonly string[] = [
  'Kingfisher House', 'Canal View', 'Foundry Court', 'Weavers Yard', 'Heron Point', 'Mill House',
]

/** Organisations: named services, never people or addresses. */
export const SERVICES: readonly string[] = [
  'Riverside Medical Centre', 'Eastgate Medical Practice', 'Northfield Surgery',
  'Westbrook Health Centre', 'Southmead Pharmacy', 'Hillside Community Centre',
  'Riverbank Family Practice', 'Northshore Community Hub',
]

export const DRUGS: readonly string[] = [
  'amlodipine', 'ramipril', 'lisinopril', 'indapamide', 'losartan', 'bendroflumethiazide',
  'atorvastatin', 'metformin', 'candesartan', 'doxazosin',
]

export const DOSES: readonly string[] = ['2.5 mg', '5 mg', '10 mg', '5mg', '10mg', '25 mg', '40mg']

export const LANGUAGES: readonly string[] = [
  'Urdu', 'Bengali', 'Punjabi', 'Polish', 'Somali', 'Arabic', 'Gujarati', 'Romanian', 'Portuguese',
]

/** Relations that fit any name (the set pairs names and relations at random). */
export const RELATIVES: readonly string[] = [
  'partner', 'neighbour', 'friend', 'carer', 'grandchild', 'child', 'support worker', 'key worker',
  'cousin', 'next door neighbour',
]

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December',
]

export const STAFF_ROLES: readonly string[] = [
  'reception', 'the front desk', 'the pharmacy counter', 'the phones', 'the nurse clinic',
  'the HCA clinic',
]

/**
 * Postcode areas that do NOT exist in the UK (checked against the list of the 124 real areas), so
 * no generated postcode can be a real one. They follow Royal Mail's position rules: first letter
 * not Q, V or X; second letter not I, J or Z.
 */
export const FAKE_AREAS_ONE: readonly string[] = ['A', 'C', 'D', 'F', 'H', 'K', 'P', 'R', 'T', 'Y']
export const FAKE_AREAS_TWO: readonly string[] = [
  'AX', 'CQ', 'DQ', 'FA', 'FE', 'HQ', 'KB', 'KE', 'NQ', 'PX', 'RA', 'RY', 'TX', 'UA', 'WQ', 'YA',
  'ZA', 'EQ', 'GX', 'OA',
]
/** Letters allowed in the third position of A9A outward codes, and the fourth of AA9A. */
export const A9A_LETTERS = 'ABCDEFGHJKPSTUW'
export const AA9A_LETTERS = 'ABEHMNPRVWXY'
/** Letters allowed in the inward code (never C, I, K, M, O or V). */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

/** National Insurance prefix letters: first not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V. */
export const NI_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'
export const NI_SECOND = 'ABCEGHJKLMNPRSTWXYZ'
/** Prefixes HMRC never issues. */
export const NI_NEVER_ISSUED: readonly string[] = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']
