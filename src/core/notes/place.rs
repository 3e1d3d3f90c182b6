//! Where the notes of one document land in its current text: the highlights to draw,
//! and the notes that could not be placed (listed as orphans, never hidden).

use super::model::{Note, NoteStore, Target};
use crate::core::anchor::{Resolution, Resolver, Strategy};
use crate::core::corpus::Document;
use crate::core::render::Mark;
use crate::core::text::TextRange;

/// A passage note and where it resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<'a> {
    pub note: &'a Note,
    pub para: String,
    pub range: TextRange,
    pub strategy: Strategy,
}

/// The live notes of one document, by where they go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement<'a> {
    /// Passage notes found in the text.
    pub passages: Vec<Placed<'a>>,
    /// Paragraph notes whose paragraph exists.
    pub paragraphs: Vec<&'a Note>,
    /// Notes on the whole document.
    pub document: Vec<&'a Note>,
    /// Passages not found and paragraphs that no longer exist.
    pub orphans: Vec<&'a Note>,
}

impl Placement<'_> {
    /// The highlights of one block, for [`crate::core::render::block_html`]: class
    /// `note c-<colour>` (plus `fuzzy` when the passage was found only approximately),
    /// and the note id as the mark's id.
    pub fn marks(&self, para: &str) -> Vec<Mark> {
        self.passages
            .iter()
            .filter(|p| p.para == para && !p.range.is_empty())
            .map(|p| Mark {
                start: p.range.start.byte,
                end: p.range.end.byte,
                class: match p.strategy {
                    Strategy::Fuzzy => format!("note {} fuzzy", p.note.colour.css_class()),
                    _ => format!("note {}", p.note.colour.css_class()),
                },
                id: p.note.id.clone(),
            })
            .collect()
    }
}

/// Resolves every live note of `doc` against its current text.
pub fn place<'a>(store: &'a NoteStore, doc: &Document) -> Placement<'a> {
    let resolver = Resolver::new(doc);
    let mut out = Placement::default();
    for note in store.live().filter(|n| n.doc == doc.meta.id) {
        match &note.target {
            Target::Document => out.document.push(note),
            Target::Paragraph { para } if doc.block(para).is_some() => out.paragraphs.push(note),
            Target::Paragraph { .. } => out.orphans.push(note),
            Target::Passage(anchor) => match resolver.resolve(anchor) {
                Resolution::Found {
                    strategy,
                    para,
                    range,
                    ..
                } => out.passages.push(Placed {
                    note,
                    para,
                    range,
                    strategy,
                }),
                Resolution::Orphan => out.orphans.push(note),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::anchor_from_selection;
    use crate::core::fixtures::{block, doc};
    use crate::core::notes::model::Colour;

    #[test]
    fn places_passages_paragraphs_and_orphans() {
        let doc = doc("doc-a", vec![block("p1", "甲乙丙丁戊己庚辛")]);
        let mut s = NoteStore::new();
        let mut n = Note::new(
            "n-1",
            "doc-a",
            Target::Passage(anchor_from_selection("p1", "甲乙丙丁戊己庚辛", 2, 4)),
            1,
        );
        n.colour = Colour::Blue;
        s.add(n).unwrap();
        s.add(Note::new(
            "n-2",
            "doc-a",
            Target::Paragraph { para: "p1".into() },
            1,
        ))
        .unwrap();
        s.add(Note::new(
            "n-3",
            "doc-a",
            Target::Paragraph { para: "p7".into() },
            1,
        ))
        .unwrap();
        s.add(Note::new("n-4", "doc-a", Target::Document, 1))
            .unwrap();
        s.add(Note::new("n-5", "doc-b", Target::Document, 1))
            .unwrap();
        let p = place(&s, &doc);
        assert_eq!(p.passages.len(), 1);
        assert_eq!(
            (p.paragraphs.len(), p.document.len(), p.orphans.len()),
            (1, 1, 1)
        );
        assert_eq!(p.orphans[0].id, "n-3");
        assert_eq!(
            p.marks("p1"),
            vec![Mark {
                start: 6,
                end: 12,
                class: "note c-blue".into(),
                id: "n-1".into()
            }]
        );
        assert!(p.marks("p2").is_empty());
    }
}
