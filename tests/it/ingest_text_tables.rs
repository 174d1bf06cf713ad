//! Tables whose column separators were lost: tables written for these tests (2–4 columns,
//! numbers, names, dates, acronyms, money), the four tables of the first sample, and
//! blocks that must stay text (poems, headline lists, short sentences, sports results).

use brief::ingest::text::parse;
use brief::model::{Block, Table};

fn tables(text: &str) -> Vec<Table> {
    parse(text)
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The text as an article: a paragraph of prose, the block, another paragraph.
fn in_article(block: &str) -> String {
    format!(
        "A Headline For The Test\n\nThe officials met on Monday to discuss the plan in detail.\n\n{block}\n\nThe meeting ended without a formal statement from either side."
    )
}

fn one_table(block: &str) -> Table {
    let found = tables(&in_article(block));
    assert_eq!(
        found.len(),
        1,
        "expected one table in:\n{block}\ngot {found:?}"
    );
    found.into_iter().next().unwrap_or_default()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn assert_table(block: &str, header: &[&str], rows: &[&[&str]]) {
    let t = one_table(block);
    assert_eq!(t.header, row(header), "header of\n{block}");
    let want: Vec<Vec<String>> = rows.iter().map(|r| row(r)).collect();
    assert_eq!(t.rows, want, "rows of\n{block}");
}

fn assert_no_table(block: &str) {
    let doc = parse(&in_article(block));
    let found: Vec<&Block> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Table(_)))
        .collect();
    assert!(
        found.is_empty(),
        "no table expected in:\n{block}\ngot {found:?}"
    );
    // Every word of the block is still in the text, in order.
    let shown: Vec<String> = doc
        .sections
        .iter()
        .flat_map(|s| {
            s.heading
                .iter()
                .cloned()
                .chain(s.blocks.iter().map(block_text))
        })
        .collect();
    let shown = shown.join(" ");
    for line in block.lines() {
        assert!(shown.contains(line.trim()), "lost {line:?}");
    }
}

fn block_text(b: &Block) -> String {
    match b {
        Block::Paragraph { text } | Block::Quote { text } => text.clone(),
        Block::Bullets { items } => items.join(" "),
        Block::Table(t) => t.header.join(" "),
    }
}

#[test]
fn sample_000_has_its_four_tables() {
    let raw = include_str!("../../samples/ukraine-talks/000_283513d952b592bb.txt");
    let t = tables(raw);
    assert_eq!(t.len(), 4);
    assert_eq!(t[0].header, row(&["Key Goal", "London Role"]));
    assert_eq!(
        t[0].rows[1],
        row(&[
            "Shape terms for eventual talks",
            "Refine Ukraine’s peace proposals"
        ])
    );
    assert_eq!(
        t[0].rows[2],
        row(&[
            "Signal resolve to Moscow",
            "Public pledges of long-term support"
        ])
    );
    assert_eq!(t[1].header, row(&["Priority Area", "London Goal"]));
    assert_eq!(
        t[1].rows[0],
        row(&[
            "Defense Support",
            "Lock in multi-year arms and training guarantees"
        ])
    );
    assert_eq!(
        t[1].rows[3],
        row(&[
            "Legal Framework",
            "Create mechanisms to use Russian assets for rebuilding"
        ])
    );
    assert_eq!(t[2].header, row(&["Actor", "Priority", "Constraint"]));
    assert_eq!(
        t[2].rows[0],
        row(&[
            "UK Government",
            "Show leadership on Ukraine",
            "Voters wary of new costs"
        ])
    );
    assert_eq!(
        t[2].rows[1],
        row(&[
            "Eastern NATO States",
            "Stronger guarantees for Kyiv",
            "Fear of provoking wider war"
        ])
    );
    assert_eq!(
        t[2].rows[2],
        row(&[
            "Western NATO States",
            "Alliance unity and control of escalation",
            "Domestic politics and budget limits"
        ])
    );
    assert_eq!(t[3].header, row(&["Signal", "What It May Mean"]));
    assert_eq!(
        t[3].rows[3],
        row(&["Strong role for Global South", "Bid for wider legitimacy"])
    );
    assert!(t
        .iter()
        .all(|t| t.rows.iter().all(|r| r.len() == t.header.len())));
}

#[test]
fn three_columns_with_populations() {
    assert_table(
        "Country Capital Population\nFrance Paris 68 million\nGermany Berlin 84 million\nUnited Kingdom London 67 million",
        &["Country", "Capital", "Population"],
        &[
            &["France", "Paris", "68 million"],
            &["Germany", "Berlin", "84 million"],
            &["United Kingdom", "London", "67 million"],
        ],
    );
}

#[test]
fn numbers_only_rows() {
    assert_table(
        "Year Growth Inflation\n2023 2.1% 3.4%\n2024 1.8% 2.9%\n2025 1.5% 2.2%",
        &["Year", "Growth", "Inflation"],
        &[
            &["2023", "2.1%", "3.4%"],
            &["2024", "1.8%", "2.9%"],
            &["2025", "1.5%", "2.2%"],
        ],
    );
}

#[test]
fn money_columns() {
    assert_table(
        "Donor Pledged Delivered\nGermany €7.5 billion €4.2 billion\nFrance €3 billion €1.1 billion\nUnited Kingdom £2.3 billion £1.9 billion",
        &["Donor", "Pledged", "Delivered"],
        &[
            &["Germany", "€7.5 billion", "€4.2 billion"],
            &["France", "€3 billion", "€1.1 billion"],
            &["United Kingdom", "£2.3 billion", "£1.9 billion"],
        ],
    );
}

#[test]
fn sentence_case_columns() {
    assert_table(
        "Option Benefit Risk\nCeasefire now Saves lives immediately Freezes current lines\nPhased deal Builds trust slowly Talks may stall\nNo deal Keeps pressure on Moscow War drags on",
        &["Option", "Benefit", "Risk"],
        &[
            &["Ceasefire now", "Saves lives immediately", "Freezes current lines"],
            &["Phased deal", "Builds trust slowly", "Talks may stall"],
            &["No deal", "Keeps pressure on Moscow", "War drags on"],
        ],
    );
}

#[test]
fn names_then_what_they_said() {
    assert_table(
        "Person Position\nJohn Healey Talks would explore next steps\nMarco Rubio Could not attend the meeting\nYuri Ushakov Witkoff will visit Moscow soon",
        &["Person", "Position"],
        &[
            &["John Healey", "Talks would explore next steps"],
            &["Marco Rubio", "Could not attend the meeting"],
            &["Yuri Ushakov", "Witkoff will visit Moscow soon"],
        ],
    );
}

#[test]
fn dates_in_the_first_column() {
    assert_table(
        "Date Event Place\n8 December 2025 Leaders meet Downing Street\n9 December 2025 Talks move Brussels\n10 December 2025 Envoys arrive Rome",
        &["Date", "Event", "Place"],
        &[
            &["8 December 2025", "Leaders meet", "Downing Street"],
            &["9 December 2025", "Talks move", "Brussels"],
            &["10 December 2025", "Envoys arrive", "Rome"],
        ],
    );
}

#[test]
fn four_columns_with_an_acronym_column() {
    assert_table(
        "Date Event Place Outlet\n8 December 2025 Leaders meet Downing Street BBC\n9 December 2025 Talks move Brussels AFP\n10 December 2025 Envoys arrive Rome ANSA",
        &["Date", "Event", "Place", "Outlet"],
        &[
            &["8 December 2025", "Leaders meet", "Downing Street", "BBC"],
            &["9 December 2025", "Talks move", "Brussels", "AFP"],
            &["10 December 2025", "Envoys arrive", "Rome", "ANSA"],
        ],
    );
}

#[test]
fn acronyms_after_their_names() {
    assert_table(
        "Organisation Acronym Members\nNorth Atlantic Treaty Organization NATO 32\nEuropean Union EU 27\nGroup of Seven G7 7",
        &["Organisation", "Acronym", "Members"],
        &[
            &["North Atlantic Treaty Organization", "NATO", "32"],
            &["European Union", "EU", "27"],
            &["Group of Seven", "G7", "7"],
        ],
    );
}

#[test]
fn votes_per_candidate() {
    assert_table(
        "Candidate Votes\nMaria Lopez 12,400\nJohn Smith 9,870\nAna Petrova 4,150",
        &["Candidate", "Votes"],
        &[
            &["Maria Lopez", "12,400"],
            &["John Smith", "9,870"],
            &["Ana Petrova", "4,150"],
        ],
    );
}

#[test]
fn header_with_a_lower_case_function_word() {
    assert_table(
        "Head of State Position\nKing Charles Welcomes leaders to Windsor\nPresident Macron Pushes for joint guarantees\nChancellor Merz Urges caution on frozen assets",
        &["Head of State", "Position"],
        &[
            &["King Charles", "Welcomes leaders to Windsor"],
            &["President Macron", "Pushes for joint guarantees"],
            &["Chancellor Merz", "Urges caution on frozen assets"],
        ],
    );
}

#[test]
fn wide_gaps_are_columns() {
    assert_table(
        "Team  Points  Goal Difference\nArsenal  74  +41\nManchester City  70  +38",
        &["Team", "Points", "Goal Difference"],
        &[&["Arsenal", "74", "+41"], &["Manchester City", "70", "+38"]],
    );
}

#[test]
fn two_rows_right_after_a_list_without_a_blank_line() {
    let t = one_table(
        "The plan covers:\n  • Energy\n  • Housing\nSector Next Step\nEnergy grids Repair substations before winter\nHousing Rebuild damaged blocks in Kharkiv",
    );
    assert_eq!(t.header, row(&["Sector", "Next Step"]));
    assert_eq!(
        t.rows,
        vec![
            row(&["Energy grids", "Repair substations before winter"]),
            row(&["Housing", "Rebuild damaged blocks in Kharkiv"]),
        ]
    );
}

#[test]
fn table_between_one_line_paragraphs() {
    let text = "Allies Weigh Options\nThe allies weighed three options on Tuesday, officials said.\nPlan Supporters\nPhased ceasefire France and Germany\nFull withdrawal Baltic states\nThe discussion will continue next week in Brussels, diplomats said.";
    let t = tables(text);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(
        t[0].rows[0],
        row(&["Phased ceasefire", "France and Germany"])
    );
    assert_eq!(t[0].rows[1], row(&["Full withdrawal", "Baltic states"]));
}

#[test]
fn ambiguous_names_and_countries_stay_text_with_a_warning() {
    let block = "Leader Country Role\nVolodymyr Zelensky Ukraine Seeks security guarantees\nEmmanuel Macron France Hosts coalition talks\nGiorgia Meloni Italy Backs air defence aid";
    let doc = parse(&in_article(block));
    assert!(tables(&in_article(block)).is_empty());
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(doc.warnings[0].contains("table"), "{:?}", doc.warnings);
    assert_no_table(block);
}

#[test]
fn poems_are_not_tables() {
    assert_no_table("Autumn Leaves\nGolden light on the water\nQuiet hills beneath the rain\nNothing left but the wind");
    assert_no_table("Roses are red\nViolets are blue\nSugar is sweet\nAnd so are you");
}

#[test]
fn headline_lists_are_not_tables() {
    assert_no_table("Top Stories\nCeasefire Talks Resume in London\nMarkets Rally as Oil Falls\nStorm Hits Coast");
    assert_no_table("Keir Starmer\nEmmanuel Macron\nFriedrich Merz\nGiorgia Meloni");
}

#[test]
fn short_sentences_without_full_stops_are_not_tables() {
    assert_no_table("Meeting Notes\nDelegates arrived early\nTalks began at noon London time\nNobody signed anything");
    assert_no_table(
        "We met at noon\nThe talks went well\nNobody signed anything\nEveryone went home",
    );
}

#[test]
fn sports_results_are_not_tables() {
    assert_no_table(
        "Tennis Results\nSandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1\nTim Henman (Britain) beat Doug Flach (U.S.) 6-3 6-4 6-2\nGuy Forget (France) beat Felix Mantilla (Spain) 6-4 7-5 6-3",
    );
    assert_no_table("American League\nDETROIT 4 Kansas City 1\nMinnesota 6 MILWAUKEE 1\nCALIFORNIA 14 New York 3\nSEATTLE 9 Baltimore 6");
    assert_no_table(
        "Division B\nSloboda 4 Mladost (BJ) 0\nRudar 0 OFK Kikinda 1\nSutjeska 1 Loznica 0",
    );
}

#[test]
fn every_row_has_as_many_cells_as_the_header() {
    for block in [
        "Actor Priority Constraint\nUK Government Show leadership on Ukraine Voters wary of new costs\nEastern NATO States Stronger guarantees for Kyiv Fear of provoking wider war",
        "Country Capital Population\nFrance Paris 68 million\nGermany Berlin 84 million",
    ] {
        let t = one_table(block);
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()), "{t:?}");
        // No word lost or reordered.
        let words: Vec<String> = t.rows.iter().flatten().flat_map(|c| c.split(' ').map(String::from)).collect();
        let source: Vec<String> = block.lines().skip(1).flat_map(|l| l.split(' ').map(String::from)).collect();
        assert_eq!(words, source);
    }
}

#[test]
fn a_guess_inside_a_run_of_names_is_not_confident() {
    // Three header words but two columns; reading three would cut "Kharkiv | Region".
    let block = "Sector Next Step\nEnergy grids Repair substations in Kharkiv Region\nHousing Rebuild blocks near Odesa Port\nWater Restore pumping in Mykolaiv Oblast";
    let doc = parse(&in_article(block));
    assert!(tables(&in_article(block)).is_empty());
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
}

#[test]
fn year_columns() {
    assert_table(
        "Indicator 2024 2025\nGDP growth 1.2% 1.5%\nUnemployment 4.1% 4.3%\nInflation rate 2.0% 2.4%",
        &["Indicator", "2024", "2025"],
        &[
            &["GDP growth", "1.2%", "1.5%"],
            &["Unemployment", "4.1%", "4.3%"],
            &["Inflation rate", "2.0%", "2.4%"],
        ],
    );
}

#[test]
fn one_word_status_column() {
    assert_table(
        "Item Status\nEnergy talks Stalled\nPrisoner swap Agreed in principle\nGrain corridor Open",
        &["Item", "Status"],
        &[
            &["Energy talks", "Stalled"],
            &["Prisoner swap", "Agreed in principle"],
            &["Grain corridor", "Open"],
        ],
    );
}

#[test]
fn names_with_titles_are_a_list_not_a_table() {
    assert_no_table("Leader Office\nKeir Starmer Prime Minister\nEmmanuel Macron President\nFriedrich Merz Chancellor");
}
