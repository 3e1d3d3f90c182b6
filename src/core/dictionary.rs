//! Prunes jieba's 349,045-entry dictionary to the entries the bundled texts can use.
//!
//! jieba only ever looks up substrings of the text it cuts, so every other entry is dead
//! weight (2.3 MB brotli, ~270 ms to load in wasm). But jieba scores a path by each word's
//! frequency divided by the dictionary's total, so dropping entries would shift every
//! score; one padding entry — a private-use character that never occurs in text —
//! carries the frequency of everything dropped, and the total stays exactly the same.
//! The domain words (every glossary form that jieba could treat as one token) are added
//! with a frequency that keeps them whole, on both sides of the comparison test. Last,
//! the words that occur but that jieba never picks are dropped too ([`narrow`]): 4,800
//! entries become 3,000, and the file 16 KB brotli instead of 26.
//!
//! Regenerate with `cargo run --example prune_dict` after editing texts or glossary; the
//! test `core_dictionary` fails, naming that command, when `dict/corpus.dict` is stale.

use std::collections::{BTreeMap, HashSet};

/// The padding entry's word: U+E000, private use, never in any text.
pub const PADDING_WORD: &str = "\u{E000}";
/// The tag given to domain words.
pub const DOMAIN_TAG: &str = "nz";
/// Words longer than this (in chars) are not looked for in the text (jieba's longest
/// entries are shorter).
const MAX_WORD_CHARS: usize = 24;

/// One `word freq tag` line of a jieba dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub word: &'a str,
    pub freq: usize,
    pub tag: &'a str,
}

/// Parses a jieba dictionary text (lines of `word freq [tag]`).
pub fn parse_entries(dict: &str) -> Result<Vec<Entry<'_>>, String> {
    dict.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let freq = parts
                .next()
                .ok_or_else(|| format!("line {}: no frequency", n + 1))?
                .parse()
                .map_err(|e| format!("line {}: bad frequency: {e}", n + 1))?;
            Ok(Entry {
                word,
                freq,
                tag: parts.next().unwrap_or(""),
            })
        })
        .collect()
}

/// Whether jieba can return `word` as one token: it cuts text into blocks of CJK and
/// `[A-Za-z0-9+#&._%-]` characters and segments each block separately.
pub fn is_single_block(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| super::text::is_han(c) || c.is_ascii_alphanumeric() || "+#&._%-".contains(c))
}

/// The result of pruning: the dictionary text to ship, and the domain words with the
/// frequency each was given (the comparison test adds the same to the full dictionary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pruned {
    pub text: String,
    pub domain: Vec<(String, usize)>,
    pub kept: usize,
}

/// Prunes `full` to the entries that occur in `texts`, adds `domain_words` with the given
/// frequencies (see [`domain_frequency`]) and appends the padding entry.
pub fn prune(full: &[Entry], texts: &[&str], domain: &[(String, usize)]) -> Pruned {
    let words: HashSet<&str> = full.iter().map(|e| e.word).collect();
    let mut present: HashSet<&str> = HashSet::new();
    for text in texts {
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (i, &start) in starts.iter().enumerate() {
            for len in 1..=MAX_WORD_CHARS {
                let end = starts.get(i + len).copied().unwrap_or(text.len());
                if let Some(w) = words.get(&text[start..end]) {
                    present.insert(w);
                }
                if end == text.len() {
                    break;
                }
            }
        }
    }
    let total: usize = full.iter().map(|e| e.freq).sum();
    let domain_freq: BTreeMap<&str, usize> = domain.iter().map(|(w, f)| (w.as_str(), *f)).collect();
    let mut text = String::new();
    let mut kept_freq = 0;
    let mut kept = 0;
    for e in full.iter().filter(|e| present.contains(e.word)) {
        kept_freq += e.freq;
        kept += 1;
        let freq = domain_freq.get(e.word).copied().unwrap_or(e.freq);
        push_line(&mut text, e.word, freq, e.tag);
    }
    for (word, freq) in domain.iter().filter(|(w, _)| !words.contains(w.as_str())) {
        push_line(&mut text, word, *freq, DOMAIN_TAG);
    }
    push_line(&mut text, PADDING_WORD, total - kept_freq, "x");
    Pruned {
        text,
        domain: domain.to_vec(),
        kept,
    }
}

fn push_line(out: &mut String, word: &str, freq: usize, tag: &str) {
    out.push_str(word);
    out.push(' ');
    out.push_str(&freq.to_string());
    if !tag.is_empty() {
        out.push(' ');
        out.push_str(tag);
    }
    out.push('\n');
}

/// The frequency that keeps a domain word whole: twice what jieba's `suggest_freq`
/// proposes on the full dictionary (a margin, since adding words moves the total), and
/// never less than the word already has.
pub fn domain_frequency(suggested: usize, existing: Option<usize>) -> usize {
    (suggested * 2).max(existing.unwrap_or(0))
}

/// The texts jieba will cut (every heading and paragraph, as displayed) and the domain
/// words (every glossary form that jieba can keep as one token), sorted and unique.
pub fn inputs(bundle: &super::bundle::Bundle) -> (Vec<&str>, Vec<String>) {
    let texts = bundle
        .docs
        .iter()
        .flat_map(|d| d.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    let mut words: Vec<String> = bundle
        .terms
        .iter()
        .flat_map(|t| t.forms())
        .filter(|f| is_single_block(f) && f.chars().count() > 1)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    (texts, words)
}

/// Builds the shipped dictionary from jieba's full dictionary text and the bundle.
///
/// Domain words start at [`domain_frequency`]; then, where the term matcher finds a
/// domain word in a text but jieba cuts it apart (宏观政策|沟通交流 around 政策沟通), that
/// word's frequency is raised and the check repeated, so the segmenter and the
/// highlighter agree on every occurrence in the corpus.
pub fn generate(full_text: &str, bundle: &super::bundle::Bundle) -> Result<Pruned, String> {
    let entries = parse_entries(full_text)?;
    let full = super::segment::Segmenter::from_dict(full_text)?;
    let (texts, words) = inputs(bundle);
    if texts.iter().any(|t| t.contains(PADDING_WORD)) {
        return Err("a text contains U+E000, the padding word".into());
    }
    let existing: std::collections::HashMap<&str, usize> =
        entries.iter().map(|e| (e.word, e.freq)).collect();
    let mut domain = words
        .into_iter()
        .map(|w| {
            let freq = domain_frequency(full.suggest_freq(&w), existing.get(w.as_str()).copied());
            (w, freq)
        })
        .collect::<Vec<_>>();
    let matcher = super::terms::TermMatcher::new(&bundle.terms);
    for _round in 0..8 {
        let pruned = prune(&entries, &texts, &domain);
        let seg = super::segment::Segmenter::from_dict(&pruned.text)?;
        let split: HashSet<String> = split_domain_words(&seg, &matcher, &texts, &domain)
            .into_iter()
            .map(str::to_string)
            .collect();
        if split.is_empty() {
            return narrow(&pruned, &seg, &texts);
        }
        for (word, freq) in domain.iter_mut() {
            if split.contains(word) {
                *freq *= 4;
            }
        }
    }
    Err("domain words are still cut apart after 8 rounds of raising their frequency".into())
}

/// Keeps of `pruned` only the words that `seg` (built from it) puts in its cut of some
/// text, the domain words and the padding, whose frequency takes over the dropped words'
/// (so the total stays the same). Other entries lose their part-of-speech tag, which the
/// reader does not use.
///
/// Why the cut cannot change: jieba picks, at each position, the edge with the best
/// score, and a score can only fall when entries are dropped (a dropped word's edge goes;
/// a position's best path only ever loses alternatives). Every edge of the chosen path is
/// kept, with its frequency, so it stays the best, ties included (they are broken by
/// length). The result is checked anyway: every text is cut again and compared.
fn narrow(
    pruned: &Pruned,
    seg: &super::segment::Segmenter,
    texts: &[&str],
) -> Result<Pruned, String> {
    let used: HashSet<&str> = texts.iter().flat_map(|t| seg.cut(t)).collect();
    let entries = parse_entries(&pruned.text)?;
    let mut text = String::new();
    let mut dropped = 0;
    let mut kept = 0;
    for e in &entries {
        if e.word == PADDING_WORD {
            push_line(&mut text, e.word, e.freq + dropped, e.tag);
        } else if e.tag == DOMAIN_TAG || pruned.domain.iter().any(|(w, _)| w == e.word) {
            push_line(&mut text, e.word, e.freq, e.tag);
            kept += 1;
        } else if used.contains(e.word) {
            push_line(&mut text, e.word, e.freq, "");
            kept += 1;
        } else {
            dropped += e.freq;
        }
    }
    let narrowed = super::segment::Segmenter::from_dict(&text)?;
    if let Some(t) = texts.iter().find(|t| narrowed.cut(t) != seg.cut(t)) {
        let start: String = t.chars().take(20).collect();
        return Err(format!(
            "keeping only the words used changed the cut of “{start}…”"
        ));
    }
    Ok(Pruned {
        text,
        domain: pruned.domain.clone(),
        kept,
    })
}

/// The domain words that the matcher finds in some text but the segmenter cuts apart.
fn split_domain_words<'a>(
    seg: &super::segment::Segmenter,
    matcher: &super::terms::TermMatcher,
    texts: &[&str],
    domain: &'a [(String, usize)],
) -> HashSet<&'a str> {
    let mut split = HashSet::new();
    for text in texts {
        let hits = matcher.find(text);
        if hits.is_empty() {
            continue;
        }
        let words = seg.words(text);
        let starts: HashSet<(usize, usize)> =
            words.iter().map(|w| (w.start.byte, w.end.byte)).collect();
        for hit in hits {
            let form = hit.range.slice(text);
            if let Some((w, _)) = domain.iter().find(|(w, _)| w == form) {
                if !starts.contains(&(hit.range.start.byte, hit.range.end.byte)) {
                    split.insert(w.as_str());
                }
            }
        }
    }
    split
}

/// jieba-rs's full dictionary, read from the crate's source in the cargo registry (found
/// with `cargo metadata`). Host only: for the generator and the tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn full_dictionary_text() -> Result<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let manifest = meta["packages"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "jieba-rs"))
        .and_then(|p| p["manifest_path"].as_str())
        .ok_or("cargo metadata does not list jieba-rs")?;
    let path = std::path::Path::new(manifest).with_file_name("src/data/dict.txt");
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_substrings_and_pads_the_total() {
        let full = parse_entries("一带 30 n\n一路 20 n\n一带一路 50 nz\n无关 100 a\n").unwrap();
        let pruned = prune(&full, &["共建“一带一路”"], &[]);
        assert_eq!(
            pruned.text,
            "一带 30 n\n一路 20 n\n一带一路 50 nz\n\u{E000} 100 x\n"
        );
        assert_eq!(pruned.kept, 3);
        let sum: usize = parse_entries(&pruned.text)
            .unwrap()
            .iter()
            .map(|e| e.freq)
            .sum();
        assert_eq!(sum, 200, "the total frequency is preserved");
    }

    #[test]
    fn domain_words_override_or_append() {
        let full = parse_entries("小而 5 n\n美 9 a\n").unwrap();
        let domain = vec![("小而美".to_string(), 40), ("小而".to_string(), 50)];
        let pruned = prune(&full, &["小而美"], &domain);
        assert_eq!(
            pruned.text,
            "小而 50 n\n美 9 a\n小而美 40 nz\n\u{E000} 0 x\n"
        );
    }

    #[test]
    fn single_blocks() {
        assert!(is_single_block("中国制造2025"));
        assert!(is_single_block("互联网+"));
        assert!(!is_single_block("共商、共建、共享"));
        assert!(!is_single_block("中国制造 2025"));
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(parse_entries("词 x n\n").unwrap_err().contains("line 1"));
    }
}
