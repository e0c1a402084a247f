// Kinds of news analysts bring besides war: disease and public health, weather and disasters, accidents, diplomacy,
// and what crowds and workers do; each as a mapper expects it (category, place, day), and what is none of them (a
// flood of orders, an anniversary, a forecast). Every sentence is invented for these tests.
import { describe, expect, it } from 'vitest';
import { documentEvents } from './document-events.ts';

/** Friday 15 May 2026 unless told. */
const eventsOf = (text: string, published = '2026-05-15') => documentEvents(text, published);
const summary = (text: string) => eventsOf(text).map((e) => [e.category, e.title, e.entry.name, e.start]);

describe('disease and public health', () => {
  it('cases of a disease confirmed at a place are an incident there, told either way round; a court case is none', () => {
    expect(summary('QUELIMANE — Health officials confirmed 14 cases of cholera in the port of Beira on Thursday.'))
      .toEqual([['incident', 'Health officials confirm cases of cholera in Beira', 'Beira', '2026-05-14']]);
    expect(eventsOf('Nine new measles cases were recorded in Kaunas on Monday, the health ministry said.').map((e) => [e.category, e.entry.name, e.start]))
      .toEqual([['incident', 'Kaunas', '2026-05-11']]);
    expect(eventsOf('A judge in Kaunas heard the case of the missing ledger on Monday.')).toEqual([]);
  });

  it('a town placed under quarantine is a measure over that town, titled by the measure', () => {
    expect(summary('KISUMU — Health authorities placed the town of Kitale under quarantine on Tuesday after two deaths from Ebola.'))
      .toEqual([['other', 'Quarantine in Kitale', 'Kitale', '2026-05-12']]);
  });

  it('a lockdown against a disease, a curfew and a vaccination campaign are events at their place', () => {
    expect(summary('The city imposed a lockdown on Hanoi on Wednesday as dengue infections spread.').map((e) => e.slice(0, 1).concat(e.slice(2))))
      .toEqual([['other', 'Hanoi', '2026-05-13']]);
    expect(summary('A ten-day vaccination campaign against polio began in Kano on Saturday.'))
      .toEqual([['other', 'Ten-day vaccination campaign in Kano', 'Kano', '2026-05-09']]);
    // a school's lockdown is no public-health measure
    expect(eventsOf('A lockdown was imposed in Leeds on Monday after a threat to a school.')).toEqual([]);
    expect(eventsOf('Police placed a school in Leeds on lockdown on Monday.')).toEqual([]);
  });
});

describe('weather and disasters', () => {
  it('a state of emergency declared over a province is an event there, beside the floods that caused it', () => {
    expect(summary('SANTIAGO — A state of emergency came into force in the region of Valparaiso on Tuesday after floods killed 20 people.').map((e) => [e[0], e[1]]))
      .toContainEqual(['other', 'State of emergency in Valparaiso']);
  });

  it('a volcano that erupts and a river that bursts its banks are incidents', () => {
    expect(summary('CATANIA — Mount Etna erupted on Monday, covering Catania in ash.').map((e) => [e[0], e[1], e[3]]))
      .toContainEqual(['incident', 'Mount Etna erupts in Catania', '2026-05-11']);
    expect(summary('DERNA — The river burst its banks in Derna on Sunday.'))
      .toEqual([['incident', 'River bursts its banks in Derna', 'Derna', '2026-05-10']]);
    expect(eventsOf('Anger erupted in Catania on Monday over the tax.')).toEqual([]);
  });

  it('cases reported in a town are cases there, not words said there', () => {
    expect(summary('Nine new cholera infections were reported in Beira on Monday.')).toEqual([['incident', 'New cholera infections in Beira', 'Beira', '2026-05-11']]);
  });

  it('a storm that makes landfall is an incident where it reached land', () => {
    expect(summary('Tropical Storm Imelda made landfall near Veracruz early on Wednesday.'))
      .toEqual([['incident', 'Tropical Storm Imelda makes landfall near Veracruz', 'Veracruz', '2026-05-13']]);
  });

  it('a storm named by its kind and its name is what happened where it hit', () => {
    expect(summary('MANILA — Typhoon Lando hit the northern Philippines on Saturday, forcing thousands from their homes.'))
      .toEqual([['incident', 'Typhoon Lando hits northern Philippines', 'northern Philippines', '2026-05-09']]);
    expect(summary('Hurricane Delia slammed into the Florida Keys on Tuesday.'))
      .toEqual([['incident', 'Hurricane Delia slams into Florida Keys', 'the Florida Keys', '2026-05-12']]);
  });

  it('a wildfire spreading is an incident near where it spread', () => {
    expect(summary('A wildfire spread across 3,000 hectares near Patras on Monday.'))
      .toEqual([['incident', 'Wildfire near Patras', 'Pátra', '2026-05-11']]);
  });

  it('a flood of orders and a storm of criticism are no weather', () => {
    expect(eventsOf('A flood of orders reached the factory in Leipzig on Monday, the company said.')).toEqual([]);
    expect(eventsOf('A storm of protest hit the ministry in Riga on Tuesday after the tax rise.')).toEqual([]);
  });

  it('the chance or the risk of a disaster is a forecast, not a disaster', () => {
    expect(eventsOf('Insurers in Darwin on Monday put the chance of a cyclone making landfall near Darwin at one in five.')).toEqual([]);
    expect(eventsOf('Doctors in Beira warned on Monday of the risk of a measles outbreak at the camps near Beira.')).toEqual([]);
  });

  it('an aside in brackets is inside the phrase: "no new (laboratory-confirmed) cases" are none', () => {
    expect(eventsOf('No new (laboratory-confirmed) measles cases were recorded in Kaunas on Monday.')).toEqual([]);
  });
});

describe('accidents', () => {
  it('a building, a bridge or a crane that collapses is an incident; talks that collapse are none', () => {
    expect(summary('Two workers died when a crane collapsed at a building site in Rotterdam on Wednesday.'))
      .toEqual([['incident', 'Crane collapses in Rotterdam', 'Rotterdam', '2026-05-13']]);
    expect(eventsOf('Pay talks collapsed in Rotterdam on Wednesday.').filter((e) => e.category === 'incident')).toEqual([]);
  });

  it('a bus that plunges off the road is an incident, titled by the bus, not by those it carried; shares that plunge are none', () => {
    expect(summary('A bus carrying pilgrims plunged into a ravine near Cusco on Sunday.'))
      .toEqual([['incident', 'Bus plunges near Cusco', 'Cusco', '2026-05-10']]);
    expect(eventsOf('Shares plunged in Tokyo on Monday.')).toEqual([]);
  });

  it('a ferry that sinks is an incident where it went down', () => {
    expect(summary('A crowded ferry sank near Chandpur on Thursday.').map((e) => [e[0], e[1], e[3]]))
      .toEqual([['incident', 'Crowded ferry sinks near Chandpur', '2026-05-14']]);
  });

  it('a gas leak on the outskirts of a city is an incident near it', () => {
    expect(summary('A gas leak at a chemical factory on the outskirts of Chennai sent 40 people to hospital on Wednesday.'))
      .toEqual([['incident', 'Gas leak near Chennai', 'Chennai', '2026-05-13']]);
  });

  it('a plane that crashes after takeoff from an airport crashes by the airport', () => {
    expect(summary('A small plane crashed shortly after takeoff from Kamloops airport on Monday, killing the pilot.').map((e) => [e[0], e[1], e[3]]))
      .toEqual([['incident', 'Small plane crashes in Kamloops', '2026-05-11']]);
  });
});

describe('diplomacy', () => {
  it('an ambassador summoned is a meeting at the state that summons', () => {
    expect(summary('WARSAW — Poland summoned the Belarusian ambassador on Thursday to protest against the arrest of a reporter.'))
      .toEqual([['meeting', 'Poland summons Belarusian ambassador', 'Poland', '2026-05-14']]);
  });

  it('diplomats expelled are an act of the state that expels them; those expelled, spelt so', () => {
    expect(summary('TALLINN — Estonia expelled two Russian diplomats on Friday.')).toEqual([['other', 'Estonia expels two Russian diplomats', 'Estonia', '2026-05-15']]);
    expect(summary('PRAGUE — Two Russian diplomats were expelled from the Czech Republic on Wednesday.'))
      .toEqual([['other', 'Two Russian diplomats expelled from Czech Republic', 'Czechia', '2026-05-13']]);
    // "expelled diplomats" describes them: their leaving is no new expulsion
    expect(eventsOf('In Moscow, the expelled diplomats boarded a bus on Saturday.')).toEqual([]);
  });

  it('a state expels at home, an attaché too; a state whose own verb comes first expels nothing', () => {
    expect(summary('Lithuania expelled a Russian attaché over the beating of a journalist and his driver in Kaunas on Sunday.'))
      .toEqual([['other', 'Lithuania expels Russian attaché', 'Lithuania', '2026-05-10']]);
    expect(eventsOf('Belarus would punish the states that expelled its diplomats last week, a spokesman said on Tuesday.')).toEqual([]);
  });

  it('an embassy closed or reopened is an event where the embassy is', () => {
    expect(summary('DAMASCUS — Italy reopened its embassy in Damascus on Monday.')).toEqual([['other', 'Italy reopens its embassy in Damascus', 'Damascus', '2026-05-11']]);
    // "would close", and a second verb joined to the modal's, are verbs though the tagger reads adjectives
    expect(eventsOf('VILNIUS — Lithuania said on Monday it would close its embassy in Minsk next month.').map((e) => [e.category, e.entry.name, e.status]))
      .toEqual([['other', 'Minsk', 'planned']]);
    const both = eventsOf('Moscow said on Monday that it would expel ten diplomats and close the consulate in Gdansk.');
    expect(both.filter((e) => e.entry.name === 'Gdańsk').map((e) => e.title)).toEqual(['Consulate to be closed in Gdansk']);
  });

  it('an ambassador "to Caracas" holds a post there: recalling them is an act of the state that recalls, no journey', () => {
    expect(summary('OSLO — Norway recalled its ambassador to Caracas on Monday after the disputed count.'))
      .toEqual([['other', 'Norway recalls its ambassador', 'Norway', '2026-05-11']]);
  });
});

describe('what crowds and workers do', () => {
  it('a candlelight vigil for victims is an event where it is held; a liturgy\'s vigil is none', () => {
    expect(summary('Hundreds of people held a candlelight vigil in Bratislava on Friday for two students killed last week.').filter((e) => e[0] === 'other'))
      .toEqual([['other', 'People hold candlelight vigil in Bratislava', 'Bratislava', '2026-05-15']]);
    expect(eventsOf('Worshippers kept the Paschal vigil in a wooden church in Tartu on Saturday night.')).toEqual([]);
  });

  it('mourners who gather are a crowd, not a meeting, on the day before their purpose', () => {
    expect(summary('Mourners gathered outside the parliament in Nairobi on Thursday to pay tribute to the slain lawmaker.'))
      .toEqual([['other', 'Mourners gather in Nairobi', 'Nairobi', '2026-05-14']]);
    expect(summary('EU leaders gathered in Brussels on Thursday.')).toEqual([['meeting', 'EU leaders gather in Brussels', 'Brussels', '2026-05-14']]);
  });

  it('a crowd counted in people that marches is an event', () => {
    expect(summary('About 20,000 people marched in Lisbon on Sunday to demand cheaper housing.'))
      .toEqual([['other', '20,000 people march in Lisbon', 'Lisbon', '2026-05-10']]);
  });

  it('workers who strike or walk out stop work, an event of their own; a deal struck is none', () => {
    expect(summary('CHICAGO — Teachers in Chicago will strike on Monday.')).toEqual([['other', 'Teachers to strike in Chicago', 'Chicago', '2026-05-18']]);
    expect(summary('Bus drivers walked out in Tampere on Tuesday in a dispute over pay.')).toEqual([['other', 'Bus drivers walk out in Tampere', 'Tampere', '2026-05-12']]);
    expect(eventsOf('Workers at the plant in Valencia struck a deal with management on Friday.')).toEqual([]);
  });

  it('a strike is a walkout unless the sentence speaks of war: then it is an attack', () => {
    expect(summary('Dock workers staged a strike in Antwerp on Monday over pensions.').map((e) => e[0])).toEqual(['other']);
    expect(summary('A Russian strike on Odesa killed three people on Monday.')).toEqual([['strike', 'Russian strike on Odesa', 'Odesa', '2026-05-11']]);
  });

  it('a crowd that attends a funeral is at a funeral, no meeting', () => {
    expect(summary('KINSHASA — Thousands attended the funeral of the singer in Kinshasa on Saturday.').map((e) => [e[0], e[2], e[3]]))
      .toEqual([['other', 'Kinshasa', '2026-05-09']]);
  });

  it('protesters who storm an embassy attack it where it is', () => {
    expect(summary('Protesters stormed the Swedish embassy in Baghdad on Thursday.'))
      .toEqual([['incident', 'Protesters storm Swedish embassy in Baghdad', 'Baghdad', '2026-05-14']]);
  });

  it('protesters who set fire to an embassy did it on the day told, nothing arranged', () => {
    expect(summary('KINSHASA — Protesters set fire to the French embassy in Kinshasa on Tuesday.').map((e) => [e[0], e[2], e[3]]))
      .toEqual([['incident', 'Kinshasa', '2026-05-12']]);
  });
});

describe('what an anniversary recalls is history', () => {
  it('the event of a "when" clause or an "of" phrase after an anniversary is not news', () => {
    expect(eventsOf('Friday marks the fortieth anniversary of the blast, when a reactor exploded in northern Ukraine in 1986.')).toEqual([]);
    expect(eventsOf('Crowds in Vilnius marked the anniversary of the invasion of Lithuania on Friday.').filter((e) => e.category === 'advance')).toEqual([]);
  });
});
