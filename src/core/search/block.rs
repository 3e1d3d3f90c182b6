//! One block of the corpus prepared for matching: its normalised text with the map back
//! to source offsets, its word boundaries and its glossary occurrences.
//!
//! Why precomputed: segmentation and term matching are the costly steps of a search;
//! done once here, a query is a string scan.

use super::{fold_into, normalize, SearchMode};
use crate::core::order;
use crate::core::segment::Segmenter;
use crate::core::terms::TermMatcher;

/// One block, prepared for matching.
#[derive(Debug, Clone)]
pub(super) struct IndexedBlock {
    pub(super) doc: usize,
    pub(super) block: usize,
    /// The normalised text ([`normalize`]).
    pub(super) norm: String,
    /// For each char of `norm`: its byte in `norm`, and the byte range of the source char
    /// it came from.
    pub(super) map: Vec<(u32, u32, u32)>,
    /// `bound[i]`: a word starts or ends at byte `i` of `norm` (length `norm.len() + 1`).
    pub(super) bound: Vec<bool>,
    /// Glossary occurrences: (term index, source byte start, source byte end).
    pub(super) terms: Vec<(usize, usize, usize)>,
}

impl IndexedBlock {
    pub(super) fn new(
        doc: usize,
        block: usize,
        text: &str,
        segmenter: Option<&Segmenter>,
        matcher: &TermMatcher,
    ) -> IndexedBlock {
        let mut norm = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() / 2 + 1);
        for (i, c) in text.char_indices() {
            let before = norm.len();
            fold_into(c, &mut norm);
            let end = (i + c.len_utf8()) as u32;
            for (k, _) in norm[before..].char_indices() {
                map.push(((before + k) as u32, i as u32, end));
            }
        }
        let mut bound = vec![false; norm.len() + 1];
        bound[0] = true;
        bound[norm.len()] = true;
        match segmenter {
            Some(s) => {
                // Each word's source start, mapped to the first normalised char at or
                // after it (whitespace words vanish, their edges coincide).
                let mut at = 0usize;
                let mut m = 0usize;
                for word in s.cut(text) {
                    while m < map.len() && (map[m].1 as usize) < at {
                        m += 1;
                    }
                    bound[map.get(m).map_or(norm.len(), |e| e.0 as usize)] = true;
                    at += word.len();
                }
            }
            // No segmenter: every character is a word, so word mode finds substrings.
            None => map.iter().for_each(|e| bound[e.0 as usize] = true),
        }
        let terms = matcher
            .find(text)
            .into_iter()
            .map(|h| (h.term, h.range.start.byte, h.range.end.byte))
            .collect();
        IndexedBlock {
            doc,
            block,
            norm,
            map,
            bound,
            terms,
        }
    }

    /// The source byte range of `norm[start..end]`.
    fn source(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.map.partition_point(|e| (e.0 as usize) < start);
        let last = self
            .map
            .partition_point(|e| (e.0 as usize) < end)
            .saturating_sub(1);
        (self.map[first].1 as usize, self.map[last].2 as usize)
    }

    /// Source byte ranges of the matches of the normalised query `q`, in order, never
    /// overlapping. `forms` are the glossary terms of which `q` is a form (word mode).
    pub(super) fn matches(
        &self,
        q: &str,
        mode: SearchMode,
        forms: &[usize],
        text: &str,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        let step = q.chars().next().map_or(1, char::len_utf8);
        while let Some(i) = self.norm[from..].find(q) {
            let p = from + i;
            let end = p + q.len();
            if mode == SearchMode::Substring || (self.bound[p] && self.bound[end]) {
                out.push(self.source(p, end));
                from = end;
            } else {
                from = p + step;
            }
        }
        if mode == SearchMode::Word && !forms.is_empty() {
            let extra = self
                .terms
                .iter()
                .filter(|(t, s, e)| forms.contains(t) && normalize(&text[*s..*e]) == q)
                .map(|&(_, s, e)| (s, e));
            out.extend(extra);
            order::sort(&mut out);
            let mut last_end = 0;
            out.retain(|&(s, e)| {
                let keep = s >= last_end;
                if keep {
                    last_end = e;
                }
                keep
            });
        }
        out
    }
}
