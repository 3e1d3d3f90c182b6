//! Turns a document into what the reader shows: for each block, its words (from the
//! segmenter) and its term occurrences (from the matcher), with offsets in all units.
//!
//! Matching is cheap and done for the whole corpus at start-up (the library's counts);
//! segmentation is done per document, when it is first opened, and cached by the caller.

use super::bundle::Bundle;
use super::corpus::{Block, Document};
use super::glossary::FIVE_IDS;
use super::segment::Segmenter;
use super::terms::{Hit, TermMatcher};
use super::text::{OffsetMap, TextRange};

/// A block with its words and term hits.
#[derive(Debug, Clone)]
pub struct BlockAnalysis {
    pub words: Vec<TextRange>,
    pub hits: Vec<Hit>,
}

/// A whole document, block by block (same order as `Document::blocks`).
#[derive(Debug, Clone)]
pub struct DocAnalysis {
    pub blocks: Vec<BlockAnalysis>,
}

/// Term hits of a block, without segmentation.
pub fn block_hits(matcher: &TermMatcher, block: &Block) -> Vec<Hit> {
    matcher.find(&block.text)
}

/// Segments and matches every block of `doc`. Without a segmenter each block is one word.
pub fn analyse(
    doc: &Document,
    matcher: &TermMatcher,
    segmenter: Option<&Segmenter>,
) -> DocAnalysis {
    let blocks = doc
        .blocks
        .iter()
        .map(|b| {
            let map = OffsetMap::new(&b.text);
            let words = match segmenter {
                Some(s) => s.words_with_map(&b.text, &map),
                None => vec![map.range(0, b.text.len())],
            };
            BlockAnalysis {
                hits: matcher.find_with_map(&b.text, &map),
                words,
            }
        })
        .collect();
    DocAnalysis { blocks }
}

/// How often each of the five 五通 terms occurs in one document, in the order of
/// [`FIVE_IDS`].
pub fn five_counts(bundle: &Bundle, matcher: &TermMatcher, doc: &Document) -> [usize; 5] {
    let mut counts = [0; 5];
    let five: Vec<Option<usize>> = bundle
        .terms
        .iter()
        .map(|t| FIVE_IDS.iter().position(|id| *id == t.id))
        .collect();
    for block in &doc.blocks {
        for hit in block_hits(matcher, block) {
            if let Some(Some(i)) = five.get(hit.term) {
                counts[*i] += 1;
            }
        }
    }
    counts
}

/// Occurrences of every glossary entry in every document: `counts[doc][term]`.
pub fn term_counts(bundle: &Bundle, matcher: &TermMatcher) -> Vec<Vec<usize>> {
    bundle
        .docs
        .iter()
        .map(|doc| {
            let mut counts = vec![0; bundle.terms.len()];
            for block in &doc.blocks {
                for hit in block_hits(matcher, block) {
                    counts[hit.term] += 1;
                }
            }
            counts
        })
        .collect()
}

/// One occurrence of a term in the corpus, for concordances.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub doc: usize,
    pub block: usize,
    pub range: TextRange,
}

/// Every occurrence of entry `term` across the corpus, in reading order.
pub fn occurrences(bundle: &Bundle, matcher: &TermMatcher, term: usize) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (d, doc) in bundle.docs.iter().enumerate() {
        for (b, block) in doc.blocks.iter().enumerate() {
            for hit in block_hits(matcher, block)
                .into_iter()
                .filter(|h| h.term == term)
            {
                out.push(Occurrence {
                    doc: d,
                    block: b,
                    range: hit.range,
                });
            }
        }
    }
    out
}
