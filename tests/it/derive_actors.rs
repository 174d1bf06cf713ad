//! Actor extraction on briefings written for these tests: merging, kinds, roles, quotes,
//! the matcher, and inputs meant to break it.

use brief::derive::actors::{extract, ActorMatcher};
use brief::model::{Actor, ActorKind, Article, Block, Section};
use proptest::prelude::*;

fn article(id: &str, title: &str, paragraphs: &[&str]) -> Article {
    let blocks = paragraphs
        .iter()
        .map(|p| Block::Paragraph {
            text: p.to_string(),
        })
        .collect();
    Article {
        id: id.to_string(),
        path: format!("/tmp/{id}"),
        title: title.to_string(),
        sections: vec![Section {
            heading: None,
            blocks,
        }],
        ..Article::default()
    }
}

fn one(paragraphs: &[&str]) -> Vec<Actor> {
    extract(&[article("a", "", paragraphs)])
}

fn find<'a>(actors: &'a [Actor], name: &str) -> Option<&'a Actor> {
    actors.iter().find(|a| a.all_names().any(|n| n == name))
}

fn named<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
    find(actors, name).unwrap_or_else(|| panic!("no actor {name} in {:#?}", names(actors)))
}

fn names(actors: &[Actor]) -> Vec<String> {
    actors
        .iter()
        .map(|a| format!("{} ({:?})", a.name, a.aliases))
        .collect()
}

#[test]
fn same_given_name_different_people_stay_apart() {
    let actors = one(&[
        "Russian President Vladimir Putin spoke to reporters.",
        "Ukrainian President Volodymyr Zelenskyy answered him.",
        "Later, Vladimir Zelensky said the talks were over.",
    ]);
    let putin = named(&actors, "Vladimir Putin");
    let zelensky = named(&actors, "Volodymyr Zelenskyy");
    assert_ne!(putin.name, zelensky.name);
    assert!(
        zelensky.all_names().any(|n| n == "Vladimir Zelensky"),
        "{:?}",
        zelensky
    );
    assert!(!putin.all_names().any(|n| n.contains("Zelensk")));
}

#[test]
fn two_smiths_keep_the_bare_surname_out() {
    let actors = one(&[
        "Finance chief John Smith met rival Jane Smith in Leeds on Friday.",
        "After the meeting, officials said Smith would resign.",
    ]);
    let john = named(&actors, "John Smith");
    let jane = named(&actors, "Jane Smith");
    assert_ne!(john.name, jane.name);
    assert!(!john.aliases.contains(&"Smith".to_string()));
    assert!(!jane.aliases.contains(&"Smith".to_string()));
    assert!(
        actors.iter().all(|a| a.name != "Smith"),
        "{:?}",
        names(&actors)
    );
}

#[test]
fn an_unambiguous_surname_and_a_titled_given_name_join_the_person() {
    let actors = one(&[
        "Prime Minister Keir Starmer visited the base.",
        "Later, Sir Keir held a call, and Mr Starmer said it went well.",
    ]);
    let starmer = named(&actors, "Keir Starmer");
    assert!(
        starmer.aliases.contains(&"Starmer".to_string()),
        "{:?}",
        starmer
    );
    assert!(
        starmer.aliases.contains(&"Keir".to_string()),
        "{:?}",
        names(&actors)
    );
    assert_eq!(
        actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .count(),
        1,
        "{:?}",
        names(&actors)
    );
}

#[test]
fn transliterations_merge_into_the_most_frequent_full_spelling() {
    let actors = one(&[
        "President Volodymyr Zelenskyy arrived; Volodymyr Zelenskyy spoke.",
        "Volodymyr Zelensky left, and Zelenskiy's aides and Zelenskii stayed.",
    ]);
    let people: Vec<&Actor> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{:?}", names(&actors));
    assert_eq!(people[0].name, "Volodymyr Zelenskyy");
    for alias in ["Volodymyr Zelensky", "Zelenskiy", "Zelenskii"] {
        assert!(
            people[0].aliases.iter().any(|a| a == alias),
            "missing {alias}: {:?}",
            people[0]
        );
    }
}

#[test]
fn dotted_and_short_forms_of_states_are_one_place() {
    let actors = one(&[
        "Officials from the U.S. and US envoys met United States envoys.",
        "The USA, the U.K. and Britain agreed; the UK will host. Kiev and Kyiv are one city.",
    ]);
    let us = named(&actors, "United States");
    assert_eq!(us.kind, ActorKind::Place);
    for a in ["U.S.", "US", "USA"] {
        assert!(us.all_names().any(|n| n == a), "{a}: {us:?}");
    }
    let uk = named(&actors, "U.K.");
    assert!(uk.all_names().any(|n| n == "Britain") && uk.all_names().any(|n| n == "UK"));
    assert_eq!(named(&actors, "Kiev").name, named(&actors, "Kyiv").name);
}

#[test]
fn a_state_is_a_place_also_as_a_subject() {
    let actors = one(&["Russia rejected the plan. Moscow said NATO and the EU were wrong."]);
    assert_eq!(named(&actors, "Russia").kind, ActorKind::Place);
    assert_eq!(named(&actors, "NATO").kind, ActorKind::Organization);
    assert_eq!(
        named(&actors, "European Union").kind,
        ActorKind::Organization
    );
}

#[test]
fn kinds_from_cues() {
    let actors = one(&[
        "A drone hit a building in Velykyi Burluk, the Defence Ministry said.",
        "Analysts at Brightwater Capital expect a deal, said Maria Kovalenko.",
    ]);
    assert_eq!(
        named(&actors, "Velykyi Burluk").kind,
        ActorKind::Place,
        "{:?}",
        names(&actors)
    );
    assert_eq!(
        named(&actors, "Defence Ministry").kind,
        ActorKind::Organization
    );
    assert_eq!(
        named(&actors, "Brightwater Capital").kind,
        ActorKind::Organization
    );
    assert_eq!(named(&actors, "Maria Kovalenko").kind, ActorKind::Person);
}

#[test]
fn sentence_starts_possessives_and_common_words_are_not_names() {
    let actors = one(&[
        "However, the talks stalled. Officials met on Monday in January.",
        "Trump's plan and Trump’s envoy were discussed by Donald Trump.",
        "Police said the police would stay.",
    ]);
    let all: Vec<&str> = actors.iter().flat_map(|a| a.all_names()).collect();
    for bad in [
        "However",
        "Officials",
        "Monday",
        "January",
        "Trump's",
        "Trump’s",
        "Police",
    ] {
        assert!(!all.contains(&bad), "{bad} in {all:?}");
    }
    assert!(named(&actors, "Donald Trump")
        .aliases
        .contains(&"Trump".to_string()));
}

#[test]
fn all_caps_headlines_give_no_junk() {
    let a = article(
        "a",
        "ZELENSKY MEETS STARMER IN LONDON AS TALKS RESUME",
        &["The talks resumed in London."],
    );
    let actors = extract(&[a]);
    let all: Vec<&str> = actors.iter().flat_map(|a| a.all_names()).collect();
    assert!(all.contains(&"London"), "{all:?}");
    assert!(
        all.iter()
            .all(|n| !n.contains("MEETS") && !n.contains("TALKS")),
        "{all:?}"
    );
}

#[test]
fn bylines_and_removed_boilerplate_are_never_actors() {
    let mut a = article(
        "a",
        "Talks in London",
        &[
            "By Staff, Agencies",
            "Mia Garcia",
            "Talks went on in London.",
        ],
    );
    a.removed = vec![
        "Olivia Williams".into(),
        "Written by Isabella Rossi for Example News".into(),
    ];
    a.byline = Some("Olivia Williams".into());
    let actors = extract(&[a]);
    let all: Vec<&str> = actors.iter().flat_map(|a| a.all_names()).collect();
    for bad in [
        "Staff",
        "Agencies",
        "Mia Garcia",
        "Olivia Williams",
        "Isabella Rossi",
    ] {
        assert!(!all.contains(&bad), "{bad} in {all:?}");
    }
}

#[test]
fn roles_as_written_deduplicated_case_insensitively() {
    let actors = one(&[
        "British Defence Secretary John Healey spoke. Kremlin spokesperson Dmitry Peskov replied.",
        "Keith Kellogg, President Trump's special envoy for Ukraine and Russia, is in London.",
        "Italian Prime Minister Giorgia Meloni and NATO Secretary General Mark Rutte met.",
        "Later, British defence secretary John Healey left.",
    ]);
    assert_eq!(
        named(&actors, "John Healey").roles,
        vec!["British Defence Secretary"]
    );
    assert_eq!(
        named(&actors, "Dmitry Peskov").roles,
        vec!["Kremlin spokesperson"]
    );
    assert_eq!(
        named(&actors, "Keith Kellogg").roles,
        vec!["President Trump's special envoy for Ukraine and Russia"]
    );
    assert_eq!(
        named(&actors, "Giorgia Meloni").roles,
        vec!["Italian Prime Minister"]
    );
    assert_eq!(
        named(&actors, "Mark Rutte").roles,
        vec!["NATO Secretary General"]
    );
}

#[test]
fn quotes_of_each_pattern_with_article_ids() {
    let a = article(
        "one",
        "",
        &[
            "Defence Secretary John Healey spoke in London.",
            "“While Putin talks, he breaks every truce,” Healey told MPs.",
            "\"The resistance holds the line,\" he added.",
        ],
    );
    let b = article(
        "two",
        "",
        &[
            "Ukrainian President Volodymyr Zelenskyy firmly rejected that.",
            "\"There is nothing to talk about, it is our land,\" he stated.",
            "Zelenskyy later stated: \"We will not give up land.\"",
            "\"Peace needs guarantees\", said Zelenskyy.",
        ],
    );
    let actors = extract(&[a, b]);
    let healey = named(&actors, "John Healey");
    let texts: Vec<&str> = healey.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "While Putin talks, he breaks every truce",
            "The resistance holds the line"
        ]
    );
    assert!(healey.quotes.iter().all(|q| q.article == "one"));
    let z = named(&actors, "Volodymyr Zelenskyy");
    let texts: Vec<&str> = z.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "There is nothing to talk about, it is our land",
            "We will not give up land.",
            "Peace needs guarantees"
        ]
    );
    assert!(z.quotes.iter().all(|q| q.article == "two"));
    let others = actors
        .iter()
        .filter(|a| a.name != healey.name && a.name != z.name);
    assert!(others.flat_map(|a| &a.quotes).next().is_none());
}

#[test]
fn nested_unbalanced_and_scare_quotes() {
    let actors = one(&[
        "Foreign Secretary David Lammy spoke.",
        "“We reject the ‘so-called’ referendum outright,” Lammy said.",
        "The talks would explore “next steps” and a ceasefire.",
        "Lammy said: “an unclosed quote that never ends",
    ]);
    let lammy = named(&actors, "David Lammy");
    let texts: Vec<&str> = lammy.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, vec!["We reject the ‘so-called’ referendum outright"]);
}

#[test]
fn mentions_and_articles_in_briefing_order() {
    let arts = [
        article("b-first", "", &["Healey met NATO. Healey left."]),
        article("a-second", "", &["Nothing here."]),
        article("c-third", "", &["Defence Secretary John Healey returned."]),
    ];
    let actors = extract(&arts);
    let healey = named(&actors, "John Healey");
    assert_eq!(healey.articles, vec!["b-first", "c-third"]);
    assert_eq!(healey.mentions, 3);
    assert_eq!(
        actors[0].name,
        "John Healey",
        "most mentioned first: {:?}",
        names(&actors)
    );
}

#[test]
fn matcher_whole_words_longest_first_without_overlap() {
    let actors = one(&["President Volodymyr Zelenskyy met Zelenskyy's allies and NATO officials."]);
    let m = ActorMatcher::new(&actors);
    let text = "Volodymyr Zelenskyy, Zelenskyy's team, NATOs and NATO-led NATO.";
    let found = m.find(text);
    let spans: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(
        spans,
        vec!["Volodymyr Zelenskyy", "Zelenskyy", "NATO", "NATO"]
    );
    assert_eq!(
        m.names_in(text),
        vec!["Volodymyr Zelenskyy".to_string(), "NATO".to_string()]
    );
    assert!(ActorMatcher::new(&[]).find(text).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_any_text(
        title in "\\PC{0,40}",
        paras in proptest::collection::vec("(\\PC|[\"“”‘’'.,:;A-Z])*", 0..4),
    ) {
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let actors = extract(&[article("x", &title, &refs)]);
        let m = ActorMatcher::new(&actors);
        for p in &paras {
            for (r, i) in m.find(p) {
                prop_assert!(p.get(r.clone()).is_some());
                prop_assert!(i < actors.len());
            }
        }
    }

    #[test]
    fn never_panics_on_name_shaped_text(
        words in proptest::collection::vec(
            "(Mr|Sir|President|U\\.S\\.|von|der|Healey|Zelenskyy|Zelensky|[A-Z][a-z]{0,6}|[a-z]{1,5}|“|”|\"|,|:|'s|’s|-)",
            0..40,
        ),
    ) {
        let text = words.join(" ");
        let actors = one(&[&text]);
        for a in &actors {
            prop_assert!(!a.name.is_empty());
        }
    }
}

/// The done-check on the shipped sample briefing (through the real ingest): each person
/// once, with roles and quotes, and no boilerplate author.
#[test]
fn sample_briefing_people_roles_and_quotes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ukraine-talks");
    let briefing = brief::ingest::ingest_paths(&[dir], 50_000_000).expect("sample briefing reads");
    let actors = extract(&briefing.articles);
    let people = [
        "Zelenskyy",
        "Putin",
        "Trump",
        "Healey",
        "Lammy",
        "Kellogg",
        "Rubio",
        "Witkoff",
        "Starmer",
        "Luxon",
        "Peskov",
        "Ushakov",
        "Rutte",
        "von der Leyen",
        "Meloni",
        "Kushner",
    ];
    for surname in people {
        let holders: Vec<&Actor> = actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person && a.all_names().any(|n| n.ends_with(surname)))
            .collect();
        assert_eq!(holders.len(), 1, "{surname}: {:?}", names(&actors));
    }
    for author in ["Mia Garcia", "Olivia Williams", "Isabella Rossi"] {
        assert!(find(&actors, author).is_none(), "{author} is boilerplate");
    }
    let healey = person_named(&actors, "Healey");
    assert!(healey
        .roles
        .iter()
        .any(|r| r == "British Defence Secretary"));
    assert!(healey
        .quotes
        .iter()
        .any(|q| q.text.starts_with("While Putin says")));
    let zelensky = person_named(&actors, "Zelenskyy");
    assert!(zelensky
        .quotes
        .iter()
        .any(|q| q.text.starts_with("There is nothing to talk about")));
    assert_eq!(zelensky.articles.len(), briefing.articles.len());
    assert_eq!(
        person_named(&actors, "Peskov").roles,
        vec!["Kremlin spokesperson"]
    );
    assert_eq!(
        person_named(&actors, "Rutte").roles,
        vec!["NATO Secretary General"]
    );
}

fn person_named<'a>(actors: &'a [Actor], surname: &str) -> &'a Actor {
    actors
        .iter()
        .find(|a| a.kind == ActorKind::Person && a.all_names().any(|n| n.ends_with(surname)))
        .unwrap_or_else(|| panic!("no person {surname} in {:#?}", names(actors)))
}

fn all_names(actors: &[Actor]) -> Vec<&str> {
    actors.iter().flat_map(|a| a.all_names()).collect()
}

#[test]
fn words_opening_a_sentence_join_a_name_only_with_evidence() {
    let actors = one(&[
        "Earlier Tony Blair met union leaders. Could Quorvant survive the winter?",
        "Rival Zentrix cut prices. Analysts expect analysts to disagree.",
        "Several Hollywood studios and Zentrix agreed; Quorvant did not.",
    ]);
    let all = all_names(&actors);
    for junk in [
        "Earlier Tony Blair",
        "Could Quorvant",
        "Rival Zentrix",
        "Analysts",
        "Several Hollywood",
    ] {
        assert!(!all.contains(&junk), "{junk} in {all:?}");
    }
    for name in ["Tony Blair", "Quorvant", "Zentrix", "Hollywood"] {
        assert!(all.contains(&name), "{name} missing from {all:?}");
    }
}

#[test]
fn a_sentence_start_the_briefing_capitalises_elsewhere_is_a_name() {
    // "Brown" is an English word, but this briefing writes it capitalised mid-sentence.
    let actors = one(&[
        "Chancellor Gordon Brown spoke. Later, Mr Brown left.",
        "Brown said the budget would balance.",
    ]);
    let brown = named(&actors, "Gordon Brown");
    assert!(brown.articles.contains(&"a".to_string()));
    assert_eq!(brown.mentions, 3, "{:?}", names(&actors));
}

#[test]
fn headline_case_gives_no_names_from_its_capitals() {
    let a = article(
        "a",
        "Rival Zentrix Shares Fall As Quorvant Profits Slide",
        &["Shares in Zentrix fell on Monday."],
    );
    let all_actors = extract(&[a]);
    let all = all_names(&all_actors);
    assert!(
        all.iter()
            .all(|n| !n.contains("Rival") && !n.contains("Shares") && !n.contains("Slide")),
        "{all:?}"
    );
    assert_eq!(named(&all_actors, "Zentrix").kind, ActorKind::Organization);
}

#[test]
fn gazetteers_type_places_people_and_organisations() {
    let actors = one(&[
        "Fans travelled from Milwaukee and Wisconsin to Lyon for the match.",
        "The Red Cross said supplies reached Kandahar on Friday.",
        "Zorblax Qwimby, a local farmer, said the roads were closed.",
    ]);
    for place in ["Milwaukee", "Wisconsin", "Lyon", "Kandahar"] {
        assert_eq!(named(&actors, place).kind, ActorKind::Place, "{place}");
    }
    assert_eq!(named(&actors, "Red Cross").kind, ActorKind::Organization);
    assert_eq!(named(&actors, "Zorblax Qwimby").kind, ActorKind::Person);
}

#[test]
fn organisation_cues_and_context() {
    let actors = one(&[
        "Brightwater Holdings Ltd bought a stake. Shares in Zentrix rose 4%.",
        "Maria Lopez, chief executive of Quorvant, said the deal was done.",
        "Nintendo said sales were up, and Kestrel Valley Water Board agreed.",
    ]);
    for org in [
        "Brightwater Holdings Ltd",
        "Zentrix",
        "Quorvant",
        "Nintendo",
        "Kestrel Valley Water Board",
    ] {
        assert_eq!(named(&actors, org).kind, ActorKind::Organization, "{org}");
    }
    assert_eq!(named(&actors, "Maria Lopez").kind, ActorKind::Person);
}

#[test]
fn kinds_of_people_events_and_common_nouns_are_not_actors() {
    let actors = one(&[
        "Kurds and Palestinians watched the World Cup on a PC.",
        "The Oscars went to a film about AIDS, said Anna Kowalski.",
    ]);
    let all = all_names(&actors);
    for junk in ["Kurds", "Palestinians", "World Cup", "PC", "Oscars", "AIDS"] {
        assert!(!all.contains(&junk), "{junk} in {all:?}");
    }
    assert!(all.contains(&"Anna Kowalski"));
}

#[test]
fn mr_and_mrs_with_a_surname_go_to_the_namesake_the_article_means() {
    let mut arts: Vec<Article> = (0..4)
        .map(|i| {
            article(
                &format!("t{i}"),
                "",
                &["Prime Minister Tony Blair spoke in Leeds."],
            )
        })
        .collect();
    arts.push(article(
        "cherie",
        "",
        &["Cherie Blair opened a school. Mrs Blair said it was overdue."],
    ));
    arts.push(article(
        "bare",
        "",
        &["Mr Blair said the vote would go ahead."],
    ));
    let actors = extract(&arts);
    let tony = named(&actors, "Tony Blair");
    let cherie = named(&actors, "Cherie Blair");
    assert!(tony.articles.contains(&"bare".to_string()), "{tony:?}");
    assert!(!tony.articles.contains(&"cherie".to_string()), "{tony:?}");
    assert_eq!(cherie.articles, vec!["cherie"]);
    assert_eq!(cherie.mentions, 2, "Mrs Blair is Cherie: {cherie:?}");
}

#[test]
fn two_people_sharing_a_surname_with_no_dominant_one_stay_apart() {
    let arts = [
        article("a", "", &["Coach Rob Jones praised Nick Jones."]),
        article(
            "b",
            "",
            &["Rob Jones and Nick Jones trained; Jones was injured."],
        ),
    ];
    let actors = extract(&arts);
    let rob = named(&actors, "Rob Jones");
    let nick = named(&actors, "Nick Jones");
    assert_ne!(rob.name, nick.name);
    assert!(!rob.aliases.contains(&"Jones".to_string()), "{rob:?}");
    assert!(!nick.aliases.contains(&"Jones".to_string()), "{nick:?}");
}

#[test]
fn acronyms_designators_and_suffixes_join_their_organisation() {
    let actors = one(&[
        "The Kestrel Valley Water Board said the KVWB would act.",
        "BBC News reported it; the BBC confirmed. Quorvant Corp and Quorvant agreed.",
        "Fans of the Portland Trail Blazers cheered the Trail Blazers.",
    ]);
    let board = named(&actors, "Kestrel Valley Water Board");
    assert!(board.all_names().any(|n| n == "KVWB"), "{board:?}");
    let bbc = named(&actors, "BBC");
    assert!(bbc.all_names().any(|n| n == "BBC News"), "{bbc:?}");
    let q = named(&actors, "Quorvant");
    assert!(q.all_names().any(|n| n == "Quorvant Corp"), "{q:?}");
    let team = named(&actors, "Portland Trail Blazers");
    assert!(team.all_names().any(|n| n == "Trail Blazers"), "{team:?}");
    assert_eq!(team.kind, ActorKind::Organization);
}

#[test]
fn possessives_and_leading_words_are_stripped() {
    let actors = one(&[
        "Zentrix's shares rose after Quorvant's bid.",
        "Meanwhile Tony Blair's aides met Blair's critics.",
    ]);
    let all = all_names(&actors);
    for bad in ["Zentrix's", "Quorvant's", "Meanwhile Tony Blair", "Blair's"] {
        assert!(!all.contains(&bad), "{bad} in {all:?}");
    }
    assert!(all.contains(&"Zentrix") && all.contains(&"Tony Blair"));
}

#[test]
fn roles_merge_across_spelling_and_case() {
    let actors = one(&[
        "US special envoy Steve Witkoff arrived.",
        "U.S. Special Envoy Steve Witkoff left.",
        "British Defence Secretary John Healey and British Defense Secretary John Healey.",
    ]);
    assert_eq!(
        named(&actors, "Steve Witkoff").roles,
        vec!["US special envoy"]
    );
    assert_eq!(
        named(&actors, "John Healey").roles,
        vec!["British Defence Secretary"]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever English word opens the sentence, it never becomes part of the name after
    /// it, and the name itself is found.
    #[test]
    fn an_english_word_opening_a_sentence_never_joins_the_name(
        opener in "(Earlier|Rival|Could|Several|Meanwhile|Later|Should|Fired|Stunning|Actress|Analysts|Having|Choosing)",
        given in "(Tara|Hugh|Maurice|Esther|Peyton)",
        surname in "(Quorvant|Zelbrook|Mirtassi|Okonjo)",
    ) {
        let text = format!("{opener} {given} {surname} arrived in London. {given} {surname} spoke.");
        let actors = one(&[&text]);
        let all = all_names(&actors);
        let full = format!("{given} {surname}");
        prop_assert!(all.contains(&full.as_str()), "{} missing from {:?}", full, all);
        prop_assert!(all.iter().all(|n| !n.starts_with(&opener)), "{:?}", all);
    }
}
