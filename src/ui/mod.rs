//! The terminal shell: draws the app state and turns terminal events into core calls.
//!
//! `run` checks for a terminal, loads config and briefing, enters reader mode
//! (`terminal.rs` restores it on every exit path), then loops synchronously: block on
//! one event, drain whatever else is pending, hand keys to the keymap via
//! `AppState::handle_key` (`input.rs` converts), carry out the core's [`Request`]s,
//! and redraw only when something happened: no ticks, so an idle reader sends nothing.
//! Drawing is [`Screen`](screen::Screen) over the pure [`layout`]; one file per pane.

mod actors;
mod background;
pub mod colors;
mod external;
mod frame;
mod input;
pub mod layout;
mod list;
mod loading;
mod mouse;
mod overlay;
pub mod persist;
mod points;
mod prompt;
mod reader;
mod screen;
mod status;
pub mod symbols;
mod targets;
pub mod terminal;
pub mod textline;
mod watching;

use crate::app::{AppState, Level, Marks, Message, Pane, Request};
use crate::cli::OpenArgs;
use crate::config::{Config, LayoutConfig, Theme};
use crate::open::Origin;
use anyhow::Context as _;
use crossterm::event::{self, Event};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::{Frame, Terminal};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Saves the reading marks: called after every change of a mark, on quit, and from the
/// signal thread on SIGHUP/SIGTERM. An error is shown in the status bar.
pub type SaveMarks = Arc<dyn Fn(&Marks) -> Result<(), String> + Send + Sync>;

/// What the persistence layer plugs into the reader.
pub struct Hooks {
    /// The marks to start with.
    pub initial: Marks,
    /// Problems met loading them (shown in the status bar and the help's warnings).
    pub notes: Vec<String>,
    pub save: SaveMarks,
}

impl Default for Hooks {
    /// Marks for this run only.
    fn default() -> Self {
        Hooks {
            initial: Marks::default(),
            notes: Vec::new(),
            save: Arc::new(|_: &Marks| Ok(())),
        }
    }
}

/// Draws the whole screen for `state` into a frame (the TUI and the render tests).
pub fn draw(
    frame: &mut Frame,
    state: &AppState,
    theme: &Theme,
    layout: &LayoutConfig,
    ascii: bool,
) {
    let ctx = frame::Ctx {
        state,
        theme,
        sym: symbols::Symbols::pick(ascii),
        layout,
    };
    screen::Screen { ctx: &ctx }.render(frame.area(), frame.buffer_mut());
}

/// What a click at (`column`, `row`) of a screen of `size` lands on: the pane, and the
/// item row of that pane when the click was on one.
pub fn hit(
    state: &AppState,
    config: &Config,
    size: Rect,
    column: u16,
    row: u16,
) -> Option<(Pane, Option<usize>)> {
    let areas = layout::compute(size, &layout::LayoutInput::of(state, &config.layout, size));
    let at = ratatui::layout::Position::new(column, row);
    let (pane, r) = areas.panes.iter().copied().find(|(_, r)| r.contains(at))?;
    let ctx = frame::Ctx {
        state,
        theme: &config.theme,
        sym: symbols::Symbols::pick(state.ascii),
        layout: &config.layout,
    };
    Some((pane, screen::row_at(&ctx, pane, r, row)))
}

/// Tells the core the geometry of a terminal of `size`.
pub fn sync_viewport(state: &mut AppState, size: Rect, layout: &LayoutConfig) {
    let v = layout::viewport(size, state, layout);
    state.resize(v);
}

/// `brief [PATH...]`: the reader.
pub fn run(args: &OpenArgs) -> anyhow::Result<ExitCode> {
    run_with(args, Hooks::default())
}

/// The reader with the given persistence hooks.
pub fn run_with(args: &OpenArgs, hooks: Hooks) -> anyhow::Result<ExitCode> {
    let save = hooks.save.clone();
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "brief: the reader needs a terminal (stdin and stdout must not be redirected).\n\
             To print the briefing instead, run `brief export --format markdown [PATH...]` \
             (or `--format json`)."
        );
        return Ok(ExitCode::from(1));
    }
    let (mut config, problems) = crate::config::load(args.config.as_deref());
    // As many colours as the terminal has: none with NO_COLOR, 16 on the Linux console.
    let depth = colors::Depth::detect(|k| std::env::var(k).ok());
    config.theme = depth.theme(config.theme);
    let ascii =
        args.ascii || config.ui.ascii || !symbols::locale_is_utf8(|k| std::env::var(k).ok());
    let origin = if args.paths.is_empty() {
        Origin::Sample
    } else {
        Origin::Paths(args.paths.clone())
    };
    let opts = args.load.open_options();

    terminal::install_panic_hook();
    let shared = Arc::new(Mutex::new(hooks.initial.clone()));
    let on_exit: terminal::OnExit = {
        let (shared, save) = (shared.clone(), save.clone());
        Arc::new(move || {
            if let Ok(m) = shared.lock() {
                // Nothing left to show an error on: the terminal is going away.
                let _ = save(&m);
            }
        })
    };
    let child_signals = terminal::ChildSignals::default();
    persist::save_on_panic(shared.clone(), save.clone());
    // Before raw mode: it saves the terminal's settings to restore them after an abort.
    let watchdog = terminal::Watchdog::start();
    terminal::install_signal_handler(on_exit, child_signals.clone(), watchdog.clone())?;
    let _guard = terminal::Guard::enter(config.ui.mouse, watchdog)?;
    let out = colors::Sgr16::new(std::io::stdout(), depth == colors::Depth::Ansi16);
    let mut term =
        Terminal::new(CrosstermBackend::new(out)).context("cannot draw on this terminal")?;
    let mut shell =
        external::Shell::new(origin.clone(), opts.clone(), config.ui.mouse, child_signals);
    // Watching starts before the first load, so a file written meanwhile is not missed.
    let watch_note = if args.watch || config.ui.watch {
        shell.start_watch()
    } else {
        None
    };
    let briefing = match loading::load(&mut term, &origin, &opts)? {
        loading::Loaded::Ready(b) => b,
        // Nothing was changed yet: no state to save. 130 as for an interrupted command.
        loading::Loaded::Cancelled => return Ok(ExitCode::from(130)),
    };

    let mut state = AppState::new(briefing, config.keymap.clone());
    state.ascii = ascii;
    // For the end-to-end tests: send even the sample's small panes to the background.
    if let Some(n) = std::env::var("BRIEF_TEST_BACKGROUND_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        state.filters.background_min = n;
    }
    state.reader_max_width = config.layout.reader_width;
    state.set_sidebar_default(config.layout.sidebar);
    for p in &problems {
        let level = if p.is_error {
            Level::Error
        } else {
            Level::Warning
        };
        state.notes.push(Message {
            text: format!("config: {p}"),
            level,
        });
    }
    if let Some(first) = state.notes.first().cloned() {
        let more = if problems.len() > 1 {
            format!(" (+{} more, ? lists them)", problems.len() - 1)
        } else {
            String::new()
        };
        state.say(first.level, format!("{}{more}", first.text));
    }
    state.marks = hooks.initial;
    for n in hooks.notes {
        // Shown at once (the config's note stays listed under `?`): marks may be lost.
        state.say(Level::Warning, n.clone());
        state.notes.push(Message {
            text: n,
            level: Level::Warning,
        });
    }
    if let Some((level, text)) = watch_note {
        state.say(level, text);
    }
    let size = term.size()?;
    sync_viewport(
        &mut state,
        Rect::new(0, 0, size.width, size.height),
        &config.layout,
    );
    event_loop(
        &mut term, &mut state, &config, ascii, &shared, &save, &mut shell,
    )?;
    save(&state.marks)
        .map_err(|e| anyhow::anyhow!(e))
        .context("the reading state was not saved")?;
    Ok(ExitCode::SUCCESS)
}

type Term = Terminal<CrosstermBackend<colors::Sgr16<std::io::Stdout>>>;

fn event_loop(
    term: &mut Term,
    state: &mut AppState,
    config: &Config,
    ascii: bool,
    shared: &Mutex<Marks>,
    save: &SaveMarks,
    shell: &mut external::Shell,
) -> anyhow::Result<()> {
    let mut published = state.marks_version;
    let mut dirty = true;
    // A hidden trigger for the terminal-fault tests: the first key panics.
    let panic_on_key = std::env::var_os("BRIEF_TEST_PANIC").is_some();
    // When the status bar's message appeared, so an info message can time out.
    let mut message_since = (state.message_seq, std::time::Instant::now());
    loop {
        if dirty {
            let size = term.size()?;
            sync_viewport(
                state,
                Rect::new(0, 0, size.width, size.height),
                &config.layout,
            );
            term.draw(|f| {
                draw(f, state, &config.theme, &config.layout, ascii);
                shell.draw_over(f, &config.theme);
            })?;
        }
        if message_since.0 != state.message_seq {
            message_since = (state.message_seq, std::time::Instant::now());
        }
        // An info message times out: wait for input at most until then.
        if let Some(left) = state
            .message_timeout()
            .map(|t| t.saturating_sub(message_since.1.elapsed()))
        {
            // While watching or filtering the shell wakes up on its own; else wait here.
            let idle = !shell.bg.busy() && shell.watcher.is_none();
            if left.is_zero() || (idle && !event::poll(left)?) {
                state.expire_message();
                dirty = true;
                continue;
            }
        }
        // Block for the next event (at most a moment while watching), then take
        // everything already queued so a burst of keys (a paste, a held key, a resize
        // storm) costs one redraw.
        dirty = false;
        if let Some(ev) = shell.next_event()? {
            if panic_on_key && matches!(ev, Event::Key(_)) {
                panic!("BRIEF_TEST_PANIC is set: a deliberate panic to test terminal restoration");
            }
            dirty = external::dispatch(term, state, config, shell, ev)?;
            while event::poll(Duration::ZERO)? {
                dirty |= external::dispatch(term, state, config, shell, event::read()?)?;
            }
        }
        dirty |= shell.poll_watch(state);
        dirty |= shell.bg.poll(state);
        for req in std::mem::take(&mut state.requests) {
            dirty = true;
            match req {
                Request::Redraw => term.clear()?,
                Request::Suspend => {
                    terminal::suspend(config.ui.mouse)?;
                    term.clear()?;
                }
                Request::External(a) => shell.external(term, state, a)?,
                Request::Filter { pane, query } => shell.bg.filter(state, pane, &query),
            }
        }
        if state.marks_version != published {
            published = state.marks_version;
            if let Ok(mut m) = shared.lock() {
                m.clone_from(&state.marks);
            }
            // Saved on every change, so a dropped connection loses nothing.
            if let Err(e) = save(&state.marks) {
                state.say(Level::Warning, format!("reading state not saved: {e}"));
            }
            dirty = true;
        }
        if state.quit {
            return Ok(());
        }
    }
}

/// Applies one event; true when the screen must be redrawn.
fn handle(
    term: &mut Term,
    state: &mut AppState,
    config: &Config,
    ev: Event,
) -> anyhow::Result<bool> {
    Ok(match ev {
        Event::Key(k) => match input::key(&k) {
            Some(kp) => {
                state.handle_key(kp);
                true
            }
            None => false,
        },
        Event::Mouse(m) if config.ui.mouse => {
            let size = term.size()?;
            let area = Rect::new(0, 0, size.width, size.height);
            let target = hit(state, config, area, m.column, m.row);
            input::mouse(state, target.map(|t| t.0), &m, target.and_then(|t| t.1))
        }
        Event::Resize(w, h) => {
            sync_viewport(state, Rect::new(0, 0, w, h), &config.layout);
            term.autoresize()?;
            true
        }
        Event::Paste(text) => input::paste(state, &text),
        _ => false,
    })
}
