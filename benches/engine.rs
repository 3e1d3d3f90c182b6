//! Native timings of the text engine over the bundled corpus: dictionary load (the pruned
//! `CORPUS_DICT` against jieba-rs's full dictionary), segmentation, term matching, the
//! per-document analysis, the search index and search queries.
//!
//! `cargo bench --bench engine` (release profile). A plain `harness = false` binary timed
//! with `std::time::Instant` (no criterion: it would add minutes to the build). Each
//! measurement runs a few warm-up iterations, then N timed repetitions, and prints the
//! median, p95 (nearest rank) and minimum in a fixed table. `-- --json <file>` also writes
//! the figures as JSON (scripts/bench.sh reads them). Nothing here fails for being slow.

use jieba_rs::Jieba;
use silk_road_reader::core::analysis;
use silk_road_reader::core::bundle::bundle;
use silk_road_reader::core::dictionary::full_dictionary_text;
use silk_road_reader::core::engine::Engine;
use silk_road_reader::core::search::{SearchIndex, SearchMode};
use silk_road_reader::core::segment::{Segmenter, CORPUS_DICT, HMM};
use silk_road_reader::core::terms::TermMatcher;
use std::hint::black_box;
use std::time::Instant;

/// The queries timed here and in the browser (tests/bench/browser.mjs has the same list):
/// the five 五通 terms, frequent words, a phrase jieba splits, Latin, digits, an absent word.
const QUERIES: &[&str] = &[
    "政策沟通",
    "设施联通",
    "贸易畅通",
    "资金融通",
    "民心相通",
    "合作",
    "发展",
    "一带一路",
    "国际合作",
    "人类命运共同体",
    "产能",
    "高质量发展",
    "bri",
    "2025",
    "量子计算",
];

/// Timings of one measurement, in milliseconds.
struct Stats {
    name: String,
    runs: Vec<f64>,
    /// Characters processed per run, for a throughput column (0: none).
    chars: usize,
}

impl Stats {
    fn sorted(&self) -> Vec<f64> {
        let mut v = self.runs.clone();
        v.sort_by(f64::total_cmp);
        v
    }
    fn median(&self) -> f64 {
        let v = self.sorted();
        let n = v.len();
        if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        }
    }
    /// Nearest-rank percentile.
    fn pct(&self, p: f64) -> f64 {
        let v = self.sorted();
        let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
        v[rank.clamp(1, v.len()) - 1]
    }
    fn min(&self) -> f64 {
        self.sorted()[0]
    }
}

/// Runs `f` `warmup` times untimed, then `n` times timed.
fn time<T>(name: &str, warmup: usize, n: usize, chars: usize, mut f: impl FnMut() -> T) -> Stats {
    for _ in 0..warmup {
        black_box(f());
    }
    let runs = (0..n)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    Stats {
        name: name.to_string(),
        runs,
        chars,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json_out = args
        .iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1).cloned());
    // `cargo bench` passes `--bench`; a quick mode for trying the binary out.
    let quick = args.iter().any(|a| a == "--quick");
    let scale = |n: usize| if quick { n.div_ceil(10).max(3) } else { n };

    let t = Instant::now();
    let b = bundle();
    let bundle_ms = t.elapsed().as_secs_f64() * 1e3;
    // Every heading and paragraph, as the segmenter sees them.
    let texts: Vec<&str> = silk_road_reader::core::dictionary::inputs(b).0;
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let full_text = full_dictionary_text().unwrap_or_else(|e| {
        eprintln!("cannot read jieba-rs's dict.txt: {e}");
        std::process::exit(1);
    });
    let pruned = Segmenter::from_dict(CORPUS_DICT).expect("CORPUS_DICT parses");
    let full = Jieba::new();
    let matcher = TermMatcher::new(&b.terms);

    let mut rows: Vec<Stats> = Vec::new();
    rows.push(time(
        "dict load: pruned CORPUS_DICT",
        5,
        scale(50),
        0,
        || Segmenter::from_dict(CORPUS_DICT).map(|_| ()),
    ));
    rows.push(time(
        "dict load: full, Jieba::new() (embedded)",
        1,
        scale(10),
        0,
        Jieba::new,
    ));
    rows.push(time(
        "dict load: full, from dict.txt text",
        1,
        scale(10),
        0,
        || Segmenter::from_dict(&full_text).map(|_| ()),
    ));
    rows.push(time(
        "segment corpus: pruned dict (words)",
        5,
        scale(100),
        chars,
        || texts.iter().map(|t| pruned.words(t).len()).sum::<usize>(),
    ));
    rows.push(time(
        "segment corpus: full dict (jieba cut)",
        5,
        scale(100),
        chars,
        || texts.iter().map(|t| full.cut(t, HMM).len()).sum::<usize>(),
    ));
    rows.push(time("term matcher: build", 5, scale(100), 0, || {
        TermMatcher::new(&b.terms)
    }));
    rows.push(time("term matching: corpus", 5, scale(100), chars, || {
        texts.iter().map(|t| matcher.find(t).len()).sum::<usize>()
    }));
    rows.push(time(
        "analyse every doc (segment+match)",
        3,
        scale(50),
        chars,
        || {
            b.docs
                .iter()
                .map(|d| analysis::analyse(d, &matcher, Some(&pruned)).blocks.len())
                .sum::<usize>()
        },
    ));
    rows.push(time(
        "engine build (matcher+counts)",
        3,
        scale(50),
        chars,
        || Engine::new(b).term_counts.len(),
    ));
    rows.push(time("search index build", 3, scale(50), chars, || {
        SearchIndex::new(b, Some(&pruned))
    }));
    let index = SearchIndex::new(b, Some(&pruned));
    let mut per_query: Vec<Stats> = Vec::new();
    for mode in [SearchMode::Word, SearchMode::Substring] {
        for q in QUERIES {
            per_query.push(time(
                &format!("{} {q}", mode.as_param()),
                3,
                scale(30),
                0,
                || index.search(q, mode).map(|r| r.total).unwrap_or(0),
            ));
        }
    }
    let all_queries = Stats {
        name: format!(
            "search query ({} queries x 2 modes, all runs)",
            QUERIES.len()
        ),
        runs: per_query.iter().flat_map(|s| s.runs.clone()).collect(),
        chars: 0,
    };
    rows.push(all_queries);

    let words: usize = texts.iter().map(|t| pruned.words(t).len()).sum();
    let hits: usize = texts.iter().map(|t| matcher.find(t).len()).sum();
    println!(
        "corpus: {} documents, {} blocks, {} chars, {} words (pruned dict), {} term hits; bundle decode (first call) {:.2} ms",
        b.docs.len(),
        texts.len(),
        chars,
        words,
        hits,
        bundle_ms
    );
    println!(
        "dictionaries: pruned {} entries ({} bytes), full {} entries ({} bytes); HMM = {HMM}",
        CORPUS_DICT.lines().count(),
        CORPUS_DICT.len(),
        full_text.lines().count(),
        full_text.len()
    );
    println!();
    print_table(&rows);
    println!();
    println!("search queries, per query:");
    print_table(&per_query);

    if let Some(path) = json_out {
        let json = serde_json::json!({
            "corpus": {
                "docs": b.docs.len(), "blocks": texts.len(), "chars": chars,
                "words": words, "hits": hits, "bundle_decode_ms": bundle_ms,
            },
            "dict": {
                "pruned_entries": CORPUS_DICT.lines().count(), "pruned_bytes": CORPUS_DICT.len(),
                "full_entries": full_text.lines().count(), "full_bytes": full_text.len(),
            },
            "rows": rows.iter().map(stats_json).collect::<Vec<_>>(),
            "queries": per_query.iter().map(stats_json).collect::<Vec<_>>(),
        });
        if let Err(e) = std::fs::write(
            &path,
            serde_json::to_string_pretty(&json).unwrap_or_default(),
        ) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}

fn stats_json(s: &Stats) -> serde_json::Value {
    serde_json::json!({
        "name": s.name, "n": s.runs.len(), "median_ms": s.median(), "p95_ms": s.pct(95.0),
        "min_ms": s.min(), "chars": s.chars,
    })
}

fn print_table(rows: &[Stats]) {
    println!(
        "{:<46} {:>5} {:>11} {:>11} {:>11} {:>12}",
        "measurement", "n", "median ms", "p95 ms", "min ms", "M chars/s"
    );
    for s in rows {
        let rate = if s.chars > 0 {
            format!("{:.1}", s.chars as f64 / s.median() / 1e3)
        } else {
            "-".into()
        };
        println!(
            "{} {:>5} {:>11.3} {:>11.3} {:>11.3} {:>12}",
            pad(&s.name, 46),
            s.runs.len(),
            s.median(),
            s.pct(95.0),
            s.min(),
            rate
        );
    }
}

/// Pads `s` to `width` terminal columns (CJK characters take two).
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}
