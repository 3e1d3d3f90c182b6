//! The shipped dictionary (`dict/corpus.dict`) is fresh, and segments every bundled text
//! exactly as jieba-rs does with its full default dictionary.

use jieba_rs::Jieba;
use silk_road_reader::core::{bundle::bundle, dictionary, segment};

const REGENERATE: &str = "cargo run --example prune_dict";

#[test]
fn committed_dictionary_is_fresh() {
    let full = dictionary::full_dictionary_text().expect("jieba-rs's dictionary");
    let pruned = dictionary::generate(&full, bundle()).expect("pruning");
    assert!(
        pruned.text == segment::CORPUS_DICT,
        "dict/corpus.dict is stale (the texts or the glossary changed): run `{REGENERATE}`"
    );
}

#[test]
fn pruned_segmentation_equals_full_dictionary_on_every_text() {
    let (texts, _) = dictionary::inputs(bundle());
    let shipped = dictionary::parse_entries(segment::CORPUS_DICT).unwrap();
    let pruned = segment::Segmenter::from_dict(segment::CORPUS_DICT).unwrap();
    let mut full = Jieba::new();
    // The same domain words, with the same frequencies, on the full dictionary.
    let full_dict = dictionary::full_dictionary_text().unwrap();
    let known: std::collections::HashMap<&str, usize> = dictionary::parse_entries(&full_dict)
        .unwrap()
        .into_iter()
        .map(|e| (e.word, e.freq))
        .collect();
    for e in &shipped {
        if e.tag == dictionary::DOMAIN_TAG || known.get(e.word).is_some_and(|f| *f != e.freq) {
            full.add_word(e.word, Some(e.freq), Some(e.tag));
        }
    }
    let mut differing = Vec::new();
    for text in &texts {
        let a: Vec<&str> = full
            .cut(text, segment::HMM)
            .iter()
            .map(|t| t.word)
            .collect();
        let b = pruned.cut(text);
        if a != b {
            differing.push(text.chars().take(30).collect::<String>());
        }
    }
    assert!(
        texts.len() > 250,
        "all headings and paragraphs are compared"
    );
    assert!(
        differing.is_empty(),
        "{} texts differ, e.g. {:?}",
        differing.len(),
        &differing[..differing.len().min(3)]
    );
}

#[test]
fn shipped_dictionary_is_small() {
    let entries = dictionary::parse_entries(segment::CORPUS_DICT).unwrap();
    assert!(entries.len() < 10_000, "{} entries", entries.len());
    assert_eq!(entries.last().unwrap().word, dictionary::PADDING_WORD);
}
