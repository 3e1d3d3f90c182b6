//! Full-text search over the bundled corpus, with keyword-in-context results.
//!
//! Why an index of our own and no search engine: the corpus is ~110k characters, so a
//! scan of every block per query takes well under a millisecond. What is worth doing once
//! is the rest: a normalised copy of each block (whitespace removed, Latin case and
//! full-width forms folded) with a map back to the original offsets, the word boundaries
//! from the shared segmenter, and the glossary term occurrences. [`SearchIndex`] holds
//! those; queries then run over plain strings.
//!
//! Two modes:
//! - [`SearchMode::Word`]: a hit must start and end on word boundaries, so 合作 finds the
//!   word 合作 but not the 合作 inside 产能合作; a query of several words finds them in
//!   sequence, however jieba splits the query. A query that is a glossary form also finds
//!   that form wherever the term matcher finds it (jieba may glue a term to a neighbour;
//!   the highlighter never relies on jieba, and search agrees with the highlighter).
//! - [`SearchMode::Substring`]: any occurrence, whitespace-insensitive like the term matcher.
//!
//! `block` holds the per-block preparation. The other submodules add the concordance and
//! its CSV export (`concordance`), the glossary lookup by Chinese, pinyin or English
//! (`lookup`), per-document term counts (`analytics`) and the geometry of the analytics
//! bar chart (`chart`).

mod analytics;
mod block;
mod chart;
mod concordance;
mod lookup;

pub use analytics::{DocTermStats, TermCount};
pub use chart::{grouped_bar_chart, nice_ticks, Bar, BarChart, ChartSpec, Group, Rect, Tick};
pub use concordance::{kwic_csv, sort_kwic, ConcordanceQuery, KwicSort};
pub use lookup::{
    glossary_matches, lookup_entries, pinyin_key, GlossaryMatch, MatchField, MatchQuality,
};

use super::bundle::{bundle, Bundle};
use super::segment::{with_segmenter, Segmenter};
use super::terms::TermMatcher;
use super::text::{OffsetMap, TextRange};
use crate::core::order;
use block::IndexedBlock;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// Characters of context on each side of a keyword-in-context line.
pub const KWIC_WIDTH: usize = 20;

/// How a query is matched. Serialised as in the URL: `word` or `sub`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SearchMode {
    /// Word-aware: hits start and end on word boundaries.
    #[default]
    #[serde(rename = "word")]
    Word,
    /// Any occurrence, whitespace-insensitive.
    #[serde(rename = "sub", alias = "substring")]
    Substring,
}

impl SearchMode {
    /// The value of `mode=` in `#/search?q=…&mode=…`.
    pub fn as_param(self) -> &'static str {
        match self {
            SearchMode::Word => "word",
            SearchMode::Substring => "sub",
        }
    }

    /// Reads `mode=`; `substring` is accepted for `sub`.
    pub fn from_param(s: &str) -> Result<SearchMode, SearchError> {
        match s.trim() {
            "word" => Ok(SearchMode::Word),
            "sub" | "substring" => Ok(SearchMode::Substring),
            other => Err(SearchError::UnknownMode(other.to_string())),
        }
    }
}

/// Why a search could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// Nothing is left of the query once whitespace is removed.
    EmptyQuery,
    /// `mode=` is neither `word` nor `sub`.
    UnknownMode(String),
    /// A concordance was asked for a glossary id that does not exist.
    UnknownTerm(String),
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::EmptyQuery => write!(f, "the search query is empty"),
            SearchError::UnknownMode(m) => {
                write!(
                    f,
                    "unknown search mode \"{m}\" (expected \"word\" or \"sub\")"
                )
            }
            SearchError::UnknownTerm(id) => write!(f, "no glossary entry has the id \"{id}\""),
        }
    }
}

impl std::error::Error for SearchError {}

/// Folds one character for matching, appending the result to `out`: whitespace vanishes,
/// full-width ASCII forms (Ａ, ２, （) become ASCII, letters become lowercase.
fn fold_into(c: char, out: &mut String) {
    if c.is_whitespace() {
        return;
    }
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// The form in which texts and queries are compared: whitespace removed, Latin letters
/// lowercased, full-width ASCII folded to ASCII.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// One occurrence with its context: a search hit or a concordance line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicLine {
    /// Index of the document in `Bundle::docs`.
    pub doc: usize,
    /// Index of the block in `Document::blocks`.
    pub block: usize,
    /// The block's id (for `#/doc/<doc>/p/<block id>`).
    pub block_id: String,
    /// The keyword's range in the block text.
    pub range: TextRange,
    /// Up to [`KWIC_WIDTH`] characters before the keyword, from the same block.
    pub left: String,
    /// The keyword as written in the text (it may differ from the query in case or
    /// whitespace).
    pub keyword: String,
    /// Up to [`KWIC_WIDTH`] characters after the keyword, from the same block.
    pub right: String,
    /// The left context stops before the block's start (show an ellipsis).
    pub left_cut: bool,
    /// The right context stops before the block's end.
    pub right_cut: bool,
}

impl KwicLine {
    /// The line for `range` of `text` (the text of block `block` of document `doc`),
    /// with `width` characters of context on each side, trimmed at the block's edges.
    pub fn new(
        doc: usize,
        block: usize,
        block_id: &str,
        text: &str,
        range: TextRange,
        width: usize,
    ) -> KwicLine {
        let before = &text[..range.start.byte];
        let after = &text[range.end.byte..];
        let left_start = before
            .char_indices()
            .rev()
            .nth(width.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let left_start = if width == 0 { before.len() } else { left_start };
        let right_end = after
            .char_indices()
            .nth(width)
            .map_or(after.len(), |(i, _)| i);
        KwicLine {
            doc,
            block,
            block_id: block_id.to_string(),
            range,
            left: before[left_start..].to_string(),
            keyword: range.slice(text).to_string(),
            right: after[..right_end].to_string(),
            left_cut: left_start > 0,
            right_cut: right_end < after.len(),
        }
    }
}

/// The hits of one document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHits {
    pub doc: usize,
    pub doc_id: String,
    pub hits: Vec<KwicLine>,
}

impl DocHits {
    pub fn count(&self) -> usize {
        self.hits.len()
    }
}

/// The answer to a query: documents with hits, most hits first (ties in corpus order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub mode: SearchMode,
    /// Hits in all documents.
    pub total: usize,
    pub docs: Vec<DocHits>,
}

/// The corpus prepared for search: built once, queried many times.
#[derive(Debug, Clone)]
pub struct SearchIndex<'a> {
    bundle: &'a Bundle,
    blocks: Vec<IndexedBlock>,
    /// Normalised glossary form → the entries that have it.
    forms: HashMap<String, Vec<usize>>,
}

/// The index of the bundled corpus, built on first use with the shared segmenter; `None`
/// while a text is still missing (the wasm fetches them: the pages that search wait for
/// every text first), so that an index of part of the corpus is never kept.
pub fn index() -> Option<&'static SearchIndex<'static>> {
    static INDEX: OnceLock<SearchIndex<'static>> = OnceLock::new();
    let bundle = bundle();
    if !bundle.docs.iter().all(|d| d.blocks.is_loaded()) {
        return None;
    }
    Some(INDEX.get_or_init(|| with_segmenter(|s| SearchIndex::new(bundle, s))))
}

impl<'a> SearchIndex<'a> {
    /// Indexes every block of every document (headings and publication details
    /// included). Without a segmenter, word mode behaves like substring mode.
    pub fn new(bundle: &'a Bundle, segmenter: Option<&Segmenter>) -> SearchIndex<'a> {
        let matcher = TermMatcher::new(&bundle.terms);
        let blocks = bundle
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.blocks
                    .iter()
                    .enumerate()
                    .map(move |(b, block)| (d, b, block))
            })
            .map(|(d, b, block)| IndexedBlock::new(d, b, &block.text, segmenter, &matcher))
            .collect();
        let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, term) in bundle.terms.iter().enumerate() {
            for form in term.forms() {
                let entry = forms.entry(normalize(form)).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        SearchIndex {
            bundle,
            blocks,
            forms,
        }
    }

    pub fn bundle(&self) -> &'a Bundle {
        self.bundle
    }

    /// Every hit of `query`, in reading order (corpus order, then block, then offset).
    pub fn hits(&self, query: &str, mode: SearchMode) -> Result<Vec<KwicLine>, SearchError> {
        let q = normalize(query);
        if q.is_empty() {
            return Err(SearchError::EmptyQuery);
        }
        let forms: &[usize] = match mode {
            SearchMode::Word => self.forms.get(&q).map_or(&[], Vec::as_slice),
            SearchMode::Substring => &[],
        };
        let mut out = Vec::new();
        for ib in &self.blocks {
            let text = &self.bundle.docs[ib.doc].blocks[ib.block].text;
            self.push_lines(ib, ib.matches(&q, mode, forms, text), &mut out);
        }
        Ok(out)
    }

    /// Searches the corpus: hits grouped by document, documents with more hits first.
    pub fn search(&self, query: &str, mode: SearchMode) -> Result<SearchResults, SearchError> {
        let hits = self.hits(query, mode)?;
        let total = hits.len();
        let mut docs: Vec<DocHits> = Vec::new();
        for hit in hits {
            match docs.last_mut() {
                Some(d) if d.doc == hit.doc => d.hits.push(hit),
                _ => docs.push(DocHits {
                    doc: hit.doc,
                    doc_id: self.bundle.docs[hit.doc].meta.id.clone(),
                    hits: vec![hit],
                }),
            }
        }
        // Stable sort: equal counts keep corpus order.
        order::sort_by_key(&mut docs, |d| std::cmp::Reverse(d.hits.len()));
        Ok(SearchResults {
            query: query.to_string(),
            mode,
            total,
            docs,
        })
    }

    /// Every occurrence of glossary entry `term` (all its forms), as the highlighter finds
    /// them, in reading order.
    pub fn term_hits(&self, term: usize) -> Vec<KwicLine> {
        let mut out = Vec::new();
        for ib in &self.blocks {
            let ranges = ib
                .terms
                .iter()
                .filter(|h| h.0 == term)
                .map(|&(_, s, e)| (s, e));
            self.push_lines(ib, ranges, &mut out);
        }
        out
    }

    /// Appends the keyword-in-context lines of the byte ranges `ranges` of block `ib`
    /// (the block's offset map is built only if there is a range).
    fn push_lines(
        &self,
        ib: &IndexedBlock,
        ranges: impl IntoIterator<Item = (usize, usize)>,
        out: &mut Vec<KwicLine>,
    ) {
        let block = &self.bundle.docs[ib.doc].blocks[ib.block];
        let mut map = None;
        for (s, e) in ranges {
            let map = map.get_or_insert_with(|| OffsetMap::new(&block.text));
            out.push(KwicLine::new(
                ib.doc,
                ib.block,
                &block.id,
                &block.text,
                map.range(s, e),
                KWIC_WIDTH,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{sample_bundle, seg};

    fn found(index: &SearchIndex, q: &str, mode: SearchMode) -> Vec<(usize, String, String)> {
        index
            .hits(q, mode)
            .unwrap()
            .into_iter()
            .map(|h| (h.doc, h.block_id, h.keyword))
            .collect()
    }

    #[test]
    fn word_mode_respects_word_boundaries() {
        let b = sample_bundle();
        let s = seg();
        let index = SearchIndex::new(&b, Some(&s));
        let word = found(&index, "合作", SearchMode::Word);
        // 加强/产能合作/，/国际/合作/。: only the second is the word 合作.
        let in_a_p1: Vec<_> = word.iter().filter(|h| h.0 == 0 && h.1 == "p1").collect();
        assert_eq!(in_a_p1.len(), 1, "{word:?}");
        assert_eq!(word.len(), 6, "{word:?}");
        // Whitespace between two words is skipped: 合 作 is the words 合 and 作 in sequence.
        assert!(word.iter().any(|h| h.2 == "合 作"));
        let sub = found(&index, "合作", SearchMode::Substring);
        assert_eq!(sub.iter().filter(|h| h.0 == 0 && h.1 == "p1").count(), 2);
        assert_eq!(sub.len(), 7);
    }

    #[test]
    fn phrases_match_word_sequences_and_glossary_forms_match_inside_words() {
        let b = sample_bundle();
        let s = seg();
        let index = SearchIndex::new(&b, Some(&s));
        // 国际合作 is two words in the text: a multi-word query finds it.
        assert_eq!(
            found(&index, "国际合作", SearchMode::Word),
            [(0, "p1".to_string(), "国际合作".to_string())]
        );
        // 共建一带一路 is one word, but 一带一路 is a glossary form.
        assert_eq!(found(&index, "一带一路", SearchMode::Word).len(), 1);
        // 带一 is neither a word edge nor a form.
        assert!(found(&index, "带一", SearchMode::Word).is_empty());
        assert_eq!(found(&index, "带一", SearchMode::Substring).len(), 1);
    }

    #[test]
    fn latin_is_case_insensitive_and_full_width_folds() {
        let b = sample_bundle();
        let s = seg();
        let index = SearchIndex::new(&b, Some(&s));
        assert_eq!(found(&index, "bri", SearchMode::Word)[0].2, "BRI");
        assert_eq!(found(&index, "ＢＲＩ", SearchMode::Substring).len(), 1);
        assert!(found(&index, "br", SearchMode::Word).is_empty());
        assert_eq!(normalize(" Ａb\u{3000}C "), "abc");
    }

    #[test]
    fn results_group_by_document_most_hits_first() {
        let b = sample_bundle();
        let s = seg();
        let index = SearchIndex::new(&b, Some(&s));
        let r = index.search("合作", SearchMode::Substring).unwrap();
        assert_eq!(r.total, 7);
        let order: Vec<(&str, usize)> = r
            .docs
            .iter()
            .map(|d| (d.doc_id.as_str(), d.count()))
            .collect();
        assert_eq!(order, [("b", 4), ("a", 3)]);
        // Hits in reading order within a document.
        let starts: Vec<(usize, usize)> = r.docs[0]
            .hits
            .iter()
            .map(|h| (h.block, h.range.start.char))
            .collect();
        assert_eq!(starts, [(0, 13), (0, 16), (1, 0), (1, 2)]);
        // Ties keep corpus order.
        let r = index.search("加强", SearchMode::Word).unwrap();
        assert_eq!(r.docs.len(), 1);
        assert_eq!(
            index.search("  ", SearchMode::Word),
            Err(SearchError::EmptyQuery)
        );
    }

    #[test]
    fn kwic_context_is_trimmed_at_block_edges() {
        let text = "一二三四五六七八九十合作甲乙丙";
        let start = text.find("合作").unwrap();
        let map = OffsetMap::new(text);
        let line = KwicLine::new(0, 0, "p1", text, map.range(start, start + 6), 4);
        assert_eq!(
            (
                line.left.as_str(),
                line.keyword.as_str(),
                line.right.as_str()
            ),
            ("七八九十", "合作", "甲乙丙")
        );
        assert!(line.left_cut && !line.right_cut);
        let line = KwicLine::new(0, 0, "p1", text, map.range(start, start + 6), 20);
        assert_eq!(line.left, "一二三四五六七八九十");
        assert!(!line.left_cut);
        let line = KwicLine::new(0, 0, "p1", text, map.range(0, 3), 0);
        assert_eq!(
            (line.left.as_str(), line.right.as_str(), line.right_cut),
            ("", "", true)
        );
    }

    #[test]
    fn without_a_segmenter_word_mode_finds_substrings() {
        let b = sample_bundle();
        let index = SearchIndex::new(&b, None);
        assert_eq!(
            found(&index, "合作", SearchMode::Word).len(),
            found(&index, "合作", SearchMode::Substring).len()
        );
    }

    #[test]
    fn mode_names_for_the_url() {
        assert_eq!(
            serde_json::to_string(&SearchMode::Substring).unwrap(),
            "\"sub\""
        );
        assert_eq!(
            serde_json::from_str::<SearchMode>("\"word\"").unwrap(),
            SearchMode::Word
        );
        assert_eq!(
            serde_json::from_str::<SearchMode>("\"substring\"").unwrap(),
            SearchMode::Substring
        );
        assert_eq!(SearchMode::from_param("sub"), Ok(SearchMode::Substring));
        assert_eq!(SearchMode::Word.as_param(), "word");
        let e = SearchMode::from_param("regex").unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown search mode \"regex\" (expected \"word\" or \"sub\")"
        );
    }
}
