//! `brief config path|default|check [FILE]`: where the config lives, the reference
//! file, and a validator that lists every problem with its line and a caret under it.
//! Nothing from the file reaches the terminal unescaped, and the file is read bounded
//! (`brief config check /dev/zero` is refused at once: see `discover::read`).

use super::discover::{self, Env, SystemEnv};
use super::{Config, Options, Problem, DEFAULT_TOML};
use crate::cli::ConfigCommand;
use crate::fsutil::clean_name;
use anyhow::Context as _;
use std::io::Write;
use std::process::ExitCode;

/// `brief config …`
pub fn run_cli(cmd: &ConfigCommand) -> anyhow::Result<ExitCode> {
    let env = SystemEnv;
    let mut out = std::io::stdout().lock();
    match cmd {
        ConfigCommand::Path => {
            let located = discover::locate(None, &env).context(
                "no config location: set $BRIEF_CONFIG, $XDG_CONFIG_HOME or $HOME, or pass --config",
            )?;
            writeln!(out, "{}", located.path.display())?;
            if !located.path.exists() {
                eprintln!(
                    "(not there yet: brief runs on the defaults; create it with only the \
                     settings you change — `brief config default` shows them all)"
                );
            }
        }
        ConfigCommand::Default => out.write_all(DEFAULT_TOML.as_bytes())?,
        ConfigCommand::Check { file } => {
            let located = discover::locate(file.as_deref(), &env)
                .context("no config file to check: pass one, or set $BRIEF_CONFIG or $HOME")?;
            let label = crate::fsutil::display(&located.path);
            let text = match discover::read(&located.path) {
                Ok(Some(text)) => text,
                Ok(None) if !located.explicit => {
                    writeln!(
                        out,
                        "ok: {label} does not exist, so brief uses the defaults"
                    )?;
                    return Ok(ExitCode::SUCCESS);
                }
                Ok(None) => anyhow::bail!("{label}: config file not found"),
                Err(msg) => anyhow::bail!("{label}: {msg}"),
            };
            let (report, errors) = check(&text, &label, &env);
            out.write_all(report.as_bytes())?;
            return Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The text `brief config check` prints for `text`, and whether it found errors.
pub fn check(text: &str, label: &str, env: &dyn Env) -> (String, bool) {
    let (_, problems) = Config::overlay(text, label, Options::from_env(env));
    let errors = problems.iter().filter(|p| p.is_error).count();
    let warnings = problems.len() - errors;
    if problems.is_empty() {
        return (format!("ok: {label} has no problems\n"), false);
    }
    let mut out = String::new();
    for p in &problems {
        out.push_str(&render(p, text));
    }
    out.push_str(&format!(
        "{errors} error{}, {warnings} warning{}{}\n",
        plural(errors),
        plural(warnings),
        if errors > 0 {
            " (the broken entries are skipped; everything else applies)"
        } else {
            ""
        }
    ));
    (out, errors > 0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// One problem with its source line and a caret under the column, as compilers do.
/// Long lines show a window around the column, so the caret stays on screen.
/// Control characters from the file (an OSC 52 that would set the clipboard, an SGR,
/// a title change) are printed escaped (`\u{1b}`), in the message and the source line,
/// and the caret counts the escaped width.
fn render(p: &Problem, text: &str) -> String {
    const WIDTH: usize = 80;
    let mut s = format!("{}\n", clean_name(&p.to_string()));
    if let Some(line) = text.lines().nth(p.line.wrapping_sub(1)) {
        let col = p.column.saturating_sub(1);
        let skip = col.saturating_sub(WIDTH / 2);
        let window: String = line.chars().skip(skip).take(WIDTH).collect();
        let before: String = line.chars().skip(skip).take(col - skip).collect();
        let lead = if skip > 0 { "…" } else { "" };
        let n = p.line.to_string();
        let pad = " ".repeat(n.len());
        let caret = " ".repeat(clean_name(&before).chars().count() + lead.chars().count());
        let shown = clean_name(&window);
        s.push_str(&format!("{n} | {lead}{shown}\n{pad} | {caret}^\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn no_env(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn clean_file_says_ok() {
        let (text, errors) = check("version = 1\n", "c.toml", &no_env);
        assert!(!errors);
        assert!(text.starts_with("ok:"), "{text}");
    }

    #[test]
    fn problems_show_line_and_caret() {
        let src = "[keys.global]\nj = \"dwon\"\n";
        let (text, errors) = check(src, "c.toml", &no_env);
        assert!(errors);
        assert!(
            text.contains("c.toml:2:5: error: unknown action `dwon`"),
            "{text}"
        );
        assert!(text.contains("2 | j = \"dwon\"\n  |     ^\n"), "{text}");
        assert!(text.contains("1 error, 0 warnings"), "{text}");
    }

    #[test]
    fn long_lines_show_a_window_around_the_column() {
        let src = format!("[ui]\nmouse = {}\"x\"\n", " ".repeat(500));
        let (text, _) = check(&src, "c.toml", &no_env);
        let caret_line = text
            .lines()
            .find(|l| l.trim_end().ends_with('^'))
            .unwrap_or("");
        assert!(caret_line.len() < 100, "{text}");
        let shown = text.lines().find(|l| l.starts_with("2 | ")).unwrap_or("");
        let caret_at = caret_line.chars().count() - 1;
        assert_eq!(shown.chars().nth(caret_at), Some('"'), "{text}");
    }

    #[test]
    fn escape_sequences_from_the_file_are_shown_escaped() {
        let src = "[keys.global]\n\"\u{1b}]0;pwned\u{7}\" = \"quit\"\n\
                   x = \"\u{1b}]52;c;aGk=\u{7}\u{1b}[31mred\"\n";
        let (text, errors) = check(src, "c\u{1b}[2J.toml", &no_env);
        assert!(errors);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the output: {text:?}"
        );
        assert!(text.contains("\\u{1b}]52;c;aGk="), "{text}");
        assert!(text.contains("c\\u{1b}[2J.toml:"), "{text}");
        // The caret still sits under the reported column, counted in escaped width.
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("3 | "))
            .expect("source line 3");
        let caret = lines[at + 1].find('^').expect("caret");
        assert_eq!(&lines[at][caret..caret + 1], "\"", "{text}");
    }

    #[test]
    fn warnings_alone_do_not_fail() {
        let (text, errors) = check("[keys.global]\n\"C-s\" = \"quit\"\n", "c.toml", &no_env);
        assert!(!errors, "{text}");
        assert!(text.contains("0 errors, 1 warning\n"), "{text}");
    }
}
