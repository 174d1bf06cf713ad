//! `brief` binary: parse the command line, dispatch, map errors to exit codes
//! (0 ok, 1 runtime error, 2 usage error as clap reports it).

use brief::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Export(args)) => brief::export::run_cli(args),
        Some(Command::Derive(args)) => brief::summary::cli::run(args),
        Some(Command::Config(cmd)) => brief::config::run_cli(cmd),
        Some(Command::WatchTerminal { saved }) => Ok(brief::ui::terminal::watchdog::run(saved)),
        // The reader with its marks kept in the state file.
        None => brief::ui::run_with(&cli.open, brief::ui::persist::hooks()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("brief: {e:#}");
            ExitCode::from(1)
        }
    }
}
