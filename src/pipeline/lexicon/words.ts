// The pipeline's word lists: one home for the closed classes that several stages read (prepositions that say
// where, nouns that name a part of a place, titles before a name). Lists are of lower-case lemmas unless named
// otherwise.

/** Prepositions that put an event at the place after them: "met in Warsaw", "crashed near Vilnius". */
export const LOCATIVE_PREPOSITIONS = new Set([
  'in', 'at', 'near', 'around', 'outside', 'inside', 'within', 'throughout', 'across', 'along', 'off', 'over', 'above',
  'into', 'onto', 'beside', 'nearby', 'amid', 'among', 'beyond', 'through',
]);

/** Prepositions that name where someone or something goes: "travel to Poland", "troops sent towards the border". */
export const DESTINATION_PREPOSITIONS = new Set(['to', 'toward', 'towards', 'into']);

/** Facilities named after their place: "Copenhagen airport", "the Gdansk shipyard" are at that place. */
export const FACILITIES = new Set([
  'airport', 'airports', 'airfield', 'airbase', 'station', 'shipyard', 'shipyards', 'harbour', 'harbor', 'plant', 'plants',
  'refinery', 'factory', 'mine', 'depot', 'warehouse', 'prison', 'hospital', 'university', 'school', 'embassy',
  'consulate', 'stadium', 'bridge', 'dam', 'terminal', 'crossing', 'checkpoint', 'pipeline', 'reactor',
]);

/** People named by where they live: "residents of the town of Nysa" are in Nysa. */
export const INHABITANTS = new Set(['resident', 'residents', 'inhabitant', 'inhabitants', 'villager', 'villagers', 'townspeople', 'population']);

/** Nouns that name a part or an edge of the place before them: "Poland's border", "Polish airspace", "Lithuanian soil". */
export const AREA_NOUNS = new Set([
  'border', 'frontier', 'coast', 'coastline', 'shore', 'territory', 'soil', 'airspace', 'air space', 'sky', 'skies',
  'water', 'waters', 'side', 'region', 'capital', 'outskirts', 'suburb', 'suburbs', 'city', 'town', 'village', 'province',
  'oblast', 'district', 'front', 'frontline', 'front line', 'flank', 'port', 'island', 'base', 'bases', 'area', 'areas',
  'countryside', 'interior', 'north', 'south', 'east', 'west', 'heartland', 'mainland', 'section', 'stretch',
]);

/** Points of the compass: "20 km north of Kharkiv", "a park south of Springfield". */
export const COMPASS = /^(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)$/;

/** Area nouns that an aircraft or missile enters: an incursion happens in the state they belong to. */
export const AIRSPACE_NOUNS = new Set(['airspace', 'air space', 'sky', 'skies', 'territory', 'waters', 'water', 'soil']);

/**
 * Nouns for people and bodies that belong to a state: "President Duda of Poland", "the Government of Romania",
 * "Polish officials". A place tied to one of these names who acts, not where.
 */
export const PERSON_NOUNS = new Set([
  'president', 'minister', 'ministers', 'leader', 'leaders', 'government', 'governments', 'people', 'peoples', 'chief',
  'chiefs', 'head', 'heads', 'secretary', 'chancellor', 'king', 'queen', 'prince', 'ambassador', 'ambassadors', 'embassy',
  'official', 'officials', 'delegation', 'delegations', 'delegate', 'delegates', 'counterpart', 'counterparts',
  'parliament', 'ministry', 'premier', 'citizen', 'citizens', 'national', 'nationals', 'envoy', 'envoys', 'diplomat',
  'diplomats', 'representative', 'representatives', 'member', 'members', 'spokesperson', 'spokesman', 'spokeswoman',
  'commander', 'commanders', 'general', 'admiral', 'mayor', 'governor', 'senator', 'lawmaker', 'lawmakers', 'speaker',
  'team', 'administration', 'regime', 'authorities', 'authority', 'advisor', 'adviser', 'advisors', 'advisers', 'staff',
  'foreign', 'defence', 'defense', 'prime', 'vice', 'army', 'navy', 'military', 'force', 'forces', 'troops', 'soldiers',
  'ally', 'allies', 'partner', 'partners', 'friend', 'friends', 'neighbor', 'neighbors', 'neighbour', 'neighbours',
  'mother', 'mothers', 'children', 'parent', 'parents', 'refugee', 'refugees', 'family', 'families', 'resident', 'residents',
]);

/** Words of a title or a form of address before or after a name: stripped when a title names the person. */
export const NAME_TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'general', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sen', 'sen.', 'senator', 'rep', 'rep.', 'gov', 'gov.',
  'governor', 'mayor', 'ambassador', 'first', 'lady', 'gentleman', 'deputy', 'foreign', 'defence', 'defense', 'state',
  'national', 'security', 'advisor', 'adviser', 'press', 'spokesperson', 'chief', 'head', 'commander', 'admiral',
  'lt.', 'col.', 'gen.', 'adm.', 'maj.', 'capt.', 'sgt.', 'honorable', 'the', 'his', 'her', 'their', 'our', 'excellency',
  'jr', 'jr.', 'sr', 'sr.', 'president-elect', 'pope', 'supreme', 'allied', 'commander-in-chief', 'director', 'general',
  'speaker', 'leader', 'premier', 'emir', 'sultan', 'crown', 'sheikh', 'nsc', 'u.s.', 'us',
]);

/**
 * Seats of power named for the government inside: "the Kremlin said", "the White House wants". As the subject of a
 * verb they are actors; only a preposition ("at the White House") makes them the place of an event.
 */
export const SEATS_OF_POWER = new Set([
  'kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée', 'elysée palace', 'élysée palace',
  'whitehall', 'capitol', 'capitol hill', 'zhongnanhai', 'quai d\'orsay', 'foggy bottom', 'berlaymont', 'bankova',
]);

/**
 * Bodies of states that a gazetteer may hold as an area ("the EU" as its members' territory): the body acts, meets and
 * sends missions; it is a place only when a preposition of place makes it one ("citizens travelling in the EU").
 * Lower-case names and abbreviations, without "the".
 */
export const SUPRANATIONAL_BODIES = new Set([
  'eu', 'e.u.', 'european union', 'nato', 'n.a.t.o.', 'the alliance', 'alliance', 'african union', 'asean', 'united nations', 'u.n.', 'un',
  'arab league', 'commonwealth', 'osce', 'council of europe', 'eurasian economic union', 'gulf cooperation council', 'gcc', 'mercosur',
  'ecowas', 'opec', 'csto', 'shanghai cooperation organisation', 'g7', 'g20',
]);

/** Verbs of saying and thinking: a place where someone said something is not where the event happened. */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'speak', 'brief', 'address', 'announce', 'write', 'warn', 'claim', 'state', 'add', 'note', 'insist', 'deny',
  'accuse', 'believe', 'think', 'argue', 'suggest', 'stress', 'underscore', 'emphasize', 'emphasise', 'reiterate', 'remark',
  'comment', 'explain', 'report', 'confirm', 'declare', 'urge', 'call', 'ask', 'answer', 'reply', 'respond', 'tweet', 'post',
  // what a court or an inquiry is told: "the jury heard Novak moved in 2011"
  'hear', 'testify', 'allege', 'admit', 'acknowledge', 'learn',
]);

/** Nouns for the setting of a statement: "told reporters in Bucharest", "a news conference in Kyiv". */
export const SPEECH_SETTINGS = new Set([
  'reporter', 'reporters', 'journalist', 'journalists', 'press', 'briefing', 'interview', 'statement', 'broadcaster',
  'television', 'radio', 'newspaper', 'podcast', 'audience',
]);

/** The names of the days of the week, as a whole lower-case word. */
export const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** The names of the days and months, as a whole lower-case word. */
export const DAY_OR_MONTH = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
/** Words that tell a time of day or a day relative to the writing: "Monday night", "this morning", "today". */
export const PART_OF_DAY = /^(morning|afternoon|evening|night|today|tonight|yesterday|tomorrow)$/;

/** A word that names a day, a month or a part of the day: "Monday", "March", "tonight". */
export const isTimeWord = (lower: string): boolean => DAY_OR_MONTH.test(lower) || PART_OF_DAY.test(lower);

/** Prepositions that never open a clause: the noun after "During" in "During the invasion, Egypt was ..." is no subject. */
export const PHRASE_ONLY_PREPOSITIONS = new Set(['during', 'amid', 'amidst', 'despite', 'throughout', 'of', 'in', 'at', 'on', 'by', 'with', 'from', 'into']);

/** Pronouns that stand where an article would: "his election", "their visit". */
export const POSSESSIVE_DETERMINERS = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);
/** Works that tell a story ("Her memoir recounts her journey"): what they tell is their content, not news. */
export const WORKS = /^(story|stories|book|film|movie|novel|memoir|documentary|play|musical|biography|autobiography|exhibition|exhibit|podcast|song|poem|opera|series)$/;
/** Verbs by which a work tells its content. */
export const TELLING_VERBS = new Set(['tell', 'recount', 'chronicle', 'depict', 'describe', 'portray', 'follow', 'trace', 'narrate', 'retell', 'dramatize', 'dramatise', 'explore', 'document', 'relate']);
/** Words that open a clause whose event is only supposed: "if Russia invades", "unless talks resume". */
export const HYPOTHETICAL_OPENERS = new Set(['if', 'unless', 'whether', 'lest', 'suppose', 'supposing', 'provided', 'should']);

/** Words before an event noun that make it unreal or not yet decided: "any attack", "a possible summit". */
export const UNREAL_PREMODIFIERS = new Set([
  'any', 'possible', 'potential', 'hypothetical', 'future', 'further', 'eventual', 'prospective', 'would-be', 'alleged',
  'feared', 'threatened', 'no', 'another',
]);

/** Premodifiers that look back at events before the news: "previous outbreaks", "past floods", "earlier attacks". */
export const LOOKING_BACK = /^(previous|past|earlier|prior|former)$/;

/** Ordinals that count an event among others before it: "the third attack this week" ("first" starts a series). */
export const COUNTING_ORDINAL = /^(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))$/;

/** Words before an event noun that point back to one told already or to a class of them: "the second such protest". */
export const REFERRING_PREMODIFIERS = new Set(['such', 'same']);

/** Words before an event noun that make it planned: "the upcoming summit", "a planned visit". */
export const PLANNED_PREMODIFIERS = new Set([
  'upcoming', 'planned', 'scheduled', 'forthcoming', 'proposed', 'next', 'coming', 'expected', 'anticipated',
]);

/** Verbs that announce what a following "to"-infinitive will do: "plans to visit", "is due to begin". */
export const PLANNING_VERBS = new Set([
  'plan', 'intend', 'expect', 'schedule', 'set', 'due', 'prepare', 'aim', 'agree', 'decide', 'promise', 'vow', 'pledge',
  'commit', 'arrange', 'propose', 'announce', 'go', 'travel', 'head', 'fly', 'come', 'return',
  'invite', 'designate', 'choose', 'elect', 'slate',
]);

/** Verbs that say the action that follows did not happen: "failed to reach", "refused to attend". */
export const NEGATIVE_VERBS = new Set(['fail', 'refuse', 'decline', 'deny', 'avoid', 'prevent', 'cancel', 'postpone', 'call off', 'stop', 'halt', 'reject']);

/** Verbs of wishing: what they report ("hoped the Duma would ratify") is wished for, not planned. */
export const WISHING = new Set(['hope', 'wish', 'want', 'urge', 'pray', 'long', 'demand', 'insist', 'appeal', 'call']);

/** Nouns of not doing before a "to"-infinitive: "the senate's refusal to approve the treaty" (no approving). */
export const REFUSAL_NOUNS = new Set(['refusal', 'failure', 'reluctance', 'unwillingness', 'inability', 'rejection']);

/** Verbs by which a storm, a quake or an attack reaches a place: "Storm Ciaran battered northern France". */
export const HITTING = new Set(['hit', 'strike', 'batter', 'pound', 'lash', 'rock', 'shake', 'jolt', 'ravage', 'devastate', 'sweep', 'flood', 'inundate', 'target', 'slam', 'engulf', 'swamp']);
/** Weather and disasters whose "of" phrase may be a quantity of anything: "a flood of orders", "a storm of criticism". */
export const MEASURE_NOUNS = /^(flood|storm|avalanche|tsunami|deluge|torrent|whirlwind|hurricane|blizzard|firestorm)$/;
/** Verbs whose object is feared or threatened, not come: "feared an outbreak", "threatened a strike". */
export const FEARING = new Set(['fear', 'dread', 'risk', 'threaten']);
/** Verbs whose subject is where the event is: "Poland hosts 9,000 U.S. troops", "Lithuania welcomed refugees". */
export const HOST_VERBS = new Set(['host', 'welcome', 'receive', 'shelter', 'accommodate', 'house']);

/** Events of leaving a place, which happen where they leave: "withdrew its troops from Kherson", "diplomats expelled from Estonia". */
export const LEAVING = new Set(['withdraw', 'withdrawal', 'retreat', 'pull out', 'pullout', 'evacuate', 'evacuation', 'expel']);

/** Verbs of going: the traveller is then at the destination ("will travel to Warsaw", "flew to Kyiv"). */
export const MOTION_VERBS = new Set([
  'travel', 'fly', 'go', 'come', 'head', 'arrive', 'return', 'journey', 'depart', 'leave', 'drive', 'sail', 'move', 'send',
  'deploy', 'dispatch', 'redeploy', 'transfer', 'deliver', 'ship', 'rotate', 'surge', 'visit',
]);

/** Nouns whose "for" phrase is what they are meant for: "a grant for", "plans for", "funding for", "a request for". */
export const PURPOSE_NOUNS = new Set(['plan', 'plans', 'proposal', 'proposals', 'grant', 'grants', 'fund', 'funds', 'funding', 'money', 'budget',
  'request', 'requests', 'bid', 'bids', 'call', 'calls', 'preparations', 'permission', 'approval', 'authorization', 'authorisation',
  'mandate', 'contract', 'tender', 'timetable', 'loan', 'loans', 'appropriation', 'package']);

/** Offices that head a name ("Councillor Smith", "Chairman Lee"): one person with the name, not two joined by "and". */
export const OFFICES = /^(councill?or|chairman|chairwoman|chair|ceo|founder|director|envoy|commissioner|spokesman|spokeswoman)$/;

/** Nouns in -s that are singular ("the news", "the headquarters"): a verb after them takes -s. */
export const SINGULAR_IN_S = /^(news|series|species|means|gas|bias|chaos|lens|politics|economics|physics|athletics|headquarters|whereabouts|barracks|crossroads)$/;

/** When an event comes in its series or in time, which its date and status say: left out of headlines ("the recent conference"). */
export const SEQUENCE = /^(recent|latest|upcoming|forthcoming|previous|past|last|next|similar|further|another|overall|extensive|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/;

/** Adjectives that judge rather than say what happened: left out of headlines. */
export const EVALUATIVE = /^(massive|huge|major|significant|historic|historical|important|brutal|unprovoked|unjustified|illegal|apparent|so-called|alleged|terrible|tragic|successful|highly|landmark|large|big|serious)$/;

/** Participles of harm whose "in" or "by" phrase is the event that did it: "wounded in a shooting", "killed by the blast". */
export const HARMED = /^(killed|wounded|injured|hurt|died|dead|slain|maimed|damaged|destroyed|displaced|evacuated)$/;

/**
 * "recently", "in recent months": how recent one sentence's own event is, not a time another sentence's event shares
 * ("Officials recently met donors. During Turkey's invasion of Cyprus, ..." is no recent invasion).
 */
export const HOW_RECENT = /^(?:recently|lately|(?:in|over|during|within)\s+(?:the\s+)?(?:recent|past|last)\s+(?:\S+\s+){0,2}(?:days|weeks|months))$/i;

/** A count per unit of time is a rate: "two fires each day", "three times per week". */
export const PER = /^(each|every|per)$/;

/** An event noun counted as many is no single event: "all the visits", "frequent visits". */
export const MANY = /^(all|many|numerous|frequent|repeated|countless|regular|several|various)$/;

/** Units of time a rate counts by. */
export const TIME_UNIT = /^(day|night|week|weekend|month|year|morning|evening|afternoon|spring|summer|fall|autumn|winter)$/;

/** Words that point a time unit at a time: "last month", "this morning", "the following week". */
export const TIME_DEICTIC = /^(last|next|this|that|same|previous|following|coming|past|early|late|earlier|later)$/;
/** Event words of voting: held where the voters are. */
export const ELECTORAL = /^(election|runoff|run-off|vote|voting|ballot|referendum|plebiscite|primary|by-election|poll|polls)$/;
/** The people who vote. */
export const ELECTORATE = /^(voters?|electorate|electors?|citizens)$/;
/** Adverbs of a habit, in any tense: "visited the office weekly", "regularly violates the airspace". */
export const FREQUENCY = /^(weekly|daily|monthly|yearly|annually|regularly|routinely|frequently|often|repeatedly|usually|habitually|sometimes)$/;

/**
 * The commonest Chinese, Korean and Vietnamese family names (not those that are also English given names, "Lee", "Kim"),
 * which these names give first: after an office, the first of the two names is the one a headline keeps ("Premier
 * Li Qiang" is Li, "President Xi Jinping" is Xi).
 */
export const FAMILY_NAME_FIRST = new Set([
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin',
  'gao', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong',
  'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'shen', 'yao', 'xi', 'qin',
  'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'shin', 'moon', 'nguyen', 'tran', 'pham', 'hoang', 'phan',
  'vu', 'vo', 'dang', 'bui', 'ngo',
]);

/**
 * People as a crime or a road tells them ("a 27-year-old man was shot", "struck a pedestrian"): someone shot or run
 * down outside a war is the victim of a shooting or an accident, not the target of a strike.
 */
export const VICTIMS = /^(man|men|woman|women|boy|boys|girl|girls|teen|teens|teenager|teenagers|child|children|baby|toddler|person|people|officer|officers|deputy|deputies|trooper|troopers|driver|drivers|clerk|clerks|victim|victims|resident|residents|student|students|suspect|suspects|owner|owners|employee|employees|guard|guards|passenger|passengers|pedestrian|pedestrians|bystander|bystanders|cyclist|cyclists|motorist|motorists|homeowner|neighbor|neighbour)$/;

/** People who attack others: their killing is an attack's or a crime's ("a gunman killed 14 people"). */
export const ATTACKERS = /^(gunman|gunmen|shooter|shooters|attacker|attackers|assailant|assailants|sniper|snipers|bomber|bombers|knifeman|assassin|assassins|killer|killers|man|men|woman|teen|teenager|suspect|suspects)$/;

/** Verbs of killing a person: an incident where the killer is a person ("a gunman killed 14 people"). */
export const KILLING = new Set(['kill', 'murder', 'slay']);

/** Vehicles of the road: what hits a person in a traffic accident ("hit by a car", "a pickup struck"). */
export const ROAD_VEHICLES = /^(car|cars|truck|trucks|vehicle|vehicles|bus|buses|train|trains|pickup|pickups|suv|suvs|van|vans|motorcycle|motorcycles|tractor|tractors|driver|drivers|motorist|motorists|sedan|taxi|cab)$/;

/**
 * Those who answer a call ("when firefighters arrived", "deputies arrived at the home"): their arrival is part of the
 * fire or the crime they answer, no visit.
 */
export const RESPONDERS = /^(firefighters?|firemen|fireman|paramedics?|medics?|emts?|responders?|rescuers?|ambulances?|crews?|officers?|deputies|deputy|troopers?|police|policemen|policeman|engines?)$/;

/** Verbs of a count going up or down: "attacks have fallen", "crashes rose 5 percent" tell a statistic, no event. */
export const TRENDS = new Set([
  'rise', 'fall', 'drop', 'decline', 'increase', 'decrease', 'double', 'triple', 'climb', 'soar', 'plummet', 'plunge', 'dip',
  'grow', 'shrink', 'jump', 'spike', 'slow', 'ease', 'dwindle', 'level',
]);
