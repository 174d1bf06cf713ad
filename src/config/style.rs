//! `[theme]`: a preset, then per-element styles laid over it. An element is either a
//! table (`{ fg = "yellow", bg = "238", modifiers = ["bold"] }`, each field overlaying the
//! preset's) or a short string that replaces the whole style (`"bold yellow on 238"`).
//! Colours are names, indexes 0–255 or `#rrggbb`, parsed by ratatui.

use super::problem::Report;
use super::source::{self, entries, Value};
use super::theme::{Theme, ELEMENTS, PRESETS};
use crate::suggest;
use ratatui::style::{Color, Modifier, Style};
use std::str::FromStr;
use toml::de::DeValue;

const STYLE_FIELDS: [&str; 3] = ["fg", "bg", "modifiers"];

const COLOUR_NAMES: [&str; 19] = [
    "default",
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark_gray",
    "light_red",
    "light_green",
    "light_yellow",
    "light_blue",
    "light_magenta",
    "light_cyan",
    "white",
    "reset",
    "none",
];

const MODIFIERS: [(&str, Modifier); 13] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("underline", Modifier::UNDERLINED),
    ("slow_blink", Modifier::SLOW_BLINK),
    ("blink", Modifier::SLOW_BLINK),
    ("rapid_blink", Modifier::RAPID_BLINK),
    ("reversed", Modifier::REVERSED),
    ("reverse", Modifier::REVERSED),
    ("hidden", Modifier::HIDDEN),
    ("crossed_out", Modifier::CROSSED_OUT),
    ("strikethrough", Modifier::CROSSED_OUT),
];

pub fn apply(theme: &mut Theme, value: &Value<'_>, report: &mut Report<'_>) {
    let Some(table) = source::table(value, "theme", report) else {
        return;
    };
    // The preset applies first wherever it is written, so elements always overlay it.
    if let Some(p) = table.get("preset") {
        if let Some(name) = source::string(p, "theme.preset", report) {
            match Theme::preset(name) {
                Some(preset) => *theme = preset,
                None => report.error(
                    p.span(),
                    format!(
                        "unknown preset `{name}`{}",
                        or_list(name, &PRESETS, "the presets are")
                    ),
                ),
            }
        }
    }
    let known: Vec<&str> = std::iter::once("preset").chain(ELEMENTS).collect();
    for (key, value) in entries(table) {
        let name = key.get_ref().as_ref();
        if name == "preset" {
            continue;
        }
        let Some(style) = theme.get_mut(name) else {
            source::unknown_field(report, key, name, "theme", &known);
            continue;
        };
        match value.get_ref() {
            DeValue::String(s) => match parse_short(s) {
                Ok(new) => *style = new,
                Err(msg) => report.error(value.span(), msg),
            },
            DeValue::Table(fields) => {
                for (field, v) in entries(fields) {
                    let f = field.get_ref().as_ref();
                    let what = format!("theme.{name}.{f}");
                    let result = match f {
                        "fg" | "bg" => source::string(v, &what, report).map(|s| {
                            parse_colour(s).map(|c| {
                                if f == "fg" {
                                    style.fg = c;
                                } else {
                                    style.bg = c;
                                }
                            })
                        }),
                        "modifiers" => modifiers(v, &what, report).map(|m| {
                            m.map(|m| {
                                style.add_modifier = m;
                                style.sub_modifier = Modifier::empty();
                            })
                        }),
                        other => {
                            let table = format!("theme.{name}");
                            source::unknown_field(report, field, other, &table, &STYLE_FIELDS);
                            None
                        }
                    };
                    if let Some(Err(msg)) = result {
                        report.error(v.span(), msg);
                    }
                }
            }
            other => report.error(
                value.span(),
                format!(
                    "`theme.{name}` must be a table ({{ fg = \"yellow\", bg = \"238\", modifiers \
                     = [\"bold\"] }}) or a string (\"bold yellow on 238\"), not {}",
                    source::article(other.type_str())
                ),
            ),
        }
    }
}

fn or_list(typo: &str, names: &[&str], lead: &str) -> String {
    let hint = suggest::hint(typo, names.iter().copied());
    if hint.is_empty() {
        format!("; {lead} {}", names.join(", "))
    } else {
        hint
    }
}

/// `["bold", "underlined"]` or `"bold underlined"`. `Some(Err)` is a bad name.
fn modifiers(
    v: &Value<'_>,
    what: &str,
    report: &mut Report<'_>,
) -> Option<Result<Modifier, String>> {
    let words: Vec<&str> = match v.get_ref() {
        DeValue::String(s) => s.split_whitespace().collect(),
        DeValue::Array(items) => {
            let mut words = Vec::new();
            for item in items.iter() {
                words.push(source::string(item, what, report)?);
            }
            words
        }
        _ => {
            report.error(v.span(), format!("`{what}` must be a list like [\"bold\"]"));
            return None;
        }
    };
    Some(words.into_iter().try_fold(Modifier::empty(), |acc, w| {
        parse_modifier(w).map(|m| acc | m)
    }))
}

fn parse_modifier(word: &str) -> Result<Modifier, String> {
    let lower = word.to_ascii_lowercase().replace('-', "_");
    MODIFIERS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, m)| *m)
        .ok_or_else(|| {
            let names: Vec<&str> = MODIFIERS.iter().map(|(n, _)| *n).collect();
            format!(
                "unknown modifier `{word}`{}",
                or_list(&lower, &names, "the modifiers are")
            )
        })
}

/// A colour; `None` for the terminal's own (`"default"`, `"none"`).
pub fn parse_colour(s: &str) -> Result<Option<Color>, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("default") || t.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    if let Ok(c) = Color::from_str(t) {
        return Ok(Some(c));
    }
    if t.starts_with('#') {
        return Err(format!(
            "`{s}` is not a hex colour: write six hex digits, as in `#ffaa00`"
        ));
    }
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("colour index `{s}` is out of range: use 0 to 255"));
    }
    let key = t.to_ascii_lowercase().replace([' ', '-'], "_");
    Err(format!(
        "unknown colour `{s}`{}",
        or_list(
            &key,
            &COLOUR_NAMES,
            "use an index 0–255, `#rrggbb` or a name:"
        )
    ))
}

/// `"bold yellow on 238"`: modifiers, an optional foreground, `on` and a background.
pub fn parse_short(s: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = s.split_whitespace().peekable();
    let mut fg_set = false;
    while let Some(w) = words.next() {
        if w.eq_ignore_ascii_case("on") {
            let bg = words
                .next()
                .ok_or_else(|| format!("`{s}`: `on` must be followed by a background colour"))?;
            style.bg = parse_colour(&joined(bg, &mut words))?;
        } else if let Ok(m) = parse_modifier(w) {
            style = style.add_modifier(m);
        } else if fg_set {
            return Err(format!(
                "`{s}`: `{w}` is a second foreground colour; write `on {w}` for a background"
            ));
        } else {
            style.fg = parse_colour(&joined(w, &mut words))?;
            fg_set = true;
        }
    }
    Ok(style)
}

/// `light red` written with a space is one colour name.
fn joined<'a>(
    w: &'a str,
    words: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
) -> String {
    let lower = w.to_ascii_lowercase();
    if matches!(lower.as_str(), "light" | "bright" | "dark") {
        if let Some(next) = words.next() {
            return format!("{w} {next}");
        }
    }
    w.to_string()
}
