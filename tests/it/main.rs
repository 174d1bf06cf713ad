//! The integration tests, as one test binary: each module was a test crate of its own, and
//! one binary links once instead of fifty times (see README, "Tests"). Tests that change
//! the process environment live in `tests/env.rs`, a binary of their own.

mod proptest_support;
mod support;

mod app_core;
mod app_reader;
mod atomic_special_files;
mod cache;
mod cli_export;
mod config_cli;
mod config_defaults;
mod config_discovery;
mod config_docs;
mod config_never_panics;
mod config_overlay;
mod config_validation;
mod derive_actors;
mod derive_keypoints;
mod derive_merge;
mod derive_sentences;
mod e2e_background;
mod e2e_escapes;
mod e2e_faults;
mod e2e_reliability;
mod e2e_share;
mod e2e_ssh;
mod e2e_tmux;
mod eval_actors;
mod eval_keypoints;
mod filter_narrow;
mod filter_rank;
mod filter_unicode;
mod filter_worker;
mod fuzz_regressions;
mod hostile_input;
mod ingest_files;
mod ingest_text;
mod ingest_text_corpus;
mod ingest_text_props;
mod ingest_text_tables;
mod keymap_notation;
mod markdown_html;
mod proptest_pipeline;
mod proptest_text;
mod share_clipboard;
mod share_export_prompt;
mod share_open;
mod share_selection;
mod share_tmux;
mod share_watch_rules;
mod share_yank;
mod state_file;
mod summary_files;
mod ui_render;
mod watch;
