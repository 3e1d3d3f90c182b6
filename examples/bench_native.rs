//! The native side of the browser benchmark (tests/bench/browser.mjs runs it in the same
//! session as the wasm timings): segmenter initialisation, segmentation and term matching
//! of the whole corpus, done exactly as `src/ui/bench.rs` does them in wasm.
//!
//! `cargo run --release --example bench_native -- --json [--runs N]` prints the timings as
//! JSON; without `--json`, as text. `--corpus` prints the bundled documents as JSON instead
//! (the browser benchmark builds its static-HTML baseline from them).

use silk_road_reader::core::bundle::bundle;
use silk_road_reader::core::segment::{Segmenter, CORPUS_DICT};
use silk_road_reader::core::terms::TermMatcher;
use std::hint::black_box;
use std::time::Instant;

/// Milliseconds of `n` timed runs after `warmup` untimed ones.
fn runs<T>(warmup: usize, n: usize, mut f: impl FnMut() -> T) -> Vec<f64> {
    for _ in 0..warmup {
        black_box(f());
    }
    (0..n)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}

fn summary(mut v: Vec<f64>) -> serde_json::Value {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let p95 = v[((0.95 * n as f64).ceil() as usize).clamp(1, n) - 1];
    serde_json::json!({
        "n": n, "median_ms": median, "p95_ms": p95, "min_ms": v[0], "max_ms": v[n - 1],
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let b = bundle();
    if args.iter().any(|a| a == "--corpus") {
        println!("{}", serde_json::to_string(&b.docs).unwrap_or_default());
        return;
    }
    let n: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    // Every heading and paragraph, as the segmenter sees them.
    let texts: Vec<&str> = silk_road_reader::core::dictionary::inputs(b).0;
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let Ok(seg) = Segmenter::from_dict(CORPUS_DICT) else {
        eprintln!("the corpus dictionary does not load");
        std::process::exit(1);
    };
    let matcher = TermMatcher::new(&b.terms);
    let words: usize = texts.iter().map(|t| seg.words(t).len()).sum();
    let hits: usize = texts.iter().map(|t| matcher.find(t).len()).sum();

    let init = runs(3, n, || Segmenter::from_dict(CORPUS_DICT).is_ok());
    let segment = runs(5, n, || {
        texts.iter().map(|t| seg.words(t).len()).sum::<usize>()
    });
    let matching = runs(5, n, || {
        texts.iter().map(|t| matcher.find(t).len()).sum::<usize>()
    });
    let out = serde_json::json!({
        "docs": b.docs.len(), "blocks": texts.len(), "chars": chars, "words": words, "hits": hits,
        "segmenter_init": summary(init),
        "segment_corpus": summary(segment),
        "match_corpus": summary(matching),
    });
    if args.iter().any(|a| a == "--json") {
        println!("{out}");
    } else {
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    }
}
