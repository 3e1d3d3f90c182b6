//! Timings for the browser benchmark (tests/bench/browser.mjs, run by scripts/bench.sh).
//! Each function runs the `core` code the app runs and returns the milliseconds it took,
//! from `performance.now()`; the page reaches them as `window.wasmBindings.bench_*`.
//! Kept tiny: it ships in the wasm.

use crate::core::bundle::bundle;
use crate::core::engine::engine;
use crate::core::search::{index, SearchIndex, SearchMode};
use crate::core::segment::{with_segmenter, Segmenter};
use std::hint::black_box;
use wasm_bindgen::prelude::wasm_bindgen;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Every block of every document, in corpus order.
fn texts() -> impl Iterator<Item = &'static str> {
    bundle()
        .docs
        .iter()
        .flat_map(|d| d.blocks.iter().map(|b| b.text.as_str()))
}

/// Milliseconds `f` takes (NaN when it reports failure with `None`).
fn timed<T>(f: impl FnOnce() -> Option<T>) -> f64 {
    let start = now();
    let out = black_box(f());
    let ms = now() - start;
    if out.is_some() {
        ms
    } else {
        f64::NAN
    }
}

/// Whether every text is there (the harness opens a page that fetches them first).
#[wasm_bindgen]
pub fn bench_texts_ready() -> bool {
    let all: Vec<usize> = (0..bundle().docs.len()).collect();
    bundle().texts_loaded(&all)
}

/// Builds a new segmenter from the whole corpus dictionary (the parts every text brought
/// to the shared one, which the harness has fetched), as if it were built at once.
#[wasm_bindgen]
pub fn bench_segmenter_init_ms() -> f64 {
    let Some(dict) = with_segmenter(|s| s.map(Segmenter::dict_text)) else {
        return f64::NAN;
    };
    timed(|| Segmenter::from_dict(&dict).ok())
}

/// Segments every block of the corpus with the shared segmenter (words with offsets, as
/// the reader does when it opens a document).
#[wasm_bindgen]
pub fn bench_segment_corpus_ms() -> f64 {
    with_segmenter(|seg| timed(|| seg.map(|s| texts().map(|t| s.words(t).len()).sum::<usize>())))
}

/// Finds every glossary term in every block, with the app's matcher.
#[wasm_bindgen]
pub fn bench_match_corpus_ms() -> f64 {
    let matcher = &engine().matcher;
    timed(|| Some(texts().map(|t| matcher.find(t).len()).sum::<usize>()))
}

/// Builds a new search index of the corpus (the app builds one, on the first search).
#[wasm_bindgen]
pub fn bench_index_build_ms() -> f64 {
    with_segmenter(|seg| timed(|| Some(SearchIndex::new(bundle(), seg))))
}

/// One query (`mode`: `word` or `sub`) on the app's search index, built beforehand.
#[wasm_bindgen]
pub fn bench_search_ms(query: &str, mode: &str) -> f64 {
    let Ok(mode) = SearchMode::from_param(mode) else {
        return f64::NAN;
    };
    let Some(idx) = index() else {
        return f64::NAN;
    };
    timed(|| idx.search(query, mode).ok().map(|r| r.total))
}

/// `[documents, blocks, chars, words, term hits]`, to check against the native run.
#[wasm_bindgen]
pub fn bench_corpus_counts() -> Vec<u32> {
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    let words = with_segmenter(|seg| seg.map_or(0, |s| texts().map(|t| s.words(t).len()).sum()));
    let hits = texts().map(|t| engine().matcher.find(t).len()).sum();
    vec![
        n(bundle().docs.len()),
        n(texts().count()),
        n(texts().map(|t| t.chars().count()).sum()),
        n(words),
        n(hits),
    ]
}
