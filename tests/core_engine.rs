//! The text engine on the real corpus: policy terms stay whole, every 五通 occurrence is
//! found (the ground truth counted on the seeds), words cover each paragraph exactly, and
//! arbitrary Unicode never breaks normalisation, segmentation or matching.

use proptest::prelude::*;
use silk_road_reader::core::bundle::bundle;
use silk_road_reader::core::engine::engine;
use silk_road_reader::core::glossary::FIVE_HEADWORDS;
use silk_road_reader::core::segment::{Segmenter, CORPUS_DICT};

/// A segmenter with the shipped dictionary, as the app's shared one once every text is in.
fn segmenter() -> Option<Segmenter> {
    Segmenter::from_dict(CORPUS_DICT).ok()
}
use silk_road_reader::core::terms::TermMatcher;
use silk_road_reader::core::text::{strip_whitespace, OffsetMap};

#[test]
fn policy_terms_come_out_whole() {
    let seg = segmenter().expect("the shipped dictionary loads");
    let terms = [
        "政策沟通",
        "设施联通",
        "一带一路",
        "小而美",
        "一轴两翼",
        "六廊六路多国多港",
        "人类命运共同体",
    ];
    for term in terms {
        let mut seen = 0;
        for d in &bundle().docs {
            for b in d.blocks.iter().filter(|b| b.text.contains(term)) {
                let words = seg.cut(&b.text);
                let count = b.text.matches(term).count();
                let whole = words.iter().filter(|w| **w == term).count();
                assert_eq!(
                    whole, count,
                    "{term} is cut apart in {} {}: {words:?}",
                    d.meta.id, b.id
                );
                seen += count;
            }
        }
        assert!(seen > 0, "{term} occurs in the corpus");
    }
}

#[test]
fn every_domain_word_stays_one_token_where_it_stands_alone() {
    // Every glossary form jieba can keep whole is a single token when cut on its own.
    let seg = segmenter().unwrap();
    let (_, words) = silk_road_reader::core::dictionary::inputs(bundle());
    for w in &words {
        assert_eq!(seg.cut(w), vec![w.as_str()], "{w}");
    }
}

#[test]
fn five_connectivity_ground_truth() {
    // Counted on the seeds with whitespace removed: 政策沟通 13, 设施联通 15, 贸易畅通 10,
    // 资金融通 15, 民心相通 10. No text holding one was moved to publication details.
    assert_eq!(engine().five_corpus_counts(), [13, 15, 10, 15, 10]);
    for (i, hw) in FIVE_HEADWORDS.iter().enumerate() {
        let plain: usize = bundle()
            .docs
            .iter()
            .flat_map(|d| d.blocks.iter())
            .map(|b| strip_whitespace(&b.text).matches(hw).count())
            .sum();
        assert_eq!(
            plain,
            engine().five_corpus_counts()[i],
            "{hw}: the matcher finds every plain occurrence"
        );
    }
}

#[test]
fn nested_and_look_alike_terms_resolve_to_the_right_entry() {
    let b = bundle();
    let m = TermMatcher::new(&b.terms);
    let id = |text: &str| -> Vec<String> {
        m.find(text)
            .iter()
            .map(|h| b.terms[h.term].id.clone())
            .collect()
    };
    assert_eq!(
        id("推动构建人类命运共同体"),
        ["ren-lei-ming-yun-gong-tong-ti"]
    );
    assert!(id("“五通三同”").contains(&"wu-tong-san-tong".to_string()));
    assert_eq!(id("深化国际产能合作"), ["guo-ji-chan-neng-he-zuo"]);
    assert!(
        !id("工业互联网平台")
            .iter()
            .any(|t| t.starts_with("hu-lian-wang-jia")),
        "工业互联网 is not 互联网+"
    );
    assert!(id("建设—培训—溢出").is_empty());
}

#[test]
fn words_cover_every_paragraph_exactly() {
    let seg = segmenter().unwrap();
    for d in &bundle().docs {
        for b in &d.blocks {
            let words = seg.words(&b.text);
            let joined: String = words.iter().map(|w| w.slice(&b.text)).collect();
            assert_eq!(joined, b.text, "{} {}", d.meta.id, b.id);
            for pair in words.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
        }
    }
}

fn check_cover(text: &str) {
    let seg = segmenter().unwrap();
    let words = seg.words(text);
    let mut at = 0;
    for w in &words {
        assert_eq!(w.start.byte, at);
        assert!(text.is_char_boundary(w.end.byte));
        at = w.end.byte;
    }
    assert_eq!(at, text.len());
    let map = OffsetMap::new(text);
    for hit in engine().matcher.find(text) {
        assert!(
            text.is_char_boundary(hit.range.start.byte)
                && text.is_char_boundary(hit.range.end.byte)
        );
        assert_eq!(map.at_byte(hit.range.start.byte), hit.range.start);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn arbitrary_unicode_never_breaks_the_engine(s in "\\PC{0,200}") {
        check_cover(&s);
    }

    #[test]
    fn mixed_cjk_astral_and_combining_text(parts in prop::collection::vec(prop_oneof![
        Just("一带一路"), Just("设施联通"), Just("𠀀𠀁"), Just("e\u{301}"), Just(" "), Just("\n"),
        Just("“"), Just("互联网+"), Just("abc"), Just("１２３"), Just("\u{200b}"), Just("政策"), Just("沟通"),
    ], 0..60)) {
        let s: String = parts.concat();
        check_cover(&s);
        let hits = engine().matcher.find(&s);
        let plain = s.matches("设施联通").count();
        let found = hits.iter().filter(|h| h.range.slice(&s) == "设施联通").count();
        prop_assert!(found <= plain + s.matches("设施联\n通").count() + 4);
    }
}

#[test]
fn empty_and_one_megabyte_inputs() {
    check_cover("");
    let big: String = bundle()
        .docs
        .iter()
        .flat_map(|d| d.blocks.iter().map(|b| b.text.as_str()))
        .collect::<Vec<_>>()
        .concat();
    let mut s = String::new();
    while s.len() < 1_000_000 {
        s.push_str(&big);
        s.push('𠀀');
    }
    check_cover(&s);
}
