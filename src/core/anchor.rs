//! Anchors: how a note remembers the passage it is about, and finds it again after the
//! text has changed.
//!
//! Why this is more than two offsets: the texts are corrected over time (a typo fixed, a
//! paragraph split, moved or dropped), and a note that silently lands on the wrong words,
//! or vanishes, is worse than no note. So an anchor stores what Hypothesis stores: the
//! paragraph id, the exact quote, up to [`CONTEXT_CHARS`] characters of context on either
//! side, and the offsets in characters and in UTF-16 units (the DOM's unit). Resolving
//! tries, in order:
//!
//! 1. **Position**: the stored offsets in the stored paragraph still hold the quote.
//! 2. **Exact**: the quote elsewhere in its paragraph (the occurrence whose context and
//!    position agree best), else in another block of the document. Outside its paragraph
//!    a short quote must also agree with its context: a four-character phrase found in a
//!    different context is more likely another use of the same words than the passage.
//! 3. **Fuzzy**: approximate matches of the quote (at most 30% of its characters edited),
//!    scored on the quote, its context and its distance from the old position; the best
//!    one above [`FUZZY_THRESHOLD`] wins.
//! 4. **Orphan**: otherwise. The note is kept and listed as not found, never dropped.
//!
//! Fuzzy search is Myers' bit-parallel approximate string matching over 64-character
//! blocks of the quote: O(n·⌈m/64⌉) per text, so a 2,000-character quote over a
//! 30,000-character document costs about a million word operations, with no band to tune.

use super::corpus::Document;
use super::text::{OffsetMap, TextRange};
use crate::core::order;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many characters of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// The lowest score (0–1) a fuzzy match needs to be accepted.
pub const FUZZY_THRESHOLD: f64 = 0.6;

/// The share of a quote's characters that a fuzzy match may differ in.
const MAX_ERROR_RATE: f64 = 0.3;

/// Quotes shorter than this are not searched fuzzily: one edit in a two-character quote
/// matches half the document.
const MIN_FUZZY_CHARS: usize = 3;

/// Outside its own paragraph, an exact quote of fewer characters than this must also
/// agree with its context as much as a fuzzy match would have to.
const SPECIFIC_QUOTE_CHARS: usize = 12;

/// Where a passage note points, and what it pointed at when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Anchor {
    /// The id of the block (paragraph or heading) the quote was in.
    pub para: String,
    /// The selected text, exactly.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the quote, within the paragraph.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote, within the paragraph.
    #[serde(default)]
    pub suffix: String,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub start_char: usize,
    pub end_char: usize,
}

impl Anchor {
    /// An anchor for `range` of block `para`, whose text is `text`.
    /// Only the byte offsets of `range` are read (clamped to `text` and snapped back to
    /// its characters); the other units are recomputed, so a range from another text
    /// cannot make an inconsistent anchor.
    pub fn at(para: &str, text: &str, range: TextRange) -> Anchor {
        let (s, e) = (
            range.start.byte.min(text.len()),
            range.end.byte.min(text.len()),
        );
        let range = OffsetMap::new(text).range(s.min(e), e);
        let before = &text[..range.start.byte];
        let skip = before.chars().count().saturating_sub(CONTEXT_CHARS);
        Anchor {
            para: para.to_string(),
            quote: range.slice(text).to_string(),
            prefix: before.chars().skip(skip).collect(),
            suffix: text[range.end.byte..].chars().take(CONTEXT_CHARS).collect(),
            start_utf16: range.start.utf16,
            end_utf16: range.end.utf16,
            start_char: range.start.char,
            end_char: range.end.char,
        }
    }
}

/// The range a DOM selection covers in a paragraph's text: the offsets (UTF-16 units,
/// in either order) are clamped to the text, the start snaps back and the end forward to
/// whole characters (a surrogate pair is never split), and whitespace at either end is
/// left out (double-click selections often carry a trailing space or line break). A
/// selection of whitespace only, or a collapsed one, is an empty range at its start.
pub fn selection_range(text: &str, start_utf16: usize, end_utf16: usize) -> TextRange {
    let map = OffsetMap::new(text);
    let (a, b) = (start_utf16.min(end_utf16), start_utf16.max(end_utf16));
    let start = map.at_utf16(a);
    let mut end = map.at_utf16(b);
    if a == b {
        return map.range(start.byte, start.byte);
    }
    if end.utf16 < b {
        end = map.at_char(end.char + 1);
    }
    let slice = &text[start.byte..end.byte];
    let trimmed = slice.trim_start();
    if trimmed.is_empty() {
        return map.range(start.byte, start.byte);
    }
    let lead = slice.len() - trimmed.len();
    let trail = trimmed.len() - trimmed.trim_end().len();
    map.range(start.byte + lead, end.byte - trail)
}

/// The anchor of a selection in block `para` (see [`selection_range`] for the clean-up).
pub fn anchor_from_selection(
    para: &str,
    para_text: &str,
    start_utf16: usize,
    end_utf16: usize,
) -> Anchor {
    Anchor::at(
        para,
        para_text,
        selection_range(para_text, start_utf16, end_utf16),
    )
}

/// Which step of the resolution found the passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// The stored offsets still hold the quote.
    Position,
    /// The quote was found verbatim somewhere else.
    Exact,
    /// A close match of the quote and its context was found (the text was edited).
    Fuzzy,
}

/// Where an anchor lands in the current text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Resolution {
    Found {
        strategy: Strategy,
        /// The block the passage is in now (not always the stored one).
        para: String,
        range: TextRange,
        /// How sure the match is, 0–1 (1 for a position match).
        score: f64,
    },
    /// Not found: the note is kept and should be listed as such.
    Orphan,
}

impl Resolution {
    pub fn strategy(&self) -> Option<Strategy> {
        match self {
            Resolution::Found { strategy, .. } => Some(*strategy),
            Resolution::Orphan => None,
        }
    }

    pub fn para(&self) -> Option<&str> {
        match self {
            Resolution::Found { para, .. } => Some(para),
            Resolution::Orphan => None,
        }
    }

    pub fn range(&self) -> Option<TextRange> {
        match self {
            Resolution::Found { range, .. } => Some(*range),
            Resolution::Orphan => None,
        }
    }

    pub fn is_orphan(&self) -> bool {
        matches!(self, Resolution::Orphan)
    }
}

/// Resolves one anchor in a document. To resolve many anchors in the same document,
/// build a [`Resolver`] once.
pub fn resolve(anchor: &Anchor, doc: &Document) -> Resolution {
    Resolver::new(doc).resolve(anchor)
}

struct Prepared<'a> {
    id: &'a str,
    text: &'a str,
    map: OffsetMap,
    chars: Vec<char>,
}

/// A document prepared for resolving anchors (offset maps and characters of every block).
pub struct Resolver<'a> {
    blocks: Vec<Prepared<'a>>,
}

/// A candidate place: block index, char range, score.
type Candidate = (usize, usize, usize, f64);

impl<'a> Resolver<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let blocks = doc
            .blocks
            .iter()
            .map(|b| Prepared {
                id: &b.id,
                text: &b.text,
                map: OffsetMap::new(&b.text),
                chars: b.text.chars().collect(),
            })
            .collect();
        Resolver { blocks }
    }

    /// Finds the anchor's passage: position, then exact quote, then fuzzy, else orphan.
    pub fn resolve(&self, anchor: &Anchor) -> Resolution {
        let home = self.blocks.iter().position(|b| b.id == anchor.para);
        let quote: Vec<char> = anchor.quote.chars().collect();
        let found = |strategy, (block, start, end, score): Candidate| {
            let b = &self.blocks[block];
            Resolution::Found {
                strategy,
                para: b.id.to_string(),
                range: TextRange {
                    start: b.map.at_char(start),
                    end: b.map.at_char(end),
                },
                score,
            }
        };
        if let Some(c) = home.and_then(|h| self.at_position(h, anchor, &quote)) {
            return found(Strategy::Position, c);
        }
        if let Some(c) = self.exact(home, anchor, &quote) {
            return found(Strategy::Exact, c);
        }
        if let Some(c) = self.fuzzy(home, anchor, &quote) {
            return found(Strategy::Fuzzy, c);
        }
        Resolution::Orphan
    }

    /// A fresh anchor (offsets and context of the current text) where `anchor` resolves;
    /// `None` for an orphan. Saving it keeps later resolutions on the fast path.
    pub fn reanchor(&self, anchor: &Anchor) -> Option<Anchor> {
        match self.resolve(anchor) {
            Resolution::Found { para, range, .. } => {
                let b = self.blocks.iter().find(|b| b.id == para)?;
                Some(Anchor::at(&para, b.text, range))
            }
            Resolution::Orphan => None,
        }
    }

    fn at_position(&self, home: usize, a: &Anchor, quote: &[char]) -> Option<Candidate> {
        let b = &self.blocks[home];
        let len = b.chars.len();
        // Characters first; UTF-16 units as well, since anchors migrated from the first
        // format had UTF-16 offsets only.
        let by_char =
            (a.start_char <= a.end_char && a.end_char <= len).then_some((a.start_char, a.end_char));
        let by_utf16 = {
            let (s, e) = (b.map.at_utf16(a.start_utf16), b.map.at_utf16(a.end_utf16));
            (s.utf16 == a.start_utf16 && e.utf16 == a.end_utf16 && s.char <= e.char)
                .then_some((s.char, e.char))
        };
        [by_char, by_utf16]
            .into_iter()
            .flatten()
            .find_map(|(s, e)| {
                let holds = b.chars[s..e] == *quote
                    && (!quote.is_empty() || context_score(a, &b.chars, s, e) == 1.0);
                holds.then_some((home, s, e, 1.0))
            })
    }

    /// Every verbatim occurrence, scored on its context; in the home paragraph nearness
    /// to the old offset counts too, so the stored context decides between occurrences
    /// and, when it cannot (no context stored, or equal), the nearest one wins. An
    /// occurrence in the note's own paragraph always beats one elsewhere: the quote is
    /// still where the note was made, however much its surroundings changed.
    fn exact(&self, home: Option<usize>, a: &Anchor, quote: &[char]) -> Option<Candidate> {
        // An empty quote is a point: look for its context instead.
        let (needle, shift) = if quote.is_empty() {
            if a.prefix.is_empty() && a.suffix.is_empty() {
                return None;
            }
            (
                format!("{}{}", a.prefix, a.suffix),
                a.prefix.chars().count(),
            )
        } else {
            (a.quote.clone(), 0)
        };
        let n = quote.len();
        let distance = |i: usize| home.map_or(i, |h| i.abs_diff(h));
        // (in the home paragraph, score, block distance, block, start): the best is at
        // home if it can be, then has the highest score, then the lowest of the rest.
        let mut best: Option<(bool, f64, usize, usize, usize)> = None;
        for (i, b) in self.blocks.iter().enumerate() {
            for byte in find_all(b.text, &needle) {
                let s = b.map.at_byte(byte).char + shift;
                let ctx = context_score(a, &b.chars, s, s + n);
                let score = if Some(i) == home {
                    let len = b.chars.len().max(1) as f64;
                    0.8 * ctx + 0.2 * (1.0 - (s.abs_diff(a.start_char) as f64 / len).min(1.0))
                } else if n >= SPECIFIC_QUOTE_CHARS || fuzzy_score(1.0, ctx, 0.0) >= FUZZY_THRESHOLD
                {
                    0.8 * ctx
                } else {
                    continue;
                };
                let key = (Some(i) == home, score, distance(i), i, s);
                let better = best.is_none_or(|b| {
                    (key.0, key.1) > (b.0, b.1)
                        || ((key.0, key.1) == (b.0, b.1) && (key.2, key.3, key.4) < (b.2, b.3, b.4))
                });
                if better {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, score, _, i, s)| (i, s, s + n, score))
    }

    fn fuzzy(&self, home: Option<usize>, a: &Anchor, quote: &[char]) -> Option<Candidate> {
        let m = quote.len();
        if m < MIN_FUZZY_CHARS {
            return None;
        }
        let max_errors = ((m as f64) * MAX_ERROR_RATE).ceil() as usize;
        let forward = Myers::new(quote);
        let reversed: Vec<char> = quote.iter().rev().copied().collect();
        let backward = Myers::new(&reversed);
        let mut best: Option<Candidate> = None;
        for (i, b) in self.blocks.iter().enumerate() {
            let scores = forward.scores(&b.chars);
            for end in local_minima(&scores, max_errors) {
                let errors = scores[end];
                let start = find_start(&backward, &b.chars, end, m, errors);
                let quote_sim = 1.0 - errors as f64 / m as f64;
                let ctx = context_score(a, &b.chars, start, end + 1);
                let near = if Some(i) == home {
                    1.0 - (start.abs_diff(a.start_char) as f64 / b.chars.len().max(1) as f64)
                        .min(1.0)
                } else {
                    0.0
                };
                let score = fuzzy_score(quote_sim, ctx, near);
                if score >= FUZZY_THRESHOLD && best.is_none_or(|c| score > c.3) {
                    best = Some((i, start, end + 1, score));
                }
            }
        }
        best
    }
}

/// Byte offsets of every occurrence of `needle` in `text`, overlapping ones included
/// (`一一` occurs twice in `一一一`).
fn find_all<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + text.get(from..)?.find(needle)?;
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// The weighted score of a match: the quote counts most, then its context, then how
/// near it stays to the old position in the same paragraph (all 0–1).
fn fuzzy_score(quote: f64, context: f64, near: f64) -> f64 {
    0.5 * quote + 0.4 * context + 0.1 * near
}

/// How well the text around `[s, e)` agrees with the anchor's stored context, 0–1.
/// An anchor with no context at all (migrated from the first format) scores a neutral 0.5.
fn context_score(a: &Anchor, chars: &[char], s: usize, e: usize) -> f64 {
    if a.prefix.is_empty() && a.suffix.is_empty() {
        return 0.5;
    }
    let prefix: Vec<char> = a.prefix.chars().rev().collect();
    let before: Vec<char> = chars[s.saturating_sub(CONTEXT_CHARS)..s]
        .iter()
        .rev()
        .copied()
        .collect();
    let suffix: Vec<char> = a.suffix.chars().collect();
    let after = &chars[e..(e + CONTEXT_CHARS).min(chars.len())];
    (similarity(&prefix, &before) + similarity(&suffix, after)) / 2.0
}

/// 1 minus the edits that turn `context` into a beginning of `text`, per context char.
fn similarity(context: &[char], text: &[char]) -> f64 {
    if context.is_empty() {
        return if text.is_empty() { 1.0 } else { 0.75 };
    }
    1.0 - prefix_distance(context, text) as f64 / context.len() as f64
}

/// The fewest edits that turn `pattern` into some prefix of `text` (a small DP: both are
/// at most [`CONTEXT_CHARS`] long).
fn prefix_distance(pattern: &[char], text: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=text.len()).collect();
    for &p in pattern {
        let mut diag = row[0];
        row[0] += 1;
        for j in 1..=text.len() {
            let up = row[j];
            row[j] = (diag + usize::from(p != text[j - 1]))
                .min(up + 1)
                .min(row[j - 1] + 1);
            diag = up;
        }
    }
    row.into_iter().min().unwrap_or(pattern.len())
}

/// Ends of approximate matches: positions at most `max` edits away, at the bottom of
/// each dip of the score (the last of a plateau).
fn local_minima(scores: &[usize], max: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..scores.len())
        .filter(|&j| {
            scores[j] <= max
                && (j == 0 || scores[j] <= scores[j - 1])
                && scores.get(j + 1).is_none_or(|&next| scores[j] < next)
        })
        .collect();
    // Plenty for any real text; bounds the context scoring on pathological input.
    if out.len() > 256 {
        order::sort_by_key(&mut out, |&j| scores[j]);
        out.truncate(256);
    }
    out
}

/// The start of the best match ending at `end` (inclusive): the reversed quote searched
/// backwards from there, preferring the length nearest the quote's.
fn find_start(backward: &Myers, chars: &[char], end: usize, m: usize, errors: usize) -> usize {
    let lo = (end + 1).saturating_sub(m + errors);
    let window: Vec<char> = chars[lo..=end].iter().rev().copied().collect();
    let scores = backward.scores(&window);
    let min = scores.iter().copied().min().unwrap_or(0);
    let j = (0..scores.len())
        .filter(|&j| scores[j] == min)
        .min_by_key(|&j| (j + 1).abs_diff(m))
        .unwrap_or(0);
    end - j
}

/// A pattern prepared for Myers' bit-vector search (Myers 1999, with Hyyrö's blocks).
struct Myers {
    m: usize,
    blocks: usize,
    peq: HashMap<char, Vec<u64>>,
}

impl Myers {
    fn new(pattern: &[char]) -> Self {
        let blocks = pattern.len().div_ceil(64).max(1);
        let mut peq: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, &c) in pattern.iter().enumerate() {
            peq.entry(c).or_insert_with(|| vec![0; blocks])[i / 64] |= 1 << (i % 64);
        }
        Myers {
            m: pattern.len(),
            blocks,
            peq,
        }
    }

    /// For each position `j` of `text`, the fewest edits that turn the pattern into a
    /// substring of `text` ending at `j` (inclusive).
    fn scores(&self, text: &[char]) -> Vec<usize> {
        if self.m == 0 {
            return vec![0; text.len()];
        }
        let zero = vec![0u64; self.blocks];
        let mut pv = vec![!0u64; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let last = 1u64 << ((self.m - 1) % 64);
        let mut score = self.m;
        let mut out = Vec::with_capacity(text.len());
        for c in text {
            let eq = self.peq.get(c).unwrap_or(&zero);
            // The top row is all zeros: a match may start anywhere.
            let mut carry = 0i8;
            for b in 0..self.blocks {
                let bottom = if b + 1 == self.blocks { last } else { 1 << 63 };
                carry = advance_block(&mut pv[b], &mut mv[b], eq[b], carry, bottom);
            }
            score = score.saturating_add_signed(carry as isize);
            out.push(score);
        }
        out
    }
}

/// One column step of one 64-row block; `h_in` and the result are the horizontal deltas
/// (−1, 0, +1) entering at the block's top and leaving at its `bottom` row.
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i8, bottom: u64) -> i8 {
    let eq = eq | u64::from(h_in < 0);
    let xv = eq | *mv;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let h_out = if ph & bottom != 0 {
        1
    } else if mh & bottom != 0 {
        -1
    } else {
        0
    };
    ph = (ph << 1) | u64::from(h_in > 0);
    mh = (mh << 1) | u64::from(h_in < 0);
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{self, block};

    fn doc(paras: &[(&str, &str)]) -> Document {
        fixtures::doc(
            "d",
            paras.iter().map(|(id, text)| block(id, text)).collect(),
        )
    }

    /// The anchor of the first occurrence of `quote` in `text`.
    fn anchor(para: &str, text: &str, quote: &str) -> Anchor {
        let byte = text.find(quote).unwrap();
        Anchor::at(
            para,
            text,
            OffsetMap::new(text).range(byte, byte + quote.len()),
        )
    }

    const P: &str = "共建“一带一路”倡议一经提出，就得到全球范围的积极响应，在各方的共同努力下，这一倡议从蓝图变成广受欢迎的全球公共产品和最具包容性的国际合作平台，为各国经济发展、民生改善带来实惠。";

    #[test]
    fn anchor_at_a_foreign_range_is_clamped_not_a_panic() {
        let text = "甲乙";
        let wild = OffsetMap::new("一二三四五").range(4, 15);
        let a = Anchor::at("p1", text, wild);
        assert_eq!((a.quote.as_str(), a.start_char, a.end_char), ("乙", 1, 2));
        assert_eq!((a.prefix.as_str(), a.suffix.as_str()), ("甲", ""));
    }

    #[test]
    fn anchor_keeps_quote_context_and_both_units() {
        let text = "a𠀀bcd";
        let a = anchor_from_selection("p1", text, 1, 4);
        assert_eq!(a.quote, "𠀀b");
        assert_eq!(
            (a.start_utf16, a.end_utf16, a.start_char, a.end_char),
            (1, 4, 1, 3)
        );
        assert_eq!((a.prefix.as_str(), a.suffix.as_str()), ("a", "cd"));
        let long = "甲".repeat(40) + "乙" + &"丙".repeat(40);
        let a = anchor("p1", &long, "乙");
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.suffix, "丙".repeat(CONTEXT_CHARS));
    }

    #[test]
    fn selection_is_clamped_snapped_ordered_and_trimmed() {
        let text = "a𠀀b";
        // 2 is inside the pair: the start snaps back, the end forward.
        let r = selection_range(text, 2, 2);
        assert_eq!((r.start.utf16, r.end.utf16), (1, 1));
        let r = selection_range(text, 0, 2);
        assert_eq!(r.slice(text), "a𠀀");
        let r = selection_range(text, 2, 99);
        assert_eq!(r.slice(text), "𠀀b");
        let r = selection_range(text, 4, 1);
        assert_eq!(r.slice(text), "𠀀b", "a backwards selection");
        let text = " 一带 一路\n";
        assert_eq!(selection_range(text, 0, 7).slice(text), "一带 一路");
        let r = selection_range("甲  乙", 1, 3);
        assert!(r.is_empty());
        assert_eq!(r.start.char, 1);
    }

    #[test]
    fn position_when_unchanged() {
        let d = doc(&[("p1", P)]);
        let a = anchor("p1", P, "全球公共产品");
        let r = resolve(&a, &d);
        assert_eq!(r.strategy(), Some(Strategy::Position));
        assert_eq!(r.range().unwrap().slice(P), "全球公共产品");
    }

    #[test]
    fn exact_after_insertion_before_the_quote() {
        let a = anchor("p1", P, "全球公共产品");
        let edited = format!("十年来，{P}");
        let d = doc(&[("p1", &edited)]);
        let r = resolve(&a, &d);
        assert_eq!(r.strategy(), Some(Strategy::Exact));
        assert_eq!(r.range().unwrap().slice(&edited), "全球公共产品");
    }

    #[test]
    fn occurrences_may_overlap() {
        assert_eq!(find_all("一一一", "一一").collect::<Vec<_>>(), [0, 3]);
        assert_eq!(
            find_all("abc", "").count(),
            4,
            "an empty needle ends after the end"
        );
        assert_eq!(find_all("", "a").count(), 0);
    }

    #[test]
    fn the_exact_quote_near_the_old_position_wins_over_a_copy_elsewhere() {
        // The order: position, then "the exact quote near the old position",
        // then fuzzy. A copy with a better context in another paragraph does not move a
        // note away from a quote that is still in its own paragraph.
        let text = "子丑寅卯一带一路辰巳午未，甲乙丙丁一带一路戊己庚辛";
        let byte = text.rfind("一带一路").unwrap();
        let a = Anchor::at("p1", text, OffsetMap::new(text).range(byte, byte + 12));
        let split = text.find('甲').unwrap();
        let d = doc(&[("p1", &text[..split]), ("p1b", &text[split..])]);
        let r = resolve(&a, &d);
        assert_eq!((r.para(), r.range().unwrap().start.char), (Some("p1"), 4));
        // When the own paragraph no longer has it, the best context elsewhere wins.
        let moved = "子丑寅卯辰巳午未，";
        let d = doc(&[("p1", moved), ("p1b", &text[split..])]);
        let r = resolve(&a, &d);
        assert_eq!((r.para(), r.range().unwrap().start.char), (Some("p1b"), 4));
    }

    #[test]
    fn exact_prefers_the_occurrence_in_the_same_context() {
        let text = "一带一路甲乙丙丁。一带一路戊己庚辛。";
        let a = Anchor::at("p1", text, OffsetMap::new(text).range(27, 39));
        assert_eq!((a.quote.as_str(), a.start_char), ("一带一路", 9));
        let edited = format!("前言。{text}");
        let r = resolve(&a, &doc(&[("p1", &edited)]));
        assert_eq!(r.range().unwrap().start.char, 12);
    }

    #[test]
    fn fuzzy_after_a_typo_fix_inside_the_quote() {
        let old = P.replace("广受欢迎", "广受欢近");
        let a = anchor("p1", &old, "从蓝图变成广受欢近的全球公共产品");
        let d = doc(&[("p1", P)]);
        let r = resolve(&a, &d);
        assert_eq!(r.strategy(), Some(Strategy::Fuzzy), "{r:?}");
        assert_eq!(
            r.range().unwrap().slice(P),
            "从蓝图变成广受欢迎的全球公共产品"
        );
    }

    #[test]
    fn split_paragraph_and_deleted_paragraph() {
        let a = anchor("p2", P, "为各国经济发展");
        let (first, second) = P.split_at(P.find("为各国").unwrap());
        let d = doc(&[("p1", "别的段落。"), ("p2", first), ("p2b", second)]);
        let r = resolve(&a, &d);
        assert_eq!(r.para(), Some("p2b"));
        assert_eq!(r.strategy(), Some(Strategy::Exact));
        let d = doc(&[("p1", "别的段落。"), ("p3", "另一段，毫不相干。")]);
        assert!(resolve(&a, &d).is_orphan());
    }

    #[test]
    fn short_quote_elsewhere_needs_its_context() {
        let a = anchor("p2", "甲乙丙丁一带一路戊己庚辛", "一带一路");
        let d = doc(&[("p1", "子丑寅卯一带一路辰巳午未")]);
        assert!(resolve(&a, &d).is_orphan(), "another use of the same words");
        let d = doc(&[("p1", "甲乙丙丁一带一路戊己庚辛。")]);
        assert_eq!(resolve(&a, &d).para(), Some("p1"));
    }

    #[test]
    fn surrogate_pairs_resolve_in_both_units() {
        let text = "𠀀𠀁甲乙丙丁𠀂";
        let a = anchor_from_selection("p1", text, 3, 7);
        assert_eq!(
            a.quote, "𠀁甲乙丙",
            "the start inside 𠀁 snaps back to include it"
        );
        let edited = format!("𠀃{text}");
        let r = resolve(&a, &doc(&[("p1", &edited)]));
        let range = r.range().unwrap();
        assert_eq!(range.slice(&edited), "𠀁甲乙丙");
        assert_eq!((range.start.utf16, range.start.char), (4, 2));
    }

    #[test]
    fn migrated_anchor_with_utf16_offsets_only() {
        let text = "𠀀甲乙丙丁";
        // A v0 anchor: chars unknown (copied from UTF-16), no context.
        let a = Anchor {
            para: "p1".into(),
            quote: "乙丙".into(),
            start_utf16: 3,
            end_utf16: 5,
            start_char: 3,
            end_char: 5,
            ..Anchor::default()
        };
        let r = resolve(&a, &doc(&[("p1", text)]));
        assert_eq!(r.strategy(), Some(Strategy::Position));
        assert_eq!(r.range().unwrap().start.char, 2);
    }

    #[test]
    fn empty_quote_resolves_by_context_or_is_orphan() {
        let a = anchor_from_selection("p1", P, 10, 10);
        assert!(a.quote.is_empty());
        assert_eq!(
            resolve(&a, &doc(&[("p1", P)])).strategy(),
            Some(Strategy::Position)
        );
        let edited = format!("新增。{P}");
        let r = resolve(&a, &doc(&[("p1", &edited)]));
        assert_eq!(r.strategy(), Some(Strategy::Exact));
        assert_eq!(r.range().unwrap().start.char, 13);
        assert!(resolve(&a, &doc(&[("p1", "全新的文字")])).is_orphan());
        let bare = Anchor {
            para: "p9".into(),
            ..Anchor::default()
        };
        assert!(resolve(&bare, &doc(&[("p1", P)])).is_orphan());
    }

    #[test]
    fn reanchor_refreshes_offsets_and_context() {
        let a = anchor("p1", P, "全球公共产品");
        let edited = format!("十年来，{P}");
        let d = doc(&[("p1", &edited)]);
        let fresh = Resolver::new(&d).reanchor(&a).unwrap();
        assert_eq!(fresh.start_char, a.start_char + 4);
        assert_eq!(resolve(&fresh, &d).strategy(), Some(Strategy::Position));
    }

    /// Plain DP: fewest edits turning `p` into a substring of `t` ending at each position.
    fn naive_scores(p: &[char], t: &[char]) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=p.len()).collect();
        let mut out = vec![];
        for &c in t {
            let mut next = vec![0; p.len() + 1];
            for i in 1..=p.len() {
                next[i] = (col[i - 1] + usize::from(p[i - 1] != c))
                    .min(col[i] + 1)
                    .min(next[i - 1] + 1);
            }
            out.push(next[p.len()]);
            col = next;
        }
        out
    }

    #[test]
    fn myers_equals_plain_dynamic_programming() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let alphabet: Vec<char> = "一带路abc𠀀".chars().collect();
        for _ in 0..300 {
            let m = 1 + next(150);
            let n = next(300);
            let p: Vec<char> = (0..m).map(|_| alphabet[next(7)]).collect();
            let t: Vec<char> = (0..n).map(|_| alphabet[next(7)]).collect();
            assert_eq!(
                Myers::new(&p).scores(&t),
                naive_scores(&p, &t),
                "m={m} n={n}"
            );
        }
    }

    #[test]
    fn prefix_distance_allows_a_longer_text() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(prefix_distance(&c("abc"), &c("abcdef")), 0);
        assert_eq!(prefix_distance(&c("abc"), &c("axc")), 1);
        assert_eq!(prefix_distance(&c("abc"), &c("")), 3);
    }

    #[test]
    fn fuzzy_is_fast_on_a_long_document() {
        let para = P.repeat(20); // ~2,000 chars
        let paras: Vec<(String, String)> =
            (0..15).map(|i| (format!("p{i}"), para.clone())).collect();
        let refs: Vec<(&str, &str)> = paras
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let d = doc(&refs);
        let quote: String = para.chars().skip(100).take(1500).collect();
        let a = Anchor {
            para: "gone".into(),
            quote: quote.replacen('全', "金", 3),
            ..Anchor::default()
        };
        let t = std::time::Instant::now();
        let r = resolve(&a, &d);
        assert_eq!(r.strategy(), Some(Strategy::Fuzzy));
        assert!(t.elapsed().as_secs() < 5, "took {:?}", t.elapsed());
    }
}
