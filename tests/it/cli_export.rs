//! `brief export` run as a user would: the JSON contract checked field by field, the
//! Markdown memo, view flags, `-o FILE`, and error exits.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run brief")
}

fn ok_json(args: &[&str]) -> Value {
    let o = brief(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

fn obj<'a>(v: &'a Value, what: &str) -> &'a serde_json::Map<String, Value> {
    v.as_object()
        .unwrap_or_else(|| panic!("{what} is an object: {v}"))
}

fn arr<'a>(v: &'a Value, what: &str) -> &'a Vec<Value> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what} is an array: {v}"))
}

fn has_keys(m: &serde_json::Map<String, Value>, keys: &[&str], what: &str) {
    for k in keys {
        assert!(m.contains_key(*k), "{what} lacks {k:?}: {m:?}");
    }
}

fn string_or_null(v: &Value, what: &str) {
    assert!(
        v.is_string() || v.is_null(),
        "{what} is a string or null: {v}"
    );
}

fn strings(v: &Value, what: &str) {
    for s in arr(v, what) {
        assert!(s.is_string(), "{what} holds strings: {s}");
    }
}

fn table(v: &Value, what: &str) {
    let t = obj(v, what);
    strings(&t["header"], what);
    for row in arr(&t["rows"], what) {
        strings(row, what);
    }
}

/// Checks a whole export against spec/export-json.md.
fn check_contract(v: &Value) {
    let top = obj(v, "export");
    has_keys(top, &["version", "articles", "actors"], "export");
    assert_eq!(v["version"], 1);
    let mut ids = Vec::new();
    for a in arr(&v["articles"], "articles") {
        let m = obj(a, "article");
        let keys = [
            "id",
            "path",
            "title",
            "source",
            "byline",
            "published",
            "category",
            "sections",
            "key_points",
            "tables",
            "warnings",
        ];
        has_keys(m, &keys, "article");
        for k in ["id", "path", "title"] {
            assert!(
                a[k].as_str().is_some_and(|s| !s.is_empty()),
                "{k} non-empty: {a}"
            );
        }
        for k in ["source", "byline", "published", "category"] {
            string_or_null(&a[k], k);
        }
        if let Some(d) = a["published"].as_str() {
            let b = d.as_bytes();
            assert!(
                d.len() == 10 && b[4] == b'-' && b[7] == b'-',
                "ISO date: {d}"
            );
        }
        let mut table_blocks = Vec::new();
        for s in arr(&a["sections"], "sections") {
            has_keys(obj(s, "section"), &["heading", "blocks"], "section");
            string_or_null(&s["heading"], "heading");
            for b in arr(&s["blocks"], "blocks") {
                match b["kind"].as_str() {
                    Some("paragraph") | Some("quote") => assert!(b["text"].is_string(), "{b}"),
                    Some("bullets") => strings(&b["items"], "items"),
                    Some("table") => {
                        table(b, "table block");
                        table_blocks.push(json_table(b));
                    }
                    other => panic!("unknown block kind {other:?}"),
                }
            }
        }
        let tables: Vec<Value> = arr(&a["tables"], "tables").iter().map(json_table).collect();
        assert_eq!(tables, table_blocks, "tables repeats every table block");
        for kp in arr(&a["key_points"], "key_points") {
            has_keys(
                obj(kp, "key point"),
                &["text", "score", "actors"],
                "key point",
            );
            assert!(kp["score"].is_number());
            strings(&kp["actors"], "key point actors");
        }
        strings(&a["warnings"], "warnings");
        ids.push(a["id"].as_str().unwrap_or_default().to_string());
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "ids are unique");
    let mut last_mentions = u64::MAX;
    for actor in arr(&v["actors"], "actors") {
        let keys = [
            "name", "kind", "aliases", "roles", "articles", "mentions", "quotes",
        ];
        has_keys(obj(actor, "actor"), &keys, "actor");
        let kind = actor["kind"].as_str().unwrap_or_default();
        assert!(
            ["person", "organization", "place"].contains(&kind),
            "{kind}"
        );
        let mentions = actor["mentions"].as_u64().expect("mentions");
        assert!(mentions <= last_mentions, "actors by mentions, most first");
        last_mentions = mentions;
        for id in arr(&actor["articles"], "actor articles") {
            assert!(
                ids.iter().any(|i| Some(i.as_str()) == id.as_str()),
                "{id} exists"
            );
        }
        for q in arr(&actor["quotes"], "quotes") {
            assert!(q["text"].is_string());
            assert!(
                ids.iter()
                    .any(|i| Some(i.as_str()) == q["article"].as_str()),
                "{q}"
            );
        }
    }
}

fn json_table(v: &Value) -> Value {
    serde_json::json!({"header": v["header"], "rows": v["rows"]})
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().expect("tempdir");
    let d = t.path().join("story");
    fs::create_dir_all(&d).expect("mkdir");
    fs::write(
        d.join("a.md"),
        "---\ntitle: Harbour Deal\nsource: Wire\ndate: 2024-03-01\nauthor: Ann Lee\n---\n\
         Lead text.\n\n## Terms\n\n| Actor | Goal |\n|---|---|\n| Valmora | *Sea* access |\n\n- one\n- two\n\n> Quoted words.\n",
    )
    .expect("write md");
    fs::write(
        d.join("b.html"),
        r#"<html><head><meta property="og:site_name" content="Gazette"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-02","author":{"name":"Bo"}}</script></head>
        <body><nav>Menu</nav><article><h1>Fishing Quotas</h1><p>Quotas were cut.</p><h2>Why</h2><table><tr><th>Side</th><th>View</th></tr><tr><td>Ostrava</td><td>Against</td></tr></table></article></body></html>"#,
    )
    .expect("write html");
    (t, d)
}

#[test]
fn json_of_the_sample_keeps_the_contract() {
    let v = ok_json(&["export", "--format", "json", "samples/"]);
    check_contract(&v);
    assert_eq!(arr(&v["articles"], "articles").len(), 5);
    let embedded = ok_json(&["export"]);
    check_contract(&embedded);
}

#[test]
fn json_of_markdown_and_html_carries_their_structure() {
    let (_t, d) = folder();
    let v = ok_json(&["export", d.to_str().expect("utf8")]);
    check_contract(&v);
    let a = &v["articles"][0];
    assert_eq!(a["id"], "a.md");
    assert_eq!(a["title"], "Harbour Deal");
    assert_eq!(a["source"], "Wire");
    assert_eq!(a["byline"], "Ann Lee");
    assert_eq!(a["published"], "2024-03-01");
    assert_eq!(a["category"], Value::Null);
    assert_eq!(a["sections"][1]["heading"], "Terms");
    assert_eq!(
        a["tables"][0]["rows"][0],
        serde_json::json!(["Valmora", "Sea access"])
    );
    assert_eq!(
        a["sections"][1]["blocks"][1]["items"],
        serde_json::json!(["one", "two"])
    );
    assert_eq!(a["sections"][1]["blocks"][2]["kind"], "quote");
    let b = &v["articles"][1];
    assert_eq!(b["title"], "Fishing Quotas");
    assert_eq!(b["source"], "Gazette");
    assert_eq!(b["byline"], "Bo");
    assert_eq!(b["published"], "2024-03-02");
    assert_eq!(
        b["tables"][0]["header"],
        serde_json::json!(["Side", "View"])
    );
    assert!(!serde_json::to_string(b)
        .unwrap_or_default()
        .contains("Menu"));
}

#[test]
fn markdown_memo_has_its_parts() {
    let (_t, d) = folder();
    let o = brief(&["export", "--format", "markdown", d.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(0));
    let md = String::from_utf8_lossy(&o.stdout);
    for part in [
        "# Briefing",
        "## Key points",
        "## Actors",
        "## Articles",
        "### Harbour Deal",
        "- Source: Wire",
        "#### Terms",
        "| Actor | Goal |\n| --- | --- |\n| Valmora | Sea access |",
        "> Quoted words.",
        "### Fishing Quotas",
    ] {
        assert!(md.contains(part), "memo lacks {part:?}:\n{md}");
    }
}

#[test]
fn output_file_is_written_atomically_and_stdout_stays_empty() {
    let (t, d) = folder();
    let out = t.path().join("memo.json");
    fs::write(&out, "stale").expect("write");
    let o = brief(&[
        "export",
        "-o",
        out.to_str().expect("utf8"),
        d.to_str().expect("utf8"),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    let v: Value = serde_json::from_str(&fs::read_to_string(&out).expect("read")).expect("json");
    check_contract(&v);
    let leftovers = fs::read_dir(t.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".brief-export"))
        .count();
    assert_eq!(leftovers, 0);
    let bad = t.path().join("missing-dir/out.json");
    let o = brief(&[
        "export",
        "-o",
        bad.to_str().expect("utf8"),
        d.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("out.json"));
}

#[test]
fn filter_narrows_and_keeps_ids_consistent() {
    let (_t, d) = folder();
    let v = ok_json(&["export", "--filter", "fishing", d.to_str().expect("utf8")]);
    check_contract(&v);
    let titles: Vec<&str> = arr(&v["articles"], "a")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, ["Fishing Quotas"]);
    let none = ok_json(&["export", "--filter", "qqqzzz", d.to_str().expect("utf8")]);
    assert!(arr(&none["articles"], "a").is_empty());
}

#[test]
fn starred_exports_only_what_the_reading_state_stars() {
    let (_t, d) = folder();
    let dir = d.to_str().expect("utf8");
    let all = ok_json(&["export", dir]);
    let first = &arr(&all["articles"], "a")[0];
    let hash = first["content_hash"].as_str().expect("content_hash");
    let state_home = tempfile::tempdir().expect("tempdir");
    let path = state_home.path().join("brief").join("state.toml");
    let (mut store, _) = brief::state::StateStore::open(&path);
    store.set(brief::state::Mark::Starred(hash.to_string()), true);
    store.save().expect("save state");
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--starred", dir])
        .env("XDG_STATE_HOME", state_home.path())
        .output()
        .expect("run brief");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let titles: Vec<&str> = arr(&v["articles"], "a")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, [first["title"].as_str().expect("title")]);
}

#[test]
fn unknown_actor_is_a_clear_error() {
    let o = brief(&["export", "--actor", "Nobody Atall-Here"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Nobody Atall-Here"));
}

#[test]
fn closed_stdout_is_not_an_error() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", "markdown"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}
