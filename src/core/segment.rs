//! Word segmentation with jieba-rs over the pruned corpus dictionary.
//!
//! One segmenter is built on first use and shared (`segmenter()`); loading the pruned
//! dictionary takes milliseconds, where jieba's full dictionary takes hundreds.
//!
//! jieba's HMM (which guesses unknown words) is not used: its built-in model is a 0.5 MB
//! table (≈120 KB brotli, 40 % of the whole size budget), and the linker drops it only if
//! no call ever asks for it. The corpus is fixed, and the dictionary plus the domain words
//! cover its vocabulary; an unknown name is then cut into characters instead of guessed.

use super::text::{OffsetMap, TextRange};
use jieba_rs::Jieba;
use std::sync::OnceLock;

/// Whether jieba's HMM is used (see the module doc: it is not).
pub const HMM: bool = false;

/// The dictionary the app ships: `cargo run --example prune_dict` writes it.
pub const CORPUS_DICT: &str = include_str!("../../dict/corpus.dict");

/// A jieba instance with the corpus dictionary loaded.
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Builds a segmenter from a dictionary text (`word freq tag` lines).
    pub fn from_dict(dict: &str) -> Result<Self, String> {
        let mut reader = std::io::BufReader::new(dict.as_bytes());
        Jieba::with_dict(&mut reader)
            .map(|jieba| Segmenter { jieba })
            .map_err(|e| format!("the segmentation dictionary is malformed: {e}"))
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

/// The shared segmenter, built on first use. The dictionary is checked by the tests, so
/// a failure here means a broken build; then text is shown unsegmented (one "word" per
/// paragraph) rather than not at all.
pub fn segmenter() -> Option<&'static Segmenter> {
    static SEGMENTER: OnceLock<Option<Segmenter>> = OnceLock::new();
    SEGMENTER
        .get_or_init(|| Segmenter::from_dict(CORPUS_DICT).ok())
        .as_ref()
}
