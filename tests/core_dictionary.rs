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

/// The wasm ships no dictionary: each text brings its part (`segment::dict_part`). A
/// document's part alone cuts it exactly as the whole dictionary does, and so does the
/// shared segmenter extended part by part, in any order of reading; once every part is
/// in, it holds the whole dictionary (search queries are cut as before).
#[test]
fn each_texts_part_of_the_dictionary_cuts_it_as_the_whole_does() {
    let whole = segment::Segmenter::from_dict(segment::CORPUS_DICT).unwrap();
    let docs = &bundle().docs;
    let parts: Vec<String> = docs
        .iter()
        .map(|d| segment::dict_part(segment::CORPUS_DICT, d, docs).unwrap())
        .collect();
    let mut grown = segment::Segmenter::empty();
    // Read in reverse order, each text cut right after its part arrives.
    for (doc, part) in docs.iter().zip(&parts).rev() {
        let alone = segment::Segmenter::from_dict(part).unwrap();
        grown.extend(part).unwrap();
        assert!(
            alone.len() < whole.len(),
            "{}: a part, not the whole",
            doc.meta.id
        );
        for b in doc.blocks.iter() {
            let expected = whole.cut(&b.text);
            assert_eq!(
                alone.cut(&b.text),
                expected,
                "{} {} (its part alone)",
                doc.meta.id,
                b.id
            );
            assert_eq!(
                grown.cut(&b.text),
                expected,
                "{} {} (grown)",
                doc.meta.id,
                b.id
            );
        }
    }
    assert_eq!(
        grown.len(),
        whole.len(),
        "every entry once every text is in"
    );
    assert_eq!(
        grown.dict_text().lines().last(),
        whole.dict_text().lines().last(),
        "the same padding"
    );
    // Loading a part twice changes nothing; a part of another dictionary is refused.
    grown.extend(&parts[0]).unwrap();
    assert_eq!(grown.len(), whole.len());
    assert!(grown.extend("一带一路 5\n\u{E000} 7\n").is_err());
    let query = "推进国际产能合作";
    assert_eq!(grown.cut(query), whole.cut(query));
}

/// A part that is refused (its entries weigh more than the dictionary's total, as a damaged
/// or tampered text file could) leaves the shared segmenter as it was: the texts already
/// in keep their cuts, and the next good part still loads.
#[test]
fn a_refused_part_changes_nothing() {
    let whole = segment::Segmenter::from_dict(segment::CORPUS_DICT).unwrap();
    let docs = &bundle().docs;
    let part = |i: usize| segment::dict_part(segment::CORPUS_DICT, &docs[i], docs).unwrap();
    let total: usize = dictionary::parse_entries(segment::CORPUS_DICT)
        .unwrap()
        .iter()
        .map(|e| e.freq)
        .sum();
    let mut grown = segment::Segmenter::empty();
    grown.extend(&part(0)).unwrap();
    let before = (grown.len(), grown.dict_text());
    let bad = format!("新词甲 {total}\n{} 0\n", dictionary::PADDING_WORD);
    assert!(grown.extend(&bad).is_err());
    assert_eq!(
        (grown.len(), grown.dict_text()),
        before,
        "nothing of the refused part kept"
    );
    grown.extend(&part(1)).unwrap();
    for b in docs[0].blocks.iter().chain(docs[1].blocks.iter()) {
        assert_eq!(grown.cut(&b.text), whole.cut(&b.text), "{}", b.id);
    }
}
