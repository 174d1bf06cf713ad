//! Which paths under a watched folder are not articles and must not trigger a reload.

use std::ffi::OsStr;
use std::path::{Component, Path};

/// True for paths a reload must ignore, given relative to the watched folder:
/// - hidden files and anything in hidden folders (`.git/…`, vim's `.a.txt.swp`, emacs
///   locks `.#a.txt`, our own temporary files `.brief-export-…`);
/// - `*.summary.toml`, which `brief derive --write` writes beside the articles itself;
/// - editor leftovers: backups `a.txt~`, swap files `*.swp`/`*.swo`/`*.swx`, vim's
///   write test `4913`, emacs autosaves `#a.txt#`, JetBrains `*___jb_tmp___`.
pub fn is_ignored(relative: &Path) -> bool {
    relative.components().any(|c| match c {
        Component::Normal(name) => is_hidden(name),
        _ => false,
    }) || relative.file_name().is_some_and(is_noise)
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn is_noise(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    let lower = name.to_ascii_lowercase();
    name == "4913"
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || lower.ends_with(".summary.toml")
        || [".swp", ".swo", ".swx", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
}
