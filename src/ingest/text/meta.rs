//! What the top of a scraped article says about it: title, outlet, byline, date, category,
//! URL. [`scan`] reads the head (the lines before the first paragraph of prose), takes
//! what each metadata line tells and marks it [`Role::Removed`], so the line is kept
//! aside rather than shown. `Category:` lines count anywhere; a `Document Date:` (a crawl
//! date) never becomes the publication date.

use super::boilerplate::is_breadcrumb;
use super::fields::{
    bare_date, byline, clean_category, dateline, is_domain, is_section_word, labelled, url_line,
};
use super::lines::{Kind, Line};
use super::title::{clean_headline, is_headline, split_source};
use super::words::{ends_sentence, is_capitalised};
use super::{dates, tables, Role};

/// Metadata lines are looked for among this many non-blank lines at the top.
const HEAD_LINES: usize = 20;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub category: Option<String>,
    pub url: Option<String>,
}

/// Reads the metadata and assigns roles to the lines it consumed.
pub fn scan(lines: &[Line], roles: &mut [Role]) -> Meta {
    let mut meta = Meta::default();
    for (line, role) in lines.iter().zip(roles.iter_mut()) {
        if let Some(value) = labelled(&line.text, &["category", "categories", "section"]) {
            meta.category = meta.category.take().or_else(|| clean_category(value));
            *role = Role::Removed;
        } else if is_breadcrumb(&line.text) {
            // "Home > World > Europe": the last step names the section.
            let last = line.text.rsplit(['>', '›', '»']).next().map(str::trim);
            meta.category = meta
                .category
                .take()
                .or_else(|| last.and_then(clean_category));
        }
    }
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && roles[i] == Role::Body)
        .take(HEAD_LINES)
        .collect();
    // Wire copy writes its headline as a sentence ("Jones Medical completes
    // acquisition.") and puts a dateline, a date or a byline within the next few lines
    // (an author's name or a two-line dateline may come first): that line is a headline.
    if let [first, ref rest @ ..] = candidates[..] {
        let text = &lines[first].text;
        let short = (2..=16).contains(&lines[first].words().count());
        let marked = rest.iter().take(3).any(|&i| {
            let t = &lines[i].text;
            dateline(t).is_some() || bare_date(t).is_some() || byline(t).is_some()
        });
        if short && marked && ends_sentence(text) && is_capitalised(text) && !is_headline(text) {
            meta.title = Some(text.trim_end_matches('.').to_string());
            roles[first] = Role::Title;
        }
    }
    let head = candidates
        .iter()
        .copied()
        .filter(|&i| roles[i] == Role::Body)
        .take_while(|&i| !is_prose(&lines[i]))
        .collect::<Vec<_>>();
    for (n, i) in head.into_iter().enumerate() {
        if meta.title.is_none() && tables::starts_here(&lines[i..]) {
            break;
        }
        roles[i] = read_line(&lines[i].text, n == 0, &mut meta);
    }
    meta
}

/// The first line of prose ends the head (a wire headline in capitals is not prose).
fn is_prose(line: &Line) -> bool {
    line.kind == Kind::Bullet
        || (line.kind == Kind::Text
            && line.words().count() >= 8
            && (ends_sentence(&line.text) || line.text.ends_with(':'))
            && !is_headline(&line.text))
}

fn read_line(text: &str, first: bool, meta: &mut Meta) -> Role {
    if first && meta.title.is_none() && is_section_word(text) {
        meta.category = meta.category.take().or_else(|| Some(text.to_string()));
        return Role::Removed;
    }
    if let Some(value) = labelled(
        text,
        &["published", "posted", "published on", "posted on", "date"],
    ) {
        if let Some(date) = dates::normalize(value) {
            meta.published.get_or_insert(date);
            return Role::Removed;
        }
    }
    if let Some(value) = labelled(text, &["updated", "last updated", "modified"]) {
        if dates::normalize(value).is_some() {
            return Role::Removed;
        }
    }
    if let Some(date) = bare_date(text) {
        meta.published.get_or_insert(date);
        return Role::Removed;
    }
    if let Some(date) = dateline(text) {
        meta.published.get_or_insert(date);
        return Role::Dateline;
    }
    if let Some(name) = byline(text) {
        meta.byline.get_or_insert(name);
        // "By Jane Doe | December 8, 2025": the date after the bar is the publication date.
        let after = text.split_once(['|', '•', '·']).map(|(_, rest)| rest);
        if let Some(date) = after.and_then(dates::normalize) {
            meta.published.get_or_insert(date);
        }
        return Role::Removed;
    }
    if let Some(url) = url_line(text) {
        meta.url.get_or_insert(url);
        return Role::Removed;
    }
    if let Some(value) = labelled(text, &["source", "outlet", "publisher"]) {
        if !value.is_empty() && value.split(' ').count() <= 6 {
            meta.source.get_or_insert(value.to_string());
            return Role::Removed;
        }
    }
    if is_domain(text) {
        meta.source.get_or_insert(text.to_string());
        return Role::Removed;
    }
    if let Some((headline, outlet)) = split_source(text) {
        meta.source.get_or_insert(outlet.to_string());
        if meta.title.is_none() {
            meta.title = Some(headline.to_string());
            return Role::Title;
        }
        return Role::Removed;
    }
    if meta.title.is_none() && is_headline(text) {
        meta.title = Some(clean_headline(text));
        return Role::Title;
    }
    Role::Body
}
