//! The corpus-wide state built once at start-up: the term matcher and the counts the
//! library and legends show (from the build's figures, so no text is needed for them).
//! Matching a text is done when it is first needed, segmentation per document on open.

use super::analysis::{self, DocAnalysis, Occurrence};
use super::bundle::{bundle, Bundle};
use super::glossary::FIVE_IDS;
use super::segment::with_segmenter;
use super::terms::Hit;
use super::terms::TermMatcher;
use std::sync::OnceLock;

/// Matcher and counts over the bundled corpus.
pub struct Engine {
    pub bundle: &'static Bundle,
    pub matcher: TermMatcher,
    /// `term_counts[doc][term]`: occurrences of every entry in every document (from the
    /// build's [`DocStats`](super::corpus::DocStats) where the text is not there yet).
    pub term_counts: Vec<Vec<usize>>,
    /// Glossary index of each of the five 五通 terms (order of `FIVE_IDS`).
    pub five_terms: [Option<usize>; 5],
    /// `hits[doc][block]`: every term occurrence of a document whose text is there,
    /// matched once, so that popovers and concordances never match it again.
    hits: Vec<OnceLock<Vec<Vec<Hit>>>>,
}

impl Engine {
    pub fn new(bundle: &'static Bundle) -> Engine {
        let matcher = TermMatcher::new(&bundle.terms);
        let hits: Vec<OnceLock<Vec<Vec<Hit>>>> =
            bundle.docs.iter().map(|_| OnceLock::new()).collect();
        let five_terms = FIVE_IDS.map(|id| bundle.terms.iter().position(|t| t.id == id));
        let mut engine = Engine {
            bundle,
            matcher,
            term_counts: Vec::new(),
            five_terms,
            hits,
        };
        engine.term_counts = (0..bundle.docs.len())
            .map(|doc| match engine.doc_hits(doc) {
                Some(blocks) => {
                    let mut counts = vec![0; bundle.terms.len()];
                    for hit in blocks.iter().flatten() {
                        counts[hit.term] += 1;
                    }
                    counts
                }
                None => {
                    let stats = &bundle.docs[doc].stats.terms;
                    bundle
                        .terms
                        .iter()
                        .map(|t| stats.get(&t.id).copied().unwrap_or(0))
                        .collect()
                }
            })
            .collect();
        engine
    }

    /// The term hits of every block of document `doc`, once its text is there.
    pub fn doc_hits(&self, doc: usize) -> Option<&[Vec<Hit>]> {
        let d = self.bundle.docs.get(doc)?;
        if !d.blocks.is_loaded() {
            return None;
        }
        let hits = self.hits.get(doc)?.get_or_init(|| {
            d.blocks
                .iter()
                .map(|b| analysis::block_hits(&self.matcher, b))
                .collect()
        });
        Some(hits)
    }

    /// The documents, in order, that hold the first `limit` occurrences of entry `term`
    /// (all that hold one with `usize::MAX`): the texts a concordance of it needs.
    pub fn docs_with(&self, term: usize, limit: usize) -> Vec<usize> {
        let mut seen = 0;
        let mut docs = Vec::new();
        for (doc, counts) in self.term_counts.iter().enumerate() {
            if seen >= limit {
                break;
            }
            let n = counts.get(term).copied().unwrap_or(0);
            if n > 0 {
                docs.push(doc);
                seen += n;
            }
        }
        docs
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

    /// Every occurrence of entry `term` in the documents whose text is there, in reading
    /// order (equal to `analysis::occurrences` once every text is there; callers fetch
    /// the texts of [`Engine::docs_with`] first).
    pub fn occurrences(&self, term: usize) -> Vec<Occurrence> {
        let mut out = Vec::new();
        for doc in 0..self.bundle.docs.len() {
            let Some(blocks) = self.doc_hits(doc) else {
                continue;
            };
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

    /// Segments and matches one document (the caller caches the result); `None` until
    /// its text is there.
    pub fn analyse(&self, doc: usize) -> Option<DocAnalysis> {
        let d = self.bundle.docs.get(doc)?;
        if !d.blocks.is_loaded() {
            return None;
        }
        Some(with_segmenter(|s| analysis::analyse(d, &self.matcher, s)))
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
    use crate::core::corpus::Document;

    #[test]
    fn cached_occurrences_and_counts_equal_a_fresh_match() {
        let e = engine();
        assert_eq!(e.term_counts, analysis::term_counts(e.bundle, &e.matcher));
        for term in [0, 5, e.bundle.terms.len() - 1] {
            assert_eq!(e.occurrences(term), occurrences(e.bundle, &e.matcher, term));
        }
    }

    /// What the wasm shows before a text is fetched is what the text yields once it is.
    #[test]
    fn the_builds_figures_equal_the_texts() {
        let e = engine();
        for (i, doc) in e.bundle.docs.iter().enumerate() {
            assert_eq!(doc.stats.blocks, doc.blocks.len(), "{}", doc.meta.id);
            let shell = Document {
                meta: doc.meta.clone(),
                stats: doc.stats.clone(),
                blocks: Default::default(),
            };
            assert_eq!(shell.char_count(), doc.char_count(), "{}", doc.meta.id);
            let from_stats: Vec<usize> = e
                .bundle
                .terms
                .iter()
                .map(|t| doc.stats.terms.get(&t.id).copied().unwrap_or(0))
                .collect();
            assert_eq!(from_stats, e.term_counts[i], "{}", doc.meta.id);
        }
    }

    #[test]
    fn the_texts_a_concordance_needs() {
        let e = engine();
        let term = e.five_terms[0].expect("政策沟通 is in the glossary");
        let all = e.docs_with(term, usize::MAX);
        assert_eq!(
            all.iter().map(|&d| e.term_counts[d][term]).sum::<usize>(),
            e.corpus_count(term)
        );
        assert!(all.iter().all(|&d| e.term_counts[d][term] > 0));
        let first = e.docs_with(term, 1);
        assert_eq!(first, all[..1]);
        assert_eq!(e.occurrences(term)[0].doc, first[0]);
    }
}
