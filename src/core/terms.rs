//! Finds glossary terms directly in the text, independent of the segmenter.
//!
//! A segmenter can split a term or glue it to a neighbour, so highlighting never relies on
//! it. Every written form of every entry is matched on the text with whitespace skipped
//! (a PDF line break or a space may sit inside a term), leftmost first and longest first,
//! so nested terms resolve to the longer one (人类命运共同体 over 命运共同体). Quotes are not
//! part of any form, so they stay outside the highlight.

use super::glossary::Term;
use super::order;
use super::text::{OffsetMap, TextRange};
use std::collections::HashMap;

/// One occurrence of a term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry in the glossary slice the matcher was built from.
    pub term: usize,
    pub range: TextRange,
}

/// A matcher over every form of every entry, built once.
#[derive(Debug, Clone, Default)]
pub struct TermMatcher {
    /// First char → (form chars, term index), longest form first.
    by_first: HashMap<char, Vec<(Vec<char>, usize)>>,
}

impl TermMatcher {
    pub fn new(terms: &[Term]) -> Self {
        let mut by_first: HashMap<char, Vec<(Vec<char>, usize)>> = HashMap::new();
        for (index, term) in terms.iter().enumerate() {
            for form in term.forms() {
                let chars: Vec<char> = form.chars().filter(|c| !c.is_whitespace()).collect();
                if let Some(&first) = chars.first() {
                    by_first.entry(first).or_default().push((chars, index));
                }
            }
        }
        for forms in by_first.values_mut() {
            order::sort_by(forms, |a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
            forms.dedup_by(|a, b| a.0 == b.0);
        }
        TermMatcher { by_first }
    }

    /// Every occurrence in `text`, in order, never overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let map = OffsetMap::new(text);
        self.find_with_map(text, &map)
    }

    pub fn find_with_map(&self, text: &str, map: &OffsetMap) -> Vec<Hit> {
        // The text without whitespace, with each char's byte start and end.
        let dense: Vec<(char, usize, usize)> = text
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(b, c)| (c, b, b + c.len_utf8()))
            .collect();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < dense.len() {
            let found = self.by_first.get(&dense[i].0).and_then(|forms| {
                forms.iter().find(|(form, _)| {
                    dense.len() - i >= form.len()
                        && form.iter().zip(&dense[i..]).all(|(f, d)| *f == d.0)
                })
            });
            match found {
                Some((form, term)) => {
                    let last = i + form.len() - 1;
                    hits.push(Hit {
                        term: *term,
                        range: map.range(dense[i].1, dense[last].2),
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::term;

    fn found(terms: &[Term], text: &str) -> Vec<(String, String)> {
        TermMatcher::new(terms)
            .find(text)
            .iter()
            .map(|h| (terms[h.term].id.clone(), h.range.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn longest_match_wins_for_nested_terms() {
        let terms = [
            term("ming-yun", "命运共同体"),
            term("ren-lei", "人类命运共同体"),
            term("wu-tong", "五通"),
            term("wu-tong-san-tong", "五通三同"),
        ];
        let hits = found(
            &terms,
            "推动构建人类命运共同体，“五通三同”与“五通”及命运共同体。",
        );
        let ids: Vec<&str> = hits.iter().map(|h| h.0.as_str()).collect();
        assert_eq!(ids, ["ren-lei", "wu-tong-san-tong", "wu-tong", "ming-yun"]);
    }

    #[test]
    fn variants_map_to_their_entry_and_quotes_stay_outside() {
        let terms = [term("gong-shang", "共商共建共享").with_variants(&["共商、共建、共享"])];
        let hits = found(&terms, "坚持“共商、共建、共享”原则");
        assert_eq!(
            hits,
            [("gong-shang".to_string(), "共商、共建、共享".to_string())]
        );
    }

    #[test]
    fn whitespace_inside_a_term_is_skipped() {
        let terms = [term("zhi-zao", "中国制造2025")];
        let hits = found(&terms, "“中国制造 2025”和中国制造\n2025");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].1, "中国制造 2025");
        assert_eq!(hits[1].1, "中国制造\n2025");
    }

    #[test]
    fn look_alikes_do_not_fire() {
        let terms = [
            term("hu-lian-wang-jia", "互联网+"),
            term("gong-ye", "工业互联网"),
        ];
        let hits = found(&terms, "发展工业互联网+平台，推进“互联网+”");
        assert_eq!(hits[0].1, "工业互联网");
        assert_eq!(hits[1].1, "互联网+");
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn offsets_are_in_all_units() {
        let terms = [term("x", "设施联通")];
        let text = "𠀀设施联通";
        let hit = &TermMatcher::new(&terms).find(text)[0];
        assert_eq!(hit.range.start.byte, 4);
        assert_eq!(hit.range.start.char, 1);
        assert_eq!(hit.range.start.utf16, 2);
        assert_eq!(hit.range.end.utf16, 6);
    }
}
