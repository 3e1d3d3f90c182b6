//! Builders shared by the core's unit tests: glossary entries, blocks, documents, a small
//! corpus for search, and a small note store.
//!
//! Each builder fills in what the tests commonly need and leaves the rest at `Default`;
//! a test that needs more sets it with struct-update syntax (`Block { details: true,
//! ..block("p1", "文") }`) or, for terms, with the `with_*` methods below.

use super::anchor::Anchor;
use super::bundle::Bundle;
use super::corpus::{Block, BlockKind, DocMeta, Document};
use super::glossary::Term;
use super::notes::{Colour, Note, NoteStore, Target};
use super::segment::Segmenter;

/// A glossary entry: category `slogan`, confidence `high`, every other field empty.
pub(crate) fn term(id: &str, headword: &str) -> Term {
    Term {
        id: id.into(),
        headword: headword.into(),
        category: "slogan".into(),
        confidence: "high".into(),
        ..Term::default()
    }
}

impl Term {
    pub(crate) fn with_variants(mut self, variants: &[&str]) -> Term {
        self.variants = variants.iter().map(|s| s.to_string()).collect();
        self
    }

    pub(crate) fn with_pinyin(mut self, pinyin: &str) -> Term {
        self.pinyin = pinyin.into();
        self
    }

    pub(crate) fn with_english(mut self, english: &str) -> Term {
        self.english = english.into();
        self
    }
}

/// A block: a level-2 heading when the id starts with `s`, a paragraph otherwise.
pub(crate) fn block(id: &str, text: &str) -> Block {
    Block {
        id: id.into(),
        kind: if id.starts_with('s') {
            BlockKind::Heading(2)
        } else {
            BlockKind::Paragraph
        },
        text: text.into(),
        ..Block::default()
    }
}

/// A valid header: a journal article of 2019 titled `标题<id>`.
pub(crate) fn meta(id: &str) -> DocMeta {
    DocMeta {
        id: id.into(),
        seed: "000".into(),
        title: format!("标题{id}"),
        date: "2019".into(),
        kind: "journal-article".into(),
        attribution: "By us.".into(),
        ..DocMeta::default()
    }
}

/// A document with the header of [`meta`].
pub(crate) fn doc(id: &str, blocks: Vec<Block>) -> Document {
    Document::new(meta(id), blocks)
}

/// A segmenter with a tiny dictionary, so unit tests know the words.
pub(crate) fn seg() -> Segmenter {
    Segmenter::from_dict("产能合作 1000 n\n合作 1000 v\n国际 1000 n\n加强 1000 v\n一带一路 1000 n\n共建 1000 v\n共建一带一路 2000 n\n").unwrap()
}

/// Two documents and one glossary entry (一带一路), for search.
pub(crate) fn sample_bundle() -> Bundle {
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
        terms: vec![term("ydyl", "一带一路")
            .with_pinyin("yī dài yī lù")
            .with_english("Belt and Road")],
    }
}

/// A note target: `quote` at character `start` of paragraph `para` (all in the BMP, so
/// UTF-16 offsets equal character offsets).
pub(crate) fn passage(para: &str, quote: &str, start: usize) -> Target {
    let n = quote.chars().count();
    Target::Passage(Anchor {
        para: para.into(),
        quote: quote.into(),
        start_char: start,
        end_char: start + n,
        start_utf16: start,
        end_utf16: start + n,
        ..Anchor::default()
    })
}

/// Four notes: a tagged passage (n-1), a green paragraph note with messy tags (n-2),
/// another passage (n-3) and a document note (n-4), created at 100, 200, 300 and 400.
pub(crate) fn sample_store() -> NoteStore {
    let mut s = NoteStore::new();
    let mut a = Note::new("n-1", "doc-b", passage("p2", "一带一路", 5), 100);
    a.text = "Belt and Road".into();
    a.tags = vec!["BRI".into()];
    s.add(a).unwrap();
    let mut b = Note::new("n-2", "doc-a", Target::Paragraph { para: "p1".into() }, 200);
    b.colour = Colour::Green;
    b.tags = vec![" 产能 ".into(), "bri".into(), "".into()];
    s.add(b).unwrap();
    s.add(Note::new("n-3", "doc-b", passage("p2", "合作", 1), 300))
        .unwrap();
    s.add(Note::new("n-4", "doc-b", Target::Document, 400))
        .unwrap();
    s
}
