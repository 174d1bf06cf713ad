//! The terminal shell: draws the app state and turns key events into actions.

use crate::cli::OpenArgs;
use std::process::ExitCode;

/// `brief [PATH...]`: the reader.
pub fn run(args: &OpenArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("the reader is not available yet")
}
