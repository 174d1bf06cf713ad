//! `[layout]` and `[ui]`: scalar settings, each overlaying its default on its own. Pane
//! widths are checked as a whole after the table is read: they must add up to 100, and
//! when they do not they are scaled to fit, with a warning that shows the result.

use super::problem::Report;
use super::source::{self, entries, Value};
use super::{LayoutConfig, UiConfig};

const LAYOUT_FIELDS: [&str; 6] = [
    "list_width",
    "points_width",
    "actors_width",
    "sidebar",
    "reader_width",
    "date_format",
];
const UI_FIELDS: [&str; 3] = ["mouse", "ascii", "watch"];

pub fn apply_layout(layout: &mut LayoutConfig, value: &Value<'_>, report: &mut Report<'_>) {
    let Some(table) = source::table(value, "layout", report) else {
        return;
    };
    let mut widths_span = None;
    for (key, v) in entries(table) {
        let name = key.get_ref().as_ref();
        let what = format!("layout.{name}");
        let pct = |report: &mut Report<'_>| {
            source::int_in(v, &what, 5..=90, report).and_then(|n| u16::try_from(n).ok())
        };
        match name {
            "list_width" | "points_width" | "actors_width" => {
                if let Some(n) = pct(report) {
                    widths_span.get_or_insert(key.span());
                    match name {
                        "list_width" => layout.list_pct = n,
                        "points_width" => layout.points_pct = n,
                        _ => layout.actors_pct = n,
                    }
                }
            }
            "sidebar" => set(&mut layout.sidebar, source::boolean(v, &what, report)),
            "reader_width" => set(
                &mut layout.reader_width,
                source::int_in(v, &what, 0..=1000, report).and_then(|n| u16::try_from(n).ok()),
            ),
            "date_format" => {
                if let Some(s) = source::string(v, &what, report) {
                    match check_date_format(s) {
                        Ok(()) => layout.date_format = s.to_string(),
                        Err(msg) => report.error(v.span(), msg),
                    }
                }
            }
            other => source::unknown_field(report, key, other, "layout", &LAYOUT_FIELDS),
        }
    }
    if let Some(span) = widths_span {
        let before = (layout.list_pct, layout.points_pct, layout.actors_pct);
        normalise_widths(layout);
        let after = (layout.list_pct, layout.points_pct, layout.actors_pct);
        if before != after {
            report.warning(
                span,
                format!(
                    "pane widths {}% + {}% + {}% add up to {}%, not 100%; using {}/{}/{} — set \
                     list_width, points_width and actors_width so they add up to 100",
                    before.0,
                    before.1,
                    before.2,
                    before.0 + before.1 + before.2,
                    after.0,
                    after.1,
                    after.2
                ),
            );
        }
    }
}

pub fn apply_ui(ui: &mut UiConfig, value: &Value<'_>, report: &mut Report<'_>) {
    let Some(table) = source::table(value, "ui", report) else {
        return;
    };
    for (key, v) in entries(table) {
        let name = key.get_ref().as_ref();
        let what = format!("ui.{name}");
        match name {
            "mouse" => set(&mut ui.mouse, source::boolean(v, &what, report)),
            "ascii" => set(&mut ui.ascii, source::boolean(v, &what, report)),
            "watch" => set(&mut ui.watch, source::boolean(v, &what, report)),
            other => source::unknown_field(report, key, other, "ui", &UI_FIELDS),
        }
    }
}

fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}

/// Scales the three widths so they add up to exactly 100, keeping their proportions;
/// rounding leftovers go to the key-points pane, the one with text to wrap.
pub fn normalise_widths(layout: &mut LayoutConfig) {
    let parts = [layout.list_pct, layout.points_pct, layout.actors_pct].map(u32::from);
    let sum: u32 = parts.iter().sum();
    if sum == 100 || sum == 0 {
        return;
    }
    let scaled = parts.map(|p| (p * 100 + sum / 2) / sum);
    let list = scaled[0].min(100);
    let actors = scaled[2].min(100 - list);
    // The values are at most 100 here, so the conversions cannot fail.
    layout.list_pct = u16::try_from(list).unwrap_or(100);
    layout.actors_pct = u16::try_from(actors).unwrap_or(0);
    layout.points_pct = u16::try_from(100 - list - actors).unwrap_or(0);
}

/// The strftime subset brief formats: `%Y %y %m %-m %d %-d %e %b %B %%`.
const DATE_SPECS: [&str; 10] = ["Y", "y", "m", "-m", "d", "-d", "e", "b", "B", "%"];

fn check_date_format(fmt: &str) -> Result<(), String> {
    let mut rest = fmt;
    while let Some(i) = rest.find('%') {
        let after = &rest[i + 1..];
        let Some(spec) = DATE_SPECS.iter().find(|s| after.starts_with(**s)) else {
            let shown: String = after.chars().take(2).collect();
            return Err(format!(
                "date_format: `%{shown}` is not supported; use %Y %y %m %-m %d %-d %e %b %B or %%"
            ));
        };
        rest = &after[spec.len()..];
    }
    Ok(())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats an ISO `YYYY-MM-DD` date with `fmt`; a date that is not ISO shows as it is.
pub fn format_date(iso: &str, fmt: &str) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    let Some(month) = MONTHS.get((m as usize).wrapping_sub(1)) else {
        return iso.to_string();
    };
    let mut out = String::new();
    let mut rest = fmt;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(spec) = DATE_SPECS.iter().find(|s| after.starts_with(**s)) else {
            out.push('%');
            rest = after;
            continue;
        };
        out.push_str(&match *spec {
            "Y" => format!("{y:04}"),
            "y" => format!("{:02}", y % 100),
            "m" => format!("{m:02}"),
            "-m" => m.to_string(),
            "d" => format!("{d:02}"),
            "-d" => d.to_string(),
            "e" => format!("{d:>2}"),
            "b" => month.chars().take(3).collect(),
            "B" => month.to_string(),
            _ => "%".to_string(),
        });
        rest = &after[spec.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_and_leaves_odd_ones_alone() {
        assert_eq!(format_date("2025-12-08", "%Y-%m-%d"), "2025-12-08");
        assert_eq!(format_date("2025-12-08", "%-d %b %Y"), "8 Dec 2025");
        assert_eq!(
            format_date("2025-03-08", "%e %B '%y, 100%%"),
            " 8 March '25, 100%"
        );
        assert_eq!(format_date("2025-13-08", "%d"), "2025-13-08");
        assert_eq!(format_date("yesterday", "%d"), "yesterday");
        assert_eq!(format_date("2025-00-01", "%B"), "2025-00-01");
    }

    #[test]
    fn validates_date_formats() {
        assert!(check_date_format("%d %B %Y").is_ok());
        assert!(check_date_format("%Q").is_err());
        assert!(check_date_format("trailing %").is_err());
        assert!(check_date_format("é%é").is_err());
    }

    #[test]
    fn widths_scale_to_one_hundred() {
        for parts in [
            (40, 45, 25),
            (10, 10, 10),
            (90, 90, 5),
            (1, 0, 1),
            (1, 0, 3),
            (30, 45, 25),
            (u16::MAX, 1, u16::MAX),
        ] {
            let mut l = crate::config::Config::default().layout;
            (l.list_pct, l.points_pct, l.actors_pct) = parts;
            normalise_widths(&mut l);
            assert_eq!(l.list_pct + l.points_pct + l.actors_pct, 100, "{parts:?}");
        }
    }
}
