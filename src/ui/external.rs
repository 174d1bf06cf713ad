//! The shell's side of the requests the core cannot carry out itself: yank, export,
//! open elsewhere, reload (and `--watch`, in `watching.rs`).
//!
//! [`Shell`] holds what those need beyond the app state: where the briefing came from
//! and how it was opened (to reload it), the environment (for `$EDITOR` and friends),
//! the open export [`Prompt`], the watcher, and the flag that tells the signal thread to
//! let SIGINT pass while a pager runs. The event loop calls [`Shell::external`] for each
//! `Request::External`, gives keys to [`Shell::intercept`] first (a prompt takes them
//! all), and draws [`Shell::draw_over`] after the screen. Everything ends as a message
//! in the status bar; nothing here fails the reader except a terminal that cannot be
//! re-entered after a suspended program.

use super::prompt::{Outcome, Prompt, PromptLine};
use super::targets::{target_article, yank_target};
use super::{input, terminal, Term};
use crate::app::{Action, AppState, Level, Request};
use crate::cli::ExportFormat;
use crate::config::{Config, Theme};
use crate::open::{OpenOptions, Origin};
use crate::share::clipboard::{self, CopyOptions};
use crate::share::{export_prompt, open, Env};
use crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::Frame;
use std::path::Path;

/// What the export prompt asks and the keys it shows.
const EXPORT_LABEL: &str = "Export view to";
const EXPORT_HINT: &str = "Enter save  Esc cancel";

pub struct Shell {
    pub(super) origin: Origin,
    pub(super) opts: OpenOptions,
    pub(super) watcher: Option<crate::watch::Watcher>,
    /// Filter passes and reloads running off the input thread.
    pub(super) bg: super::background::Background,
    mouse: bool,
    env: Env,
    copy: CopyOptions,
    prompt: Option<Prompt>,
    child_signals: terminal::ChildSignals,
}

impl Shell {
    pub fn new(
        origin: Origin,
        opts: OpenOptions,
        mouse: bool,
        child_signals: terminal::ChildSignals,
    ) -> Shell {
        Shell {
            origin,
            opts,
            watcher: None,
            mouse,
            env: Env::from_process(),
            copy: CopyOptions::default(),
            prompt: None,
            child_signals,
            bg: Default::default(),
        }
    }

    /// Carries out one request; `Ok` even when the action failed (the status bar says
    /// why). An error means the terminal could not be taken back.
    pub fn external(
        &mut self,
        term: &mut Term,
        state: &mut AppState,
        a: Action,
    ) -> anyhow::Result<()> {
        match a {
            Action::Yank => yank(term, state, &self.env, &self.copy),
            Action::Export => {
                let name = default_export_name();
                self.prompt = Some(Prompt::new(EXPORT_LABEL, name));
            }
            Action::OpenSource | Action::OpenEditor | Action::OpenPager => {
                self.open_elsewhere(term, state, a)?
            }
            Action::Reload => self.reload(state, "reloaded"),
            other => state.say(Level::Info, format!("`{other}` is not available here")),
        }
        Ok(())
    }

    /// Gives a key event to the open prompt; true when it took it.
    pub fn intercept(&mut self, state: &mut AppState, ev: &Event) -> bool {
        if let (Some(prompt), Event::Paste(text)) = (self.prompt.as_mut(), ev) {
            prompt.paste(text);
            return true;
        }
        let (Some(prompt), Event::Key(k)) = (self.prompt.as_mut(), ev) else {
            return false;
        };
        let Some(kp) = input::key(k) else {
            return true;
        };
        match prompt.key(kp) {
            Outcome::Editing => {}
            Outcome::Submit(answer) => {
                self.prompt = None;
                export(state, &answer, &self.env);
            }
            Outcome::Cancel => {
                self.prompt = None;
                state.say(Level::Info, "export cancelled");
            }
        }
        true
    }

    /// Draws the prompt, when one is open, over the status bar (the last row).
    pub fn draw_over(&self, f: &mut Frame, theme: &Theme) {
        let Some(prompt) = &self.prompt else { return };
        let area = f.area();
        if area.height == 0 {
            return;
        }
        let row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        let line = PromptLine {
            prompt,
            style: theme.status,
            hint: EXPORT_HINT,
        };
        if let Some(at) = line.draw(row, f.buffer_mut()) {
            f.set_cursor_position(at);
        }
    }

    fn open_elsewhere(
        &mut self,
        term: &mut Term,
        state: &mut AppState,
        a: Action,
    ) -> anyhow::Result<()> {
        let Some(article) = target_article(state).and_then(|i| state.briefing.articles.get(i))
        else {
            state.say(Level::Warning, "no article selected");
            return Ok(());
        };
        let cmd = match a {
            Action::OpenSource => match article.url.as_deref().filter(|u| !u.trim().is_empty()) {
                Some(url) => open::browser_command(url, &self.env),
                None => {
                    state.say(
                        Level::Warning,
                        "this article does not say where it came from (no source URL)",
                    );
                    return Ok(());
                }
            },
            _ if !Path::new(&article.path).is_file() => {
                let msg = format!(
                    "{} is not a file on disk (the built-in sample lives inside brief)",
                    article.path
                );
                state.say(Level::Warning, msg);
                return Ok(());
            }
            Action::OpenEditor => open::editor_command(Path::new(&article.path), &self.env),
            _ => open::pager_command(Path::new(&article.path), &self.env),
        };
        let mut cmd = match cmd {
            Ok(c) => c,
            Err(e) => {
                state.say(Level::Error, format!("{e:#}"));
                return Ok(());
            }
        };
        let program = cmd.get_program().to_string_lossy().into_owned();
        let mut resumed = Ok(());
        self.child_signals.begin();
        let ran = open::run_suspended(&mut cmd, terminal::leave, || {
            resumed = terminal::enter(self.mouse)
        });
        self.child_signals.end();
        resumed?;
        // The program drew on the terminal: everything must be drawn again.
        term.clear()?;
        match ran {
            Ok(()) => state.say(Level::Info, format!("back from `{program}`")),
            Err(e) => state.say(Level::Error, format!("{e:#}")),
        }
        Ok(())
    }
}

/// An open prompt takes the keys first; everything else goes to `handle`. External
/// requests run at once, before the next queued key: keys typed right after `e` belong
/// to the prompt it opens.
pub(super) fn dispatch(
    term: &mut Term,
    state: &mut AppState,
    config: &Config,
    shell: &mut Shell,
    ev: Event,
) -> anyhow::Result<bool> {
    if shell.intercept(state, &ev) {
        return Ok(true);
    }
    let dirty = super::handle(term, state, config, ev)?;
    let (external, rest): (Vec<Request>, Vec<Request>) = std::mem::take(&mut state.requests)
        .into_iter()
        .partition(|r| matches!(r, Request::External(_)));
    state.requests = rest;
    for r in &external {
        if let Request::External(a) = r {
            shell.external(term, state, *a)?;
        }
    }
    Ok(dirty || !external.is_empty())
}

fn default_export_name() -> String {
    export_prompt::default_file_name(ExportFormat::Markdown, export_prompt::today())
}

/// `y`: OSC 52 goes through ratatui's own writer, between two frames, so it can never
/// land in the middle of a half-written frame.
fn yank(term: &mut Term, state: &mut AppState, env: &Env, opts: &CopyOptions) {
    let Some((text, what)) = yank_target(state) else {
        state.say(Level::Warning, "nothing selected to copy");
        return;
    };
    let report = clipboard::copy(&text, term.backend_mut(), env, opts);
    let level = if report.done.is_empty() {
        Level::Error
    } else {
        Level::Info
    };
    state.say(level, report.status_line(&what));
}

/// Enter in the export prompt: writes the view to the file the answer names.
fn export(state: &mut AppState, answer: &str, env: &Env) {
    let default = default_export_name();
    let path = export_prompt::resolve_target(answer, &default, env);
    let view = state.visible_briefing();
    let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
    let inputs = crate::export::input_files(&state.briefing);
    match export_prompt::save(&view, &path, ExportFormat::Markdown, &inputs) {
        Ok(format) => {
            let points: usize = view.articles.iter().map(|a| a.key_points.len()).sum();
            state.say(
                Level::Info,
                format!(
                    "exported {}, {}, {} as {} to {}",
                    plural(view.articles.len(), "article"),
                    plural(points, "key point"),
                    plural(view.actors.len(), "actor"),
                    export_prompt::extension(format),
                    shown.display()
                ),
            );
        }
        Err(e) => state.say(Level::Error, format!("export failed: {e:#}")),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
