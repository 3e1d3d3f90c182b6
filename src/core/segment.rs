//! Word segmentation with jieba-rs over the pruned corpus dictionary.
//!
//! One segmenter is built on first use and shared (`with_segmenter`); loading the pruned
//! dictionary takes milliseconds, where jieba's full dictionary takes hundreds. The wasm
//! ships no dictionary: each text arrives with its part of it ([`dict_part`]), which the
//! shared segmenter takes in ([`Segmenter::extend`]) before the text is segmented.
//!
//! jieba's HMM (which guesses unknown words) is not used: its built-in model is a 0.5 MB
//! table (≈120 KB brotli, 40 % of the whole size budget), and the linker drops it only if
//! no call ever asks for it. The corpus is fixed, and the dictionary plus the domain words
//! cover its vocabulary; an unknown name is then cut into characters instead of guessed.

use super::corpus::Document;
use super::dictionary::PADDING_WORD;
use super::text::{OffsetMap, TextRange};
use jieba_rs::Jieba;
use std::collections::HashSet;
use std::sync::Mutex;

/// Whether jieba's HMM is used (see the module doc: it is not).
pub const HMM: bool = false;

/// The dictionary: `cargo run --example prune_dict` writes it. The host embeds it; the
/// wasm does not: each document's text brings the part of it that its segmentation can
/// use ([`dict_part`]), and the shared segmenter grows with each ([`Segmenter::extend`]).
#[cfg(not(target_arch = "wasm32"))]
pub const CORPUS_DICT: &str = include_str!("../../dict/corpus.dict");

/// A jieba instance with (part of) the corpus dictionary loaded.
pub struct Segmenter {
    jieba: Jieba,
    /// The words loaded, the sum of their frequencies, and the whole dictionary's total
    /// (which the padding entry keeps: see `dict/README.md`), to extend it exactly.
    words: HashSet<String>,
    sum: usize,
    total: Option<usize>,
    /// The entries loaded, as dictionary lines (for the benchmark, which rebuilds it).
    text: String,
}

/// The `(word, freq)` entries of a dictionary text (tags and the padding entry left
/// out), and the total of every frequency in it, padding included.
struct Entries<'a> {
    entries: Vec<(&'a str, usize)>,
    total: usize,
}

fn entries(dict: &str) -> Result<Entries<'_>, String> {
    let mut out = Vec::new();
    let mut total = 0usize;
    for (i, line) in dict.lines().enumerate() {
        let mut parts = line.split(' ');
        let (Some(word), Some(freq)) = (parts.next(), parts.next()) else {
            continue;
        };
        let freq: usize = freq.parse().map_err(|e| {
            format!(
                "the segmentation dictionary is malformed: line {}: {e}",
                i + 1
            )
        })?;
        total = total.saturating_add(freq);
        if word != PADDING_WORD && !word.is_empty() {
            out.push((word, freq));
        }
    }
    Ok(Entries {
        entries: out,
        total,
    })
}

impl Segmenter {
    /// A segmenter with no dictionary yet (every text cut into characters until
    /// [`Segmenter::extend`] gives it words).
    pub fn empty() -> Self {
        Segmenter {
            jieba: Jieba::empty(),
            words: HashSet::new(),
            sum: 0,
            total: None,
            text: String::new(),
        }
    }

    /// Builds a segmenter from a dictionary text (`word freq tag` lines).
    pub fn from_dict(dict: &str) -> Result<Self, String> {
        let mut s = Segmenter::empty();
        s.extend(dict)?;
        Ok(s)
    }

    /// Adds the entries of `part` (a dictionary text, or one document's part of it) that
    /// are not loaded yet, and sets the padding entry so that the total stays the whole
    /// dictionary's: jieba's scores, and so its cuts, are then those of the whole
    /// dictionary for every text whose part is loaded. Every part of one dictionary has
    /// the same total; a part with another is refused.
    /// A part that is refused changes nothing: the texts already loaded keep their cuts.
    pub fn extend(&mut self, part: &str) -> Result<(), String> {
        let Entries { entries, total } = entries(part)?;
        if self.total.is_some_and(|t| t != total) {
            return Err("the segmentation dictionary parts disagree (a text from another version of the reader?)".into());
        }
        let mut new_words = HashSet::new();
        let mut sum = self.sum;
        let mut added = String::new();
        for (word, freq) in entries {
            if !self.words.contains(word) && new_words.insert(word) {
                sum += freq;
                added.push_str(word);
                added.push(' ');
                added.push_str(&freq.to_string());
                added.push('\n');
            }
        }
        let padding = total
            .checked_sub(sum)
            .ok_or("the segmentation dictionary's total is smaller than its entries".to_string())?;
        let load = format!("{added}{PADDING_WORD} {padding}\n");
        self.jieba
            .load_dict(&mut std::io::BufReader::new(load.as_bytes()))
            .map_err(|e| format!("the segmentation dictionary is malformed: {e}"))?;
        self.words.extend(new_words.into_iter().map(str::to_string));
        self.sum = sum;
        self.text.push_str(&added);
        self.total = Some(total);
        Ok(())
    }

    /// The loaded entries as a dictionary text, padding included.
    pub fn dict_text(&self) -> String {
        let padding = self.total.unwrap_or(0).saturating_sub(self.sum);
        format!("{}{PADDING_WORD} {padding}\n", self.text)
    }

    /// How many words are loaded.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words of `text`, in order; together they cover `text` exactly.
    pub fn words(&self, text: &str) -> Vec<TextRange> {
        let map = OffsetMap::new(text);
        self.words_with_map(text, &map)
    }

    pub fn words_with_map(&self, text: &str, map: &OffsetMap) -> Vec<TextRange> {
        self.jieba
            .cut(text, HMM)
            .iter()
            .map(|t| map.range(t.byte_start, t.byte_end))
            .collect()
    }

    /// What jieba proposes as the frequency that keeps `word` whole.
    pub fn suggest_freq(&self, word: &str) -> usize {
        self.jieba.suggest_freq(word)
    }

    /// The words as strings (for tests and search).
    pub fn cut<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .cut(text, HMM)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }
}

/// The part of dictionary `dict` that the segmentation of `doc` (one of `docs`) can use:
/// the entries that occur in its text (jieba looks up only substrings of the text it
/// cuts), without their tags, and the padding entry carrying the frequency of all the
/// others. Entries that occur in no text at all (a domain word only a search query can
/// contain) go into every part, so that all parts together are the whole dictionary. It
/// travels with the document's text (`pre/<doc id>.json`, see `core::prerender`).
pub fn dict_part(dict: &str, doc: &Document, docs: &[Document]) -> Result<String, String> {
    let stripped = |d: &Document| -> Vec<String> {
        d.blocks
            .iter()
            .map(|b| super::text::strip_whitespace(&b.text))
            .collect()
    };
    let texts = stripped(doc);
    let corpus: Vec<String> = docs.iter().flat_map(stripped).collect();
    let Entries { entries, total } = entries(dict)?;
    let mut out = String::new();
    let mut sum = 0usize;
    for (word, freq) in entries {
        let occurs = |texts: &[String]| texts.iter().any(|t| t.contains(word));
        if occurs(&texts) || !occurs(&corpus) {
            out.push_str(&format!("{word} {freq}\n"));
            sum += freq;
        }
    }
    out.push_str(&format!("{PADDING_WORD} {}\n", total.saturating_sub(sum)));
    Ok(out)
}

/// The shared segmenter. On the host it holds the whole corpus dictionary; in the wasm it
/// starts empty and each text's part is added when the text arrives (`Bundle::set_text`).
fn shared() -> &'static Mutex<Segmenter> {
    static SEGMENTER: std::sync::OnceLock<Mutex<Segmenter>> = std::sync::OnceLock::new();
    SEGMENTER.get_or_init(|| {
        #[cfg(not(target_arch = "wasm32"))]
        let segmenter = Segmenter::from_dict(CORPUS_DICT).unwrap_or_else(|_| Segmenter::empty());
        #[cfg(target_arch = "wasm32")]
        let segmenter = Segmenter::empty();
        Mutex::new(segmenter)
    })
}

/// Runs `f` with the shared segmenter. The dictionary is checked by the tests, so a
/// failure means a broken build; then text is shown unsegmented (one "word" per
/// paragraph) rather than not at all.
pub fn with_segmenter<T>(f: impl FnOnce(Option<&Segmenter>) -> T) -> T {
    match shared().lock() {
        Ok(s) if !s.is_empty() => f(Some(&s)),
        _ => f(None),
    }
}

/// Adds a document's part of the dictionary to the shared segmenter.
pub fn extend_shared(part: &str) -> Result<(), String> {
    shared()
        .lock()
        .map_err(|_| "the segmenter is unavailable".to_string())?
        .extend(part)
}
