//! The distribution strip's marks: where in a document each 五通 occurrence falls, as a
//! fraction of its length, which mark a click or tap at some height of the strip means, and
//! where the arrow keys go (the strip is one stop in the tab order, not one per mark).
//! Kept apart from the UI so that the geometry is tested on the host.

use super::analysis::DocAnalysis;
use super::corpus::Document;

/// One mark: which of the five terms (0..5), where (0..1 of the text), the block it links
/// to, and that block's paragraph number as the reader shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub five: usize,
    pub at: f64,
    pub block: String,
    pub number: usize,
}

/// Every 五通 occurrence of `doc`, in reading order. `five_terms` are the glossary indices of
/// the five terms (`Engine::five_terms`).
pub fn marks(doc: &Document, analysis: &DocAnalysis, five_terms: &[Option<usize>; 5]) -> Vec<Mark> {
    let total: usize = doc
        .blocks
        .iter()
        .map(|b| b.text.chars().count())
        .sum::<usize>()
        .max(1);
    let mut before = 0;
    let mut out = Vec::new();
    let mut number = 0;
    for (block, a) in doc.blocks.iter().zip(&analysis.blocks) {
        if !block.is_heading() && !block.details {
            number += 1;
        }
        for hit in &a.hits {
            if let Some(five) = five_terms.iter().position(|t| *t == Some(hit.term)) {
                out.push(Mark {
                    five,
                    at: (before + hit.range.start.char) as f64 / total as f64,
                    block: block.id.clone(),
                    number,
                });
            }
        }
        before += block.text.chars().count();
    }
    out
}

/// The shown mark nearest to `at` (0..1 down the strip), so that a click or tap anywhere on
/// the strip lands on an occurrence, not only on a 5 px mark. `shown[five]`: whether that
/// term is highlighted (hidden terms' marks are hidden too). Ties go to the earlier mark.
pub fn nearest<'a>(marks: &'a [Mark], at: f64, shown: &[bool; 5]) -> Option<&'a Mark> {
    marks
        .iter()
        .filter(|m| shown.get(m.five).copied().unwrap_or(false))
        .min_by(|a, b| (a.at - at).abs().total_cmp(&(b.at - at).abs()))
}

/// A move of the keyboard focus within the strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next shown mark down the strip (ArrowDown, ArrowRight); stays on the last.
    Next,
    /// The previous shown mark (ArrowUp, ArrowLeft); stays on the first.
    Prev,
    /// The first shown mark (Home).
    First,
    /// The last shown mark (End).
    Last,
}

impl Step {
    /// The step a key means (`KeyboardEvent.key`), if any.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowDown" | "ArrowRight" => Some(Step::Next),
            "ArrowUp" | "ArrowLeft" => Some(Step::Prev),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

fn is_shown(marks: &[Mark], i: usize, shown: &[bool; 5]) -> bool {
    marks
        .get(i)
        .is_some_and(|m| shown.get(m.five).copied().unwrap_or(false))
}

/// The mark that holds the strip's one place in the tab order: `active` (the one last
/// focused) while its term is shown, else the first shown mark; `None` when none is shown.
pub fn tab_stop(marks: &[Mark], active: usize, shown: &[bool; 5]) -> Option<usize> {
    if is_shown(marks, active, shown) {
        return Some(active);
    }
    (0..marks.len()).find(|&i| is_shown(marks, i, shown))
}

/// Where `step` takes the focus from mark `from`, skipping marks whose term is hidden.
pub fn step(marks: &[Mark], from: usize, step: Step, shown: &[bool; 5]) -> Option<usize> {
    let visible = |i: &usize| is_shown(marks, *i, shown);
    match step {
        Step::First => (0..marks.len()).find(visible),
        Step::Last => (0..marks.len()).rev().find(visible),
        Step::Next => (from + 1..marks.len())
            .find(visible)
            .or_else(|| tab_stop(marks, from, shown)),
        Step::Prev => (0..from.min(marks.len()))
            .rev()
            .find(visible)
            .or_else(|| tab_stop(marks, from, shown)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::engine;

    fn mark(five: usize, at: f64) -> Mark {
        Mark {
            five,
            at,
            block: format!("p{five}"),
            number: 1,
        }
    }

    #[test]
    fn every_occurrence_is_a_mark_in_reading_order() {
        let e = engine();
        for doc in 0..e.bundle.docs.len() {
            let analysis = e.analyse(doc).expect("analysed");
            let m = marks(&e.bundle.docs[doc], &analysis, &e.five_terms);
            let mut counts = [0; 5];
            for x in &m {
                counts[x.five] += 1;
            }
            assert_eq!(counts, e.five_counts(doc), "{}", e.bundle.docs[doc].meta.id);
            assert!(m.windows(2).all(|w| w[0].at <= w[1].at));
            assert!(m.iter().all(|x| (0.0..1.0).contains(&x.at)));
        }
    }

    #[test]
    fn a_click_goes_to_the_nearest_shown_mark() {
        let m = [mark(0, 0.1), mark(1, 0.5), mark(2, 0.52), mark(3, 0.9)];
        let all = [true; 5];
        assert_eq!(nearest(&m, 0.0, &all).map(|x| x.five), Some(0));
        assert_eq!(nearest(&m, 0.49, &all).map(|x| x.five), Some(1));
        assert_eq!(nearest(&m, 0.515, &all).map(|x| x.five), Some(2));
        assert_eq!(nearest(&m, 1.0, &all).map(|x| x.five), Some(3));
        // The tie between 0.5 and 0.52 goes to the earlier.
        assert_eq!(nearest(&m, 0.51, &all).map(|x| x.five), Some(1));
        // A hidden term's marks are skipped.
        let no_trade = [true, true, false, true, true];
        assert_eq!(nearest(&m, 0.53, &no_trade).map(|x| x.five), Some(1));
        assert_eq!(nearest(&m, 0.5, &[false; 5]), None);
        assert_eq!(nearest(&[], 0.5, &all), None);
    }

    #[test]
    fn the_arrow_keys_walk_the_shown_marks_and_stop_at_the_ends() {
        let m = [mark(0, 0.1), mark(1, 0.2), mark(2, 0.3), mark(1, 0.4)];
        let all = [true; 5];
        assert_eq!(step(&m, 0, Step::Next, &all), Some(1));
        assert_eq!(step(&m, 3, Step::Next, &all), Some(3));
        assert_eq!(step(&m, 0, Step::Prev, &all), Some(0));
        assert_eq!(step(&m, 2, Step::Prev, &all), Some(1));
        assert_eq!(step(&m, 2, Step::First, &all), Some(0));
        assert_eq!(step(&m, 0, Step::Last, &all), Some(3));
        // With 设施联通 (1) hidden, its marks are stepped over.
        let no_facilities = [true, false, true, true, true];
        assert_eq!(step(&m, 0, Step::Next, &no_facilities), Some(2));
        assert_eq!(step(&m, 2, Step::Next, &no_facilities), Some(2));
        assert_eq!(step(&m, 2, Step::Last, &no_facilities), Some(2));
        // From a mark that was hidden meanwhile, Prev at the start lands on the first shown.
        assert_eq!(step(&m, 1, Step::Prev, &no_facilities), Some(0));
        assert_eq!(step(&m, 0, Step::Next, &[false; 5]), None);
        assert_eq!(step(&[], 0, Step::First, &all), None);
        assert_eq!(Step::from_key("ArrowRight"), Some(Step::Next));
        assert_eq!(Step::from_key("Tab"), None);
    }

    #[test]
    fn one_shown_mark_is_in_the_tab_order() {
        let m = [mark(0, 0.1), mark(1, 0.2), mark(2, 0.3)];
        assert_eq!(tab_stop(&m, 1, &[true; 5]), Some(1));
        // The active mark's term was hidden: the first shown mark takes its place.
        assert_eq!(tab_stop(&m, 1, &[false, false, true, true, true]), Some(2));
        assert_eq!(tab_stop(&m, 7, &[true; 5]), Some(0));
        assert_eq!(tab_stop(&m, 0, &[false; 5]), None);
    }
}
