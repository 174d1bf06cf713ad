//! Body lines into sections of blocks.
//!
//! The body is cut into chunks at blank and removed lines. Inside a chunk, runs of
//! bullet lines become a list, `>` lines a quote, and runs of text lines go first to the
//! table finder, then line by line to the heading rule; what is left is joined into
//! paragraphs. A heading starts a new [`Section`].
//!
//! A line is a heading when it is short, has no end punctuation, starts a chunk or
//! follows a finished sentence, and introduces body text (the next line is prose, a
//! list or a quote). Wrapped lines are joined into one paragraph; in files with one
//! paragraph (or sentence) per line, each line stays its own paragraph.

use super::lines::{Kind, Line};
use super::tables::{self, Outcome};
use super::words::{ends_sentence, is_function_word, is_lowercase_word, is_numeric};
use super::{dates, Role};
use crate::model::{Block, Section};

/// What a chunk turns into, in order.
enum Item {
    Heading(String),
    Block(Block),
}

/// Sections of the body, and warnings about what could not be recovered.
pub fn build(lines: &[Line], roles: &[Role]) -> (Vec<Section>, Vec<String>) {
    let mut items = Vec::new();
    let mut warnings = Vec::new();
    for chunk in chunks(lines, roles) {
        read_chunk(lines, roles, &chunk, &mut items, &mut warnings);
    }
    let mut sections = vec![Section::default()];
    for item in items {
        match item {
            Item::Heading(h) => sections.push(Section {
                heading: Some(h),
                blocks: Vec::new(),
            }),
            Item::Block(b) => {
                if let Some(last) = sections.last_mut() {
                    last.blocks.push(b);
                }
            }
        }
    }
    sections.retain(|s| s.heading.is_some() || !s.blocks.is_empty());
    (sections, warnings)
}

/// Runs of body lines between blank, removed and title lines.
fn chunks(lines: &[Line], roles: &[Role]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for (i, (line, role)) in lines.iter().zip(roles).enumerate() {
        let body = matches!(role, Role::Body | Role::Dateline) && !line.is_blank();
        match out.last_mut() {
            Some(current) if body => current.push(i),
            Some(current) if !current.is_empty() => out.push(Vec::new()),
            _ => {}
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

fn read_chunk(
    lines: &[Line],
    roles: &[Role],
    chunk: &[usize],
    items: &mut Vec<Item>,
    warnings: &mut Vec<String>,
) {
    let mut k = 0;
    while k < chunk.len() {
        let line = &lines[chunk[k]];
        let run_end = k + chunk[k..]
            .iter()
            .take_while(|&&i| same_run(line, &lines[i], roles[i]))
            .count();
        match line.kind {
            Kind::Bullet => {
                let (block, used) = bullets(lines, &chunk[k..]);
                items.push(Item::Block(block));
                k += used;
                continue;
            }
            Kind::Quote => {
                let text: Vec<&str> = chunk[k..run_end]
                    .iter()
                    .map(|&i| lines[i].text.as_str())
                    .collect();
                items.push(Item::Block(Block::Quote {
                    text: text.join(" "),
                }));
            }
            _ => text_run(lines, roles, chunk, k, run_end, items, warnings),
        }
        k = run_end.max(k + 1);
    }
}

fn same_run(first: &Line, line: &Line, role: Role) -> bool {
    match first.kind {
        Kind::Text => line.kind == Kind::Text || role == Role::Dateline,
        kind => line.kind == kind,
    }
}

/// A list from consecutive items; indented or lower-case text lines continue an item.
fn bullets(lines: &[Line], rest: &[usize]) -> (Block, usize) {
    let mut items: Vec<String> = Vec::new();
    let mut used = 0;
    let mut indent = 0;
    for &i in rest {
        let l = &lines[i];
        match l.kind {
            Kind::Bullet => {
                items.push(l.text.clone());
                indent = l.indent;
            }
            Kind::Text if !items.is_empty() && (l.indent > indent || starts_lower(&l.text)) => {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(&l.text);
                }
            }
            _ => break,
        }
        used += 1;
    }
    (Block::Bullets { items }, used.max(1))
}

#[allow(clippy::too_many_arguments)]
fn text_run(
    lines: &[Line],
    roles: &[Role],
    chunk: &[usize],
    start: usize,
    end: usize,
    items: &mut Vec<Item>,
    warnings: &mut Vec<String>,
) {
    let run: Vec<Line> = chunk[start..end]
        .iter()
        .map(|&i| lines[i].clone())
        .collect();
    let found = tables::find(&run);
    let wrapped = is_hard_wrapped(&run);
    let mut paragraph: Option<String> = None;
    let mut k = 0;
    while k < run.len() {
        if let Some(f) = found.iter().find(|f| f.start == k) {
            flush(&mut paragraph, items);
            match &f.outcome {
                Outcome::Table(t) => items.push(Item::Block(Block::Table(t.clone()))),
                Outcome::Unsure => {
                    warnings.push(format!(
                        "lines {}–{} look like a table whose column separators were lost, but its columns could not be told apart with confidence; kept as text",
                        run[f.start].no,
                        run[f.end - 1].no
                    ));
                    for l in &run[f.start..f.end] {
                        items.push(Item::Block(Block::Paragraph {
                            text: l.text.clone(),
                        }));
                    }
                }
            }
            k = f.end;
            continue;
        }
        let gi = chunk[start + k];
        let line = &run[k];
        let after_break = if k == 0 {
            paragraph.is_none() && finished(items.last())
        } else {
            ends_sentence(&run[k - 1].text) || found.iter().any(|f| f.end == k)
        };
        if roles[gi] == Role::Dateline {
            flush(&mut paragraph, items);
            items.push(Item::Block(Block::Paragraph {
                text: line.text.clone(),
            }));
        } else if after_break && is_heading(lines, gi, chunk.len() == 1) {
            flush(&mut paragraph, items);
            items.push(Item::Heading(line.text.clone()));
        } else {
            match paragraph.as_mut() {
                Some(p) if joins(p, &line.text, wrapped) => {
                    p.push(' ');
                    p.push_str(&line.text);
                }
                _ => {
                    flush(&mut paragraph, items);
                    paragraph = Some(line.text.clone());
                }
            }
        }
        k += 1;
    }
    flush(&mut paragraph, items);
}

/// Whether what came before is complete, so that a heading may follow: a heading never
/// interrupts a sentence (scrapes that drop words leave such fragments on their own).
fn finished(previous: Option<&Item>) -> bool {
    match previous {
        None => true,
        Some(Item::Heading(_)) => false,
        Some(Item::Block(Block::Paragraph { text })) => ends_sentence(text),
        Some(Item::Block(_)) => true,
    }
}

fn flush(paragraph: &mut Option<String>, items: &mut Vec<Item>) {
    if let Some(text) = paragraph.take() {
        items.push(Item::Block(Block::Paragraph { text }));
    }
}

/// Whether line `b` continues the paragraph ending in `a` (text wrapped by a width)
/// rather than starting a new one (one paragraph or sentence per line).
fn joins(a: &str, b: &str, wrapped: bool) -> bool {
    if ends_sentence(a) || a.ends_with(':') {
        return false;
    }
    let last = a.rsplit(' ').next().unwrap_or(a);
    wrapped
        || starts_lower(b)
        || b.starts_with(|c: char| c.is_ascii_digit() || matches!(c, ')' | ',' | ';'))
        || a.ends_with([',', '-', '–', '('])
        || is_function_word(last)
}

/// Lines cut at a fixed width: most end mid-sentence and they are of similar length.
fn is_hard_wrapped(run: &[Line]) -> bool {
    let body: Vec<usize> = run[..run.len().saturating_sub(1)]
        .iter()
        .map(|l| l.text.chars().count())
        .collect();
    if body.len() < 2 {
        return false;
    }
    let open = run[..body.len()]
        .iter()
        .filter(|l| !ends_sentence(&l.text))
        .count();
    let longest = body.iter().copied().max().unwrap_or(0);
    let even = body.iter().filter(|&&n| n * 4 >= longest * 3).count();
    let mean = body.iter().sum::<usize>() / body.len();
    open * 2 >= body.len() && even * 4 >= body.len() * 3 && (55..=120).contains(&mean)
}

/// The heading rule for the text line `i`; `alone` when it is the only line of its chunk.
fn is_heading(lines: &[Line], i: usize, alone: bool) -> bool {
    let text = lines[i].text.as_str();
    if !heading_shape(text) || (starts_lower(text) && !alone) {
        return false;
    }
    let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
        return false;
    };
    let next = &lines[j];
    // A lower-case line after it continues a sentence the scrape broke.
    if starts_lower(&next.text) {
        return false;
    }
    let words = next.words().count();
    match next.kind {
        Kind::Bullet | Kind::Quote => true,
        Kind::Text => {
            (ends_sentence(&next.text) && words >= 5)
                || words >= 20
                || tables::starts_here(&lines[j..])
        }
        Kind::Blank => false,
    }
}

fn heading_shape(text: &str) -> bool {
    if text.len() > 600 {
        return false;
    }
    let words: Vec<&str> = text.split(' ').collect();
    let numeric = words.iter().filter(|w| is_numeric(w)).count();
    let last = words.last().copied().unwrap_or("");
    let lower_start = starts_lower(text);
    words.len() <= 18
        && text.chars().count() <= 150
        && (!ends_sentence(text) || text.ends_with('?'))
        && !text.ends_with([':', ',', ';', '-', '–', '—', '('])
        && text.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\''))
        && text.chars().any(char::is_alphabetic)
        && !is_function_word(last)
        && !(lower_start && words.len() > 5)
        && numeric * 3 <= words.len()
        && !text.contains(';')
        && !(text.contains('(') && text.contains(','))
        && !text.contains(",\"")
        && !text.contains(",”")
        && !has_inner_sentence_end(&words)
        && dates::normalize(text).is_none()
}

/// "held off Leslie Djhone of France. France's": two sentence pieces, not a heading.
fn has_inner_sentence_end(words: &[&str]) -> bool {
    words[..words.len().saturating_sub(1)].iter().any(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let core = w.trim_end_matches(['.', '!', '?', '"', '”', ')']);
        ends_sentence(w) && letters >= 3 && !core.contains('.')
    })
}

fn starts_lower(text: &str) -> bool {
    text.split(' ').next().is_some_and(is_lowercase_word)
}
