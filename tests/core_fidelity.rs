//! The corpus is faithful to the seeds (`../shared/seeds`): every sentence of ≥ 6 CJK
//! characters occurs in it (corrections reverted, whitespace removed), except what
//! `tests/fidelity/omitted-*.txt` lists with a reason; no justification spaces are left;
//! the corrections and the ids match their snapshots, so changing them is deliberate.
//!
//! Update the snapshots after a deliberate change with
//! `SRR_UPDATE_SNAPSHOTS=1 cargo test --test core_fidelity`.

use silk_road_reader::core::bundle::bundle;
use silk_road_reader::core::corpus::Document;
use silk_road_reader::core::text::{find_cjk_gap, is_han, strip_whitespace};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var("SRR_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    dir.is_dir().then_some(dir)
}

/// A sentence of a seed, whitespace removed, with the positions where the seed had a
/// line break (the only places a newspaper column can break it).
struct Fragment {
    text: Vec<char>,
    breaks: Vec<usize>,
}

fn fragments(seed: &str) -> Vec<Fragment> {
    let mut out = Vec::new();
    for block in seed.split("\n\n") {
        let mut text = Vec::new();
        let mut breaks = Vec::new();
        for c in block.chars() {
            if c == '\n' {
                breaks.push(text.len());
            } else if !c.is_whitespace() {
                text.push(c);
            }
            if "。！？；".contains(c) {
                out.push(Fragment {
                    text: std::mem::take(&mut text),
                    breaks: std::mem::take(&mut breaks),
                });
            }
        }
        out.push(Fragment { text, breaks });
    }
    out.retain(|f| f.text.iter().filter(|c| is_han(**c)).count() >= 6);
    out
}

/// Everything the corpus says, original forms, whitespace removed: per document, its
/// header fields and every block in order.
fn haystack(docs: &[Document]) -> String {
    let mut s = String::new();
    for d in docs {
        for field in [
            &d.meta.title,
            &d.meta.authors.join(""),
            &d.meta.affiliation.join(""),
        ] {
            s.push_str(&strip_whitespace(field));
            s.push('\n');
        }
        for b in &d.blocks {
            s.push_str(&strip_whitespace(&b.original_text()));
        }
        s.push('\n');
    }
    s
}

/// Found whole, or in up to three pieces split at the seed's own line breaks.
fn found(f: &Fragment, hay: &str) -> bool {
    let whole: String = f.text.iter().collect();
    if hay.contains(&whole) {
        return true;
    }
    let piece = |a: usize, b: usize| {
        let p: String = f.text[a..b].iter().collect();
        b - a >= 2 && hay.contains(&p)
    };
    let n = f.text.len();
    for (i, &a) in f.breaks.iter().enumerate() {
        if piece(0, a) && piece(a, n) {
            return true;
        }
        for &b in &f.breaks[i + 1..] {
            if piece(0, a) && piece(a, b) && piece(b, n) {
                return true;
            }
        }
    }
    false
}

fn omitted(seed: &str) -> HashSet<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fidelity/omitted-{seed}.txt"));
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split("  #").next().unwrap_or(l).trim().to_string())
        .collect()
}

#[test]
fn every_seed_sentence_is_in_the_corpus() {
    let Some(dir) = seeds_dir() else {
        println!("SKIPPED: ../shared/seeds is not beside this checkout (set SRR_SEEDS to check fidelity)");
        return;
    };
    let hay = haystack(&bundle().docs);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut missing = Vec::new();
    let (mut total, mut covered, mut listed) = (0, 0, 0);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let seed = &name[..3];
        let raw = std::fs::read_to_string(&path).unwrap();
        let skip = omitted(seed);
        let frags = fragments(&raw);
        let mut ok = 0;
        for f in &frags {
            let text: String = f.text.iter().collect();
            if found(f, &hay) {
                ok += 1;
            } else if skip.contains(&text) {
                listed += 1;
            } else {
                missing.push(format!("{seed}: {text}"));
            }
        }
        println!(
            "seed {seed}: {ok}/{} sentences found, {} listed as omitted",
            frags.len(),
            frags.len() - ok
        );
        total += frags.len();
        covered += ok;
    }
    println!(
        "coverage: {covered}/{total} ({:.2} %), {listed} omitted with a reason",
        covered as f64 * 100.0 / total as f64
    );
    assert!(total > 1000, "the seeds were read");
    assert!(
        missing.is_empty(),
        "{} seed sentences are not in the corpus:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn no_justification_spaces_are_left() {
    let mut found = Vec::new();
    for d in &bundle().docs {
        for b in &d.blocks {
            if let Some(at) = find_cjk_gap(&b.text) {
                let near: String = b.text[at.saturating_sub(9)..].chars().take(8).collect();
                found.push(format!("{} {}: …{near}…", d.meta.id, b.id));
            }
        }
    }
    assert!(
        found.is_empty(),
        "CJK–space–CJK left in:\n{}",
        found.join("\n")
    );
}

fn check_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fidelity")
        .join(name);
    if std::env::var("SRR_UPDATE_SNAPSHOTS").is_ok() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from the corpus. If the change is deliberate, run \
         `SRR_UPDATE_SNAPSHOTS=1 cargo test --test core_fidelity` and commit the snapshot.\n\
         --- snapshot\n{expected}\n+++ corpus\n{actual}"
    );
}

#[test]
fn corrections_are_listed_in_their_snapshot() {
    let mut list = String::from(
        "# Every correction of an extraction error: document, block, original → corrected.\n",
    );
    for d in &bundle().docs {
        for b in &d.blocks {
            for c in &b.corrections {
                list.push_str(&format!(
                    "{} {}: {:?} → {:?}\n",
                    d.meta.id,
                    b.id,
                    c.original,
                    &b.text[c.start..c.end]
                ));
            }
        }
    }
    check_snapshot("corrections.txt", &list);
}

#[test]
fn ids_are_unique_and_match_their_snapshot() {
    let docs = &bundle().docs;
    let ids: HashSet<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids.len(), docs.len(), "document ids are unique");
    assert_eq!(docs.len(), 8, "eight articles");
    let mut list = String::from(
        "# Document and block ids: deep links and notes hold on to these. Never renumber.\n",
    );
    for d in docs {
        let blocks: Vec<&str> = d.blocks.iter().map(|b| b.id.as_str()).collect();
        list.push_str(&format!("{}: {}\n", d.meta.id, blocks.join(" ")));
    }
    check_snapshot("ids.txt", &list);
}
