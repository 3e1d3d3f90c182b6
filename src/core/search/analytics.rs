//! Term analytics: how often the five 五通 terms and the other glossary entries occur in
//! each document, as plain numbers for the analytics page to draw.
//!
//! Counts come from the term matcher (the highlighter's view of the text), which the
//! index has already run, so no text is scanned again. Publication details (CIP data,
//! series boards) are left out: they repeat series titles and would inflate the counts of
//! the book; this matches `Document::char_count`, which the densities divide by.

use super::SearchIndex;
use crate::core::glossary::FIVE_IDS;
use crate::core::order;
use serde::{Deserialize, Serialize};

/// How often one glossary entry occurs in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCount {
    /// Index of the entry in `Bundle::terms`.
    pub term: usize,
    pub id: String,
    pub count: usize,
}

/// The numbers the analytics page shows for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocTermStats {
    pub doc: usize,
    pub doc_id: String,
    /// Characters of text without whitespace and publication details.
    pub chars: usize,
    /// Occurrences of the five 五通 terms, in the order of [`FIVE_IDS`].
    pub five: [usize; 5],
    /// The most frequent entries, most frequent first (ties in glossary order).
    pub top: Vec<TermCount>,
}

impl DocTermStats {
    /// Occurrences per 10,000 characters, to compare texts of different lengths.
    pub fn per_10k(&self, count: usize) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            count as f64 * 10_000.0 / self.chars as f64
        }
    }
}

impl<'a> SearchIndex<'a> {
    /// Occurrences of every glossary entry in every document: `counts[doc][term]`,
    /// publication details excluded.
    pub fn term_counts(&self) -> Vec<Vec<usize>> {
        let mut counts = vec![vec![0; self.bundle.terms.len()]; self.bundle.docs.len()];
        for ib in &self.blocks {
            if self.bundle.docs[ib.doc].blocks[ib.block].details {
                continue;
            }
            for &(term, _, _) in &ib.terms {
                counts[ib.doc][term] += 1;
            }
        }
        counts
    }

    /// The five 五通 counts of every document (order of [`FIVE_IDS`]; an id missing from
    /// the glossary counts 0).
    pub fn five_counts(&self) -> Vec<[usize; 5]> {
        let slots: Vec<Option<usize>> = FIVE_IDS
            .iter()
            .map(|id| self.bundle.terms.iter().position(|t| t.id == *id))
            .collect();
        self.term_counts()
            .iter()
            .map(|counts| {
                let mut five = [0; 5];
                for (k, slot) in slots.iter().enumerate() {
                    five[k] = slot.map_or(0, |t| counts[t]);
                }
                five
            })
            .collect()
    }

    /// The `n` most frequent entries of document `doc` (entries that occur only).
    pub fn top_terms(&self, doc: usize, n: usize) -> Vec<TermCount> {
        self.term_counts()
            .get(doc)
            .map_or_else(Vec::new, |counts| self.top_of(counts, n))
    }

    fn top_of(&self, counts: &[usize], n: usize) -> Vec<TermCount> {
        let mut top: Vec<TermCount> = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(term, &count)| TermCount {
                term,
                id: self.bundle.terms[term].id.clone(),
                count,
            })
            .collect();
        order::sort_by(&mut top, |a, b| {
            b.count.cmp(&a.count).then(a.term.cmp(&b.term))
        });
        top.truncate(n);
        top
    }

    /// Counts for every document, in corpus order, with the `top_n` most frequent entries.
    pub fn term_stats(&self, top_n: usize) -> Vec<DocTermStats> {
        let five = self.five_counts();
        self.term_counts()
            .iter()
            .enumerate()
            .map(|(d, counts)| {
                let doc = &self.bundle.docs[d];
                DocTermStats {
                    doc: d,
                    doc_id: doc.meta.id.clone(),
                    chars: doc.char_count(),
                    five: five[d],
                    top: self.top_of(counts, top_n),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundle::Bundle;
    use crate::core::fixtures::{block, doc, term};

    fn bundle() -> Bundle {
        let mut cip = block("p9", "政策沟通政策沟通政策沟通");
        cip.details = true;
        Bundle {
            docs: vec![
                doc(
                    "a",
                    vec![
                        block("p1", "政策沟通、设施联通和民心相通。五通。政策沟通"),
                        cip,
                    ],
                ),
                doc("b", vec![block("p1", "没有术语")]),
            ],
            terms: vec![
                term("wu-tong", "五通")
                    .with_pinyin("wǔ tōng")
                    .with_english("five"),
                term("min-xin-xiang-tong", "民心相通"),
                term("zheng-ce-gou-tong", "政策沟通"),
                term("she-shi-lian-tong", "设施联通"),
            ],
        }
    }

    #[test]
    fn five_counts_follow_five_ids_and_skip_details() {
        let b = bundle();
        let index = SearchIndex::new(&b, None);
        assert_eq!(index.five_counts(), [[2, 1, 0, 0, 1], [0; 5]]);
        assert_eq!(index.term_counts()[0], [1, 1, 2, 1]);
    }

    #[test]
    fn top_terms_by_count_then_glossary_order() {
        let b = bundle();
        let index = SearchIndex::new(&b, None);
        let top: Vec<(String, usize)> = index
            .top_terms(0, 3)
            .into_iter()
            .map(|t| (t.id, t.count))
            .collect();
        assert_eq!(
            top,
            [
                ("zheng-ce-gou-tong".into(), 2),
                ("wu-tong".into(), 1),
                ("min-xin-xiang-tong".into(), 1)
            ]
        );
        assert!(index.top_terms(1, 3).is_empty());
        assert!(index.top_terms(7, 3).is_empty());
        let stats = index.term_stats(1);
        assert_eq!(stats[0].top.len(), 1);
        assert_eq!(stats[0].chars, 22);
        assert!((stats[0].per_10k(2) - 2.0 * 10_000.0 / 22.0).abs() < 1e-9);
        assert_eq!(stats[1].per_10k(0), 0.0);
    }
}
