//! JSON (the contract in the README) and Markdown output of a briefing.

use crate::cli::ExportArgs;
use std::process::ExitCode;

/// `brief export …`
pub fn run_cli(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`brief export` is not available yet")
}
