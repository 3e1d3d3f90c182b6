//! Small corpora and glossaries for the unit tests of search and its submodules.

use super::Segmenter;
use crate::core::bundle::Bundle;
use crate::core::corpus::{Block, BlockKind, DocMeta, Document};
use crate::core::glossary::Term;

pub fn block(id: &str, text: &str) -> Block {
    Block {
        id: id.into(),
        kind: if id.starts_with('s') {
            BlockKind::Heading(2)
        } else {
            BlockKind::Paragraph
        },
        text: text.into(),
        corrections: vec![],
        lang: String::new(),
        details: false,
        excerpt_ends: false,
        line: 0,
    }
}

pub fn doc(id: &str, blocks: Vec<Block>) -> Document {
    Document {
        meta: DocMeta {
            id: id.into(),
            seed: "000".into(),
            title: format!("标题{id}"),
            title_editorial: false,
            title_en: String::new(),
            authors: vec![],
            authors_editorial: false,
            affiliation: vec![],
            venue: String::new(),
            venue_en: String::new(),
            date: "2019".into(),
            date_approx: false,
            doi: String::new(),
            kind: "journal-article".into(),
            attribution: "By us.".into(),
            editorial_note: String::new(),
        },
        blocks,
    }
}

pub fn term(id: &str, headword: &str, variants: &[&str], pinyin: &str, english: &str) -> Term {
    Term {
        id: id.into(),
        headword: headword.into(),
        variants: variants.iter().map(|s| s.to_string()).collect(),
        reference_only: false,
        pinyin: pinyin.into(),
        category: "slogan".into(),
        english: english.into(),
        english_official: String::new(),
        english_alt: vec![],
        def_zh: String::new(),
        def_en: String::new(),
        origin_en: String::new(),
        origin_zh: String::new(),
        parts: vec![],
        related: vec![],
        context_en: String::new(),
        context_zh: String::new(),
        flag_en: String::new(),
        flag_zh: String::new(),
        confidence: "high".into(),
        sources: vec![],
        file: String::new(),
    }
}

/// A segmenter with a tiny dictionary, so unit tests know the words.
pub fn seg() -> Segmenter {
    Segmenter::from_dict("产能合作 1000 n\n合作 1000 v\n国际 1000 n\n加强 1000 v\n一带一路 1000 n\n共建 1000 v\n共建一带一路 2000 n\n").unwrap()
}

pub fn sample() -> Bundle {
    Bundle {
        docs: vec![
            doc(
                "a",
                vec![
                    block("s1", "加强合作"),
                    block("p1", "加强产能合作，国际合作。"),
                ],
            ),
            doc(
                "b",
                vec![
                    block("p1", "共建一带一路 与 BRI，合作；合 作"),
                    block("p2", "合作合作"),
                ],
            ),
        ],
        terms: vec![term(
            "ydyl",
            "一带一路",
            &[],
            "yī dài yī lù",
            "Belt and Road",
        )],
    }
}
