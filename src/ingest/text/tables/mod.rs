//! Tables whose column separators were lost by scraping.
//!
//! [`find`] scans a run of text lines for a header-shaped line (short, every word
//! capitalised) followed by at least two row-shaped lines (short, capitalised start, no
//! sentence end). For such a block, [`recover`] tries every column count the header
//! allows: each row is cut by [`split`], the per-row choices are then re-ranked for
//! consistency (a column keeps one cell shape: title-case names, sentence-case phrases
//! or numbers), and the header is cut by [`header`]. A block is a table only when every
//! row is cut with confidence and most cuts are strong; a block that looks like a table
//! but cannot be cut with confidence is reported as [`Outcome::Unsure`].

mod header;
mod split;

use super::lines::{Kind, Line};
use super::words::{is_acronym, is_capitalised, is_function_word, is_lowercase_word, is_numeric};
use crate::model::Table;
use split::{Cut, STRONG};

/// The widest table we try: more columns than this are not recoverable from text.
const MAX_COLUMNS: usize = 6;

/// Longer runs are cut into several blocks; it bounds the work per header line.
const MAX_ROWS: usize = 60;

/// A block of lines that is (or looks like) a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the header line in the given slice.
    pub start: usize,
    /// One past the last row.
    pub end: usize,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Table(Table),
    /// Table-shaped, but no column split was confident: keep the lines as text.
    Unsure,
}

/// Every table-shaped block in a run of consecutive text lines, in order.
pub fn find(lines: &[Line]) -> Vec<Found> {
    // Row-shaped runs counted once from the end, so the scan stays linear.
    let mut run_after = vec![0usize; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        run_after[i] = if is_row_like(&lines[i].text) {
            run_after[i + 1] + 1
        } else {
            0
        };
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let rows = run_after[i + 1].min(MAX_ROWS);
        if rows >= 2 && is_header_like(&lines[i].text) {
            let end = i + 1 + rows;
            if let Some(outcome) = recover(&lines[i], &lines[i + 1..end]) {
                found.push(Found {
                    start: i,
                    end,
                    outcome,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Whether a table (or a table-shaped block) starts at the first of these lines: such a
/// line is neither a headline nor a heading without body text.
pub fn starts_here(lines: &[Line]) -> bool {
    let run = lines
        .iter()
        .take(MAX_ROWS + 1)
        .take_while(|l| l.kind == Kind::Text)
        .count();
    run >= 3 && find(&lines[..run]).first().is_some_and(|f| f.start == 0)
}

fn is_header_like(text: &str) -> bool {
    if text.len() > 320 {
        return false;
    }
    let words: Vec<&str> = text.split(' ').collect();
    // Column names are words; a number in a header is a year ("Metric 2024 2025"). This
    // keeps a first data row ("Puchon 3 1 0 6") or a score line ("LG 2 OB 0") out.
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let wordy = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    (2..=8).contains(&words.len())
        && wordy * 2 >= words.len()
        && text.chars().count() <= 80
        && super::dates::normalize(text).is_none()
        && !is_function_word(words[0])
        && !text.contains(['(', ')', ':', ';', ','])
        && !super::words::ends_sentence(text)
        && words.iter().all(|w| {
            is_capitalised(w)
                || is_year(w)
                || is_function_word(w)
                || matches!(*w, "&" | "/" | "%" | "#" | "-" | "–")
        })
}

fn is_row_like(text: &str) -> bool {
    if text.len() > 800 {
        return false;
    }
    let n = text.split(' ').count();
    let first = text.split(' ').next().unwrap_or("");
    (2..split::MAX_TOKENS).contains(&n)
        && text.chars().count() <= 200
        && (is_capitalised(first) || is_numeric(first))
        && !super::words::ends_sentence(text)
        && !text.ends_with([':', ',', ';'])
}

/// Recovers the table of a header and its rows; `None` when the block shows no sign of
/// lost separators (a list of names or headlines), so it is plain text, not a failure.
pub fn recover(head: &Line, rows: &[Line]) -> Option<Outcome> {
    if let Some(table) = split_on_wide_gaps(head, rows) {
        return Some(Outcome::Table(table));
    }
    let head_tokens: Vec<&str> = head.words().collect();
    let row_tokens: Vec<Vec<&str>> = rows.iter().map(|r| r.words().collect()).collect();
    let row_strengths: Vec<Vec<Option<f64>>> =
        row_tokens.iter().map(|t| split::strengths(t)).collect();
    // Without a strong gap in most rows this is a list of names or headlines.
    let with_strong = row_strengths
        .iter()
        .filter(|s| s.iter().flatten().any(|&v| v >= STRONG))
        .count();
    if with_strong * 2 < rows.len() {
        return None;
    }
    let max_k = head_tokens.len().min(MAX_COLUMNS);
    // Rows with more strong gaps than the header has room for are not this header's rows:
    // score lines ("DETROIT 4 Kansas City 1") under a "American League" line.
    let crowded = row_strengths
        .iter()
        .filter(|s| s.iter().flatten().filter(|&&v| v >= STRONG).count() >= max_k)
        .count();
    if crowded * 2 > rows.len() {
        return None;
    }
    // A header of single words names one column per word: when every row can be cut
    // that way, that is the reading, and if it is not confident neither is the block
    // ("Leader Country Role" over "Volodymyr Zelensky Ukraine Seeks…" must not become two
    // columns just because names and countries run together).
    let natural = try_columns(max_k, &head_tokens, &row_tokens, &row_strengths)
        .filter(|_| head_tokens.len() <= MAX_COLUMNS);
    let best = natural.or_else(|| {
        (2..max_k)
            .filter_map(|k| try_columns(k, &head_tokens, &row_tokens, &row_strengths))
            .max_by(|a, b| a.score.total_cmp(&b.score))
    });
    Some(match best {
        Some(c) if c.confident => Outcome::Table(c.table),
        _ => Outcome::Unsure,
    })
}

struct Candidate {
    table: Table,
    score: f64,
    confident: bool,
}

fn try_columns(
    k: usize,
    head: &[&str],
    rows: &[Vec<&str>],
    strengths: &[Vec<Option<f64>>],
) -> Option<Candidate> {
    let (header, header_cost) = header::split(head, k)?;
    let options: Vec<Vec<Cut>> = strengths.iter().map(|s| split::best(s, k, 6)).collect();
    if options.iter().any(Vec::is_empty) {
        return None;
    }
    let picks = consistent_picks(rows, &options);
    // Between column counts the rows explain equally well, the header decides.
    let mut score = -0.5 * header_cost;
    let mut confident = true;
    let (mut strong, mut total) = (0usize, 0usize);
    let mut table_rows = Vec::with_capacity(rows.len());
    for (((tokens, gaps), opts), (pick, margin)) in
        rows.iter().zip(strengths).zip(&options).zip(&picks)
    {
        let cut = &opts[*pick];
        score += cut.score;
        confident &= cut.weakest >= STRONG || *margin >= 1.0;
        strong += cut
            .cuts
            .iter()
            .filter(|&&i| gaps.get(i).copied().flatten().unwrap_or(0.0) >= STRONG)
            .count();
        total += cut.cuts.len();
        table_rows.push(split::cells(tokens, &cut.cuts));
    }
    confident &= strong * 2 >= total;
    Some(Candidate {
        table: Table {
            header,
            rows: table_rows,
        },
        score,
        confident,
    })
}

/// How a cell reads: a column usually keeps one shape from row to row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// "UK Government", "Legal Framework": every word capitalised.
    Title,
    /// "Show leadership on Ukraine": a capital, then lower-case words.
    Sentence,
    /// "2.1%", "67 million".
    Number,
    /// "NATO", "BBC".
    Acronym,
}

fn shape(cell: &[&str]) -> Shape {
    if cell.first().is_some_and(|w| is_numeric(w)) {
        Shape::Number
    } else if cell.iter().all(|w| is_acronym(w)) {
        Shape::Acronym
    } else if cell
        .iter()
        .any(|w| is_lowercase_word(w) && !is_function_word(w))
    {
        Shape::Sentence
    } else {
        Shape::Title
    }
}

/// For each row, the chosen option and its margin over the runner-up, after rewarding
/// options whose cell shapes agree with the other rows' columns.
fn consistent_picks(rows: &[Vec<&str>], options: &[Vec<Cut>]) -> Vec<(usize, f64)> {
    let shapes_of = |tokens: &[&str], cut: &Cut| -> Vec<Shape> {
        let mut bounds = vec![0];
        bounds.extend_from_slice(&cut.cuts);
        bounds.push(tokens.len());
        bounds
            .windows(2)
            .map(|w| shape(&tokens[w[0]..w[1]]))
            .collect()
    };
    let mut picks: Vec<usize> = vec![0; rows.len()];
    let mut margins = vec![f64::MAX; rows.len()];
    for _round in 0..3 {
        let chosen: Vec<Vec<Shape>> = rows
            .iter()
            .zip(options)
            .zip(&picks)
            .map(|((t, o), &p)| shapes_of(t, &o[p]))
            .collect();
        for (r, (tokens, opts)) in rows.iter().zip(options).enumerate() {
            let mut scored: Vec<(usize, f64)> = opts
                .iter()
                .enumerate()
                .map(|(j, cut)| {
                    let agree: usize = shapes_of(tokens, cut)
                        .iter()
                        .enumerate()
                        .map(|(col, s)| {
                            chosen
                                .iter()
                                .enumerate()
                                .filter(|(other, c)| *other != r && c.get(col) == Some(s))
                                .count()
                        })
                        .sum();
                    let others = (rows.len() - 1).max(1) as f64;
                    (j, cut.score + 1.5 * agree as f64 / others)
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            picks[r] = scored[0].0;
            margins[r] = scored.get(1).map_or(f64::MAX, |s| scored[0].1 - s.1);
        }
    }
    picks.into_iter().zip(margins).collect()
}

/// Some scrapes keep two or more spaces between cells: then the gaps are the columns.
fn split_on_wide_gaps(head: &Line, rows: &[Line]) -> Option<Table> {
    let cells = |l: &Line| -> Vec<String> {
        l.raw
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    if head.widest_gap < 2 || rows.iter().any(|r| r.widest_gap < 2) {
        return None;
    }
    let header = cells(head);
    let rows: Vec<Vec<String>> = rows.iter().map(cells).collect();
    let k = header.len();
    (k >= 2 && rows.iter().all(|r| r.len() == k)).then_some(Table { header, rows })
}
