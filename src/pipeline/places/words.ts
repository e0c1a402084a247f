// Small closed word classes the recogniser reads context with. Open classes (common words, given names) come from
// data lists baked into the gazetteer index at build time.

/** Words before a capitalised name that make it a person: "President Lula", "Gen. Smith", "Secretary Austin". */
export const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Vice',
  'Minister', 'Secretary', 'Chancellor', 'Premier', 'Senator', 'Sen', 'Rep', 'Representative', 'Congressman',
  'Congresswoman', 'Governor', 'Gov', 'Mayor', 'General', 'Gen', 'Lt', 'Lieutenant', 'Col', 'Colonel', 'Maj',
  'Capt', 'Captain', 'Cmdr', 'Commander', 'Adm', 'Admiral', 'Sgt', 'Sergeant', 'Cpl', 'Corporal', 'Pvt',
  'Brig', 'Brigadier', 'King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Sheikh', 'Pope', 'Cardinal', 'Archbishop',
  'Bishop', 'Rev', 'Reverend', 'Father', 'Judge', 'Justice', 'Ambassador', 'Amb', 'Commissioner', 'Chairman',
  'Chairwoman', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Coach', 'Inspector', 'Detective', 'Attorney',
  'Councillor', 'Councilman', 'Councilwoman', 'Speaker', 'Marshal', 'Envoy', 'CEO', 'Dean',
]);

/** Lower-case words allowed inside a multi-word name: "Bosnia and Herzegovina", "Isle of Man", "Rostov-on-Don". */
export const CONNECTORS = new Set([
  'of', 'and', 'the', 'de', 'del', 'della', 'der', 'des', 'di', 'do', 'dos', 'da', 'das', 'du', 'la', 'le', 'les',
  'el', 'al', 'upon', 'on', 'en', 'sur', 'am', 'im', 'an', 'y', 'd', 'l', 'van', 'von', 'aan', 'op', 'ob', 'na', 'nad',
]);

/** Words after which a capitalised common word is a place: "in Reading", "near Nice". */
export const LOCATIVES = new Set([
  'in', 'at', 'near', 'from', 'to', 'outside', 'via', 'toward', 'towards', 'into', 'across', 'around', 'through',
  'visited', 'visit', 'visiting', 'reached', 'entered', 'flew', 'arrived',
]);

/** Capitalised for grammar, never places in running text. */
export const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'christmas', 'easter',
]);

/** Verbs of saying: a one-word town next to one ("Marlow recalled", "said Johnson") is a person. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'explained', 'recalled', 'tweeted', 'wrote', 'writes', 'noted',
  'argued', 'stated', 'asked', 'insisted', 'admitted', 'replied', 'answered', 'commented', 'continued', 'believes',
  'thinks', 'thought', 'felt', 'smiled', 'laughed', 'joked', 'warned', 'urged',
]);

/**
 * Nouns a place's name stands before as a modifier: in "said Keene police" and "according to Marion Police" the
 * police speak, and the name is their town's.
 */
export const INSTITUTION_WORDS = new Set([
  'police', 'officials', 'official', 'authorities', 'officers', 'deputies', 'sheriff', 'spokesman', 'spokeswoman',
  'spokesperson', 'council', 'mayor', 'firefighters', 'fire', 'residents', 'schools', 'hospital', 'health', 'government',
  'aldermen', 'selectmen', 'commissioners', 'councilors', 'councillors', 'trustees', 'supervisors', 'prosecutors',
  'detectives', 'paramedics', 'voters',
]);

/** Lower-case particles of surnames: "Anna de Vries", "Ursula von der Leyen". */
export const SURNAME_PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'le', 'la', 'dos', 'das']);

/**
 * Words after a place's name that make the whole a street or square ("Boston Avenue", "Belgrave Place"): a street
 * named after a place is rarely in that place, so the name is not a mention of it. Abbreviations need their full stop.
 */
export const STREET_WORDS = new Set([
  'Street', 'Avenue', 'Road', 'Boulevard', 'Lane', 'Drive', 'Square', 'Place', 'Terrace', 'Crescent', 'Parkway',
  'Highway', 'Turnpike', 'Expressway',
]);
export const STREET_ABBREVIATIONS = new Set(['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Dr', 'Sq', 'Pl', 'Hwy', 'Pkwy']);

/**
 * Diplomatic missions by their proper names: "the Dutch Embassy", "Embassy of the Republic of Chile" name a
 * building in another country's capital after the state that owns it. (In "the French consulate" the state is a modifier
 * and stays a mention.)
 */
export const MISSION_WORDS = new Set(['Embassy', 'Consulate']);

/**
 * Words after a name that make the whole an institution or venue ("Drexel University", "Oakmont Golf Club",
 * "Riverside Elementary"). Named after a small town, such a place is as often elsewhere as there.
 */
export const FACILITY_WORDS = new Set([
  'University', 'College', 'Academy', 'School', 'Elementary', 'Hospital', 'Clinic', 'Hotel', 'Golf', 'Stadium',
  'Arena', 'Farm', 'Farms', 'Mall', 'Church', 'Cathedral', 'Museum', 'Theatre', 'Theater', 'Library',
]);

/**
 * Words that begin place names far more often than they are given names ("North Tulsa", "Fort Kent", "Cape Breton",
 * "Mount Kisco"): a name that starts with one is no person's, even where a list of given names has the word.
 */
export const PLACE_NAME_STARTS = new Set([
  'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'New',
  'Old', 'Great', 'Little', 'Saint', 'St', 'San', 'Santa', 'Fort', 'Port', 'Mount', 'Lake', 'Cape', 'Glen', 'Royal',
]);

/**
 * Words after a name that make the whole a disease named after a place ("Lassa fever", "Ross River virus",
 * "Lyme disease", "Spanish flu"): the name says what the illness is, not where anything happens.
 */
export const DISEASE_WORDS = new Set(['virus', 'viruses', 'fever', 'disease', 'flu', 'influenza', 'encephalitis', 'strain']);
