//! The corpus-wide state built once at start-up: the term matcher and the counts the
//! library and legends show. Segmentation is not done here (it is per document, on open).

use super::analysis::{self, DocAnalysis, Occurrence};
use super::bundle::{bundle, Bundle};
use super::glossary::FIVE_IDS;
use super::segment::segmenter;
use super::terms::Hit;
use super::terms::TermMatcher;
use std::sync::OnceLock;

/// Matcher and counts over the bundled corpus.
pub struct Engine {
    pub bundle: &'static Bundle,
    pub matcher: TermMatcher,
    /// `term_counts[doc][term]`: occurrences of every entry in every document.
    pub term_counts: Vec<Vec<usize>>,
    /// Glossary index of each of the five 五通 terms (order of `FIVE_IDS`).
    pub five_terms: [Option<usize>; 5],
    /// `hits[doc][block]`: every term occurrence, matched once at start-up, so that
    /// counts, popovers and concordances never match the corpus again.
    hits: Vec<Vec<Vec<Hit>>>,
}

impl Engine {
    pub fn new(bundle: &'static Bundle) -> Engine {
        let matcher = TermMatcher::new(&bundle.terms);
        let hits: Vec<Vec<Vec<Hit>>> = bundle
            .docs
            .iter()
            .map(|d| {
                d.blocks
                    .iter()
                    .map(|b| analysis::block_hits(&matcher, b))
                    .collect()
            })
            .collect();
        let term_counts = hits
            .iter()
            .map(|blocks| {
                let mut counts = vec![0; bundle.terms.len()];
                for hit in blocks.iter().flatten() {
                    counts[hit.term] += 1;
                }
                counts
            })
            .collect();
        let five_terms = FIVE_IDS.map(|id| bundle.terms.iter().position(|t| t.id == id));
        Engine {
            bundle,
            matcher,
            term_counts,
            five_terms,
            hits,
        }
    }

    /// Counts of the five terms in document `doc`.
    pub fn five_counts(&self, doc: usize) -> [usize; 5] {
        self.five_terms.map(|t| {
            t.and_then(|t| self.term_counts.get(doc).map(|c| c[t]))
                .unwrap_or(0)
        })
    }

    /// Counts of the five terms in the whole corpus.
    pub fn five_corpus_counts(&self) -> [usize; 5] {
        let mut total = [0; 5];
        for doc in 0..self.bundle.docs.len() {
            for (t, n) in total.iter_mut().zip(self.five_counts(doc)) {
                *t += n;
            }
        }
        total
    }

    /// Occurrences of entry `term` in the whole corpus.
    pub fn corpus_count(&self, term: usize) -> usize {
        self.term_counts.iter().map(|c| c[term]).sum()
    }

    /// Every occurrence of entry `term` in the corpus, in reading order (from the hits
    /// matched at start-up; equal to `analysis::occurrences`).
    pub fn occurrences(&self, term: usize) -> Vec<Occurrence> {
        let mut out = Vec::new();
        for (doc, blocks) in self.hits.iter().enumerate() {
            for (block, hits) in blocks.iter().enumerate() {
                out.extend(hits.iter().filter(|h| h.term == term).map(|h| Occurrence {
                    doc,
                    block,
                    range: h.range,
                }));
            }
        }
        out
    }

    /// Segments and matches one document (the caller caches the result).
    pub fn analyse(&self, doc: usize) -> Option<DocAnalysis> {
        let d = self.bundle.docs.get(doc)?;
        Some(analysis::analyse(d, &self.matcher, segmenter()))
    }
}

/// The engine over the bundled corpus, built on first use.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(bundle()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::occurrences;

    #[test]
    fn cached_occurrences_and_counts_equal_a_fresh_match() {
        let e = engine();
        assert_eq!(e.term_counts, analysis::term_counts(e.bundle, &e.matcher));
        for term in [0, 5, e.bundle.terms.len() - 1] {
            assert_eq!(e.occurrences(term), occurrences(e.bundle, &e.matcher, term));
        }
    }
}
