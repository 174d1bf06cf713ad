//! Article texts and key-point sentences for the benches, real when the BBC dev corpus is
//! present and generated otherwise, and the large briefings `scripts/gen-corpus` writes.
//!
//! Everything is deterministic: the BBC files are read in sorted order and the generator
//! is a fixed linear congruential sequence, so two runs bench the same bytes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Texts of the BBC dev articles in sorted path order, or `None` without the corpus.
pub fn bbc_texts() -> Option<Vec<String>> {
    let root = super::bbc_articles()?;
    let mut files = Vec::new();
    walk(&root, &mut files).ok()?;
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    (!texts.is_empty()).then_some(texts)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// Real article texts, or `n` generated ones (saying so on stderr).
pub fn article_texts(n: usize) -> (Vec<String>, &'static str) {
    match bbc_texts() {
        Some(t) => (t, "bbc-dev"),
        None => {
            super::note("../shared/data/bbc-dev is absent: using generated articles");
            ((0..n).map(generated_article).collect(), "generated")
        }
    }
}

/// `n` key-point-like items: the sentences of the corpus, cycled in order until there
/// are `n` (a 1M list repeats the BBC sentences about 25 times, as fzf sees them too).
pub fn key_points(n: usize) -> (Vec<String>, &'static str) {
    let (texts, origin) = article_texts(200);
    let mut sentences: Vec<String> = Vec::new();
    for text in &texts {
        for para in text.split("\n\n").skip(1) {
            for r in brief::derive::sentences::split(para) {
                let s = para[r].trim();
                if s.len() > 20 {
                    sentences.push(s.replace('\n', " "));
                }
            }
        }
    }
    if sentences.is_empty() {
        sentences.push("Zelensky and the envoy discussed a ceasefire in Geneva.".into());
    }
    let items = sentences.iter().cycle().take(n).cloned().collect();
    (items, origin)
}

/// A fixed linear congruential sequence: the same numbers on every machine.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, m: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % m
    }

    fn sentence(&mut self, len: usize) -> String {
        const WORDS: [&str; 40] = [
            "the",
            "talks",
            "Zelensky",
            "ceasefire",
            "envoy",
            "Kremlin",
            "said",
            "on",
            "a",
            "European",
            "leaders",
            "agreed",
            "“security",
            "guarantees”",
            "—",
            "Kyiv’s",
            "plan",
            "troops",
            "sanctions",
            "Moscow",
            "of",
            "and",
            "Starmer",
            "Washington",
            "would",
            "reconstruction",
            "minister",
            "in",
            "Geneva",
            "drones",
            "energy",
            "to",
            "peace",
            "deal",
            "frontline",
            "NATO",
            "officials",
            "week",
            "aid",
            "border",
        ];
        let words: Vec<&str> = (0..len.max(1))
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect();
        let mut out = words.join(" ");
        if let Some(first) = out.chars().next() {
            out.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        out.push('.');
        out
    }
}

/// A fixed pseudo-random article: a headline, a byline, a date line and paragraphs
/// drawn from a small news vocabulary, with the curly quotes and dashes of scraped text.
pub fn generated_article(seed: usize) -> String {
    let mut rng = Lcg((seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut text = rng.sentence(6).trim_end_matches('.').to_string();
    text.push_str(&format!(
        "\n\nBy Reporter {}\nPublished on March {}, 2026\n",
        seed % 97,
        1 + seed % 28
    ));
    for _ in 0..(4 + rng.below(6)) {
        let n = 2 + rng.below(4);
        let para: Vec<String> = (0..n)
            .map(|_| {
                let len = 8 + rng.below(18);
                rng.sentence(len)
            })
            .collect();
        text.push('\n');
        text.push_str(&para.join(" "));
        text.push('\n');
    }
    text
}

/// Writes a briefing of `n` articles to `out` (`00000.txt`, …): the BBC articles in
/// order, each copy after the first with "(part k)" added to its headline so every file
/// has its own content hash; generated articles when the corpus is absent. Returns the
/// bytes written and where the text came from.
pub fn write_briefing(out: &Path, n: usize) -> io::Result<(u64, &'static str)> {
    fs::create_dir_all(out)?;
    let real = bbc_texts();
    let mut bytes = 0u64;
    for i in 0..n {
        let text = match &real {
            Some(texts) => {
                let base = &texts[i % texts.len()];
                let copy = i / texts.len();
                match (copy, base.split_once('\n')) {
                    (0, _) => base.clone(),
                    (k, Some((title, rest))) => format!("{title} (part {})\n{rest}", k + 1),
                    (k, None) => format!("{base} (part {})", k + 1),
                }
            }
            None => generated_article(i),
        };
        bytes += text.len() as u64;
        fs::write(out.join(format!("{i:05}.txt")), text)?;
    }
    Ok((
        bytes,
        if real.is_some() {
            "bbc-dev"
        } else {
            "generated"
        },
    ))
}
