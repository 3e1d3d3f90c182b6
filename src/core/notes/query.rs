//! Listing notes: filters (document, tag, colour, words) and sort orders (reading
//! order, newest, oldest).

use super::model::{Colour, Note, NoteStore, Target};
use crate::core::corpus::Document;
use crate::core::order;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Which notes to list. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub doc: Option<String>,
    /// A tag, compared ignoring case.
    pub tag: Option<String>,
    pub colour: Option<Colour>,
    /// Words that must all occur (ignoring case) in the quote, the text or the tags.
    pub query: String,
}

impl Filter {
    pub fn matches(&self, note: &Note) -> bool {
        if self.doc.as_ref().is_some_and(|d| *d != note.doc)
            || self.colour.is_some_and(|c| c != note.colour)
        {
            return false;
        }
        if let Some(tag) = &self.tag {
            let tag = tag.trim().to_lowercase();
            if !note.tags.iter().any(|t| t.to_lowercase() == tag) {
                return false;
            }
        }
        let haystack = [
            note.target.quote().unwrap_or(""),
            &note.text,
            &note.tags.join("\n"),
        ]
        .join("\n")
        .to_lowercase();
        self.query
            .to_lowercase()
            .split_whitespace()
            .all(|w| haystack.contains(w))
    }
}

/// Sort orders of a note list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Reading order: documents as the library lists them, then blocks, then offsets;
    /// whole-document notes first in their document.
    #[default]
    Position,
    /// Most recently changed first.
    Newest,
    /// Oldest first (by creation).
    Oldest,
}

impl NoteStore {
    /// Live notes that pass `filter`, in `sort` order. `docs` (the bundle's documents, in
    /// library order) gives the reading order.
    pub fn list(&self, filter: &Filter, sort: Sort, docs: &[Document]) -> Vec<&Note> {
        let mut out: Vec<&Note> = self.live().filter(|n| filter.matches(n)).collect();
        match sort {
            Sort::Position => {
                order::sort_by_cached_key(&mut out, |n| {
                    (position_key(n, docs), n.created, n.id.clone())
                });
            }
            Sort::Newest => order::sort_by(&mut out, |a, b| {
                b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id))
            }),
            Sort::Oldest => order::sort_by(&mut out, |a, b| {
                a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id))
            }),
        }
        out
    }

    /// The tags of live notes with how many notes carry each, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for t in self.live().flat_map(|n| &n.tags) {
            match counts
                .iter_mut()
                .find(|(c, _)| c.to_lowercase() == t.to_lowercase())
            {
                Some((_, n)) => *n += 1,
                None => counts.push((t.clone(), 1)),
            }
        }
        order::sort_by(&mut counts, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        counts
    }
}

/// Reading-order key: (document index, unknown document id, block, offset). Unknown
/// documents and blocks sort last.
pub(super) fn position_key(note: &Note, docs: &[Document]) -> (usize, String, usize, usize) {
    let Some(d) = docs.iter().position(|d| d.meta.id == note.doc) else {
        return (usize::MAX, note.doc.clone(), 0, 0);
    };
    let block = |para: &str| {
        docs[d]
            .blocks
            .iter()
            .position(|b| b.id == para)
            .map_or(usize::MAX, |i| i + 1)
    };
    match &note.target {
        Target::Document => (d, String::new(), 0, 0),
        Target::Paragraph { para } => (d, String::new(), block(para), 0),
        Target::Passage(a) => (d, String::new(), block(&a.para), a.start_char),
    }
}

/// Compares notes in reading order (for callers sorting their own lists).
pub fn cmp_position(a: &Note, b: &Note, docs: &[Document]) -> Ordering {
    position_key(a, docs).cmp(&position_key(b, docs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{block, doc, passage, sample_store};

    fn docs() -> Vec<Document> {
        ["doc-a", "doc-b"]
            .map(|id| doc(id, vec![block("p1", "文"), block("p2", "文")]))
            .into()
    }

    #[test]
    fn list_filters_by_doc_tag_colour_and_words() {
        let s = sample_store();
        let ids = |f: Filter| {
            s.list(&f, Sort::Oldest, &docs())
                .iter()
                .map(|n| n.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(Filter {
                doc: Some("doc-b".into()),
                ..Default::default()
            }),
            ["n-1", "n-3", "n-4"]
        );
        assert_eq!(
            ids(Filter {
                tag: Some("BRI".into()),
                ..Default::default()
            }),
            ["n-1", "n-2"]
        );
        assert_eq!(
            ids(Filter {
                colour: Some(Colour::Green),
                ..Default::default()
            }),
            ["n-2"]
        );
        assert_eq!(
            ids(Filter {
                query: "belt 一带".into(),
                ..Default::default()
            }),
            ["n-1"]
        );
        assert_eq!(
            ids(Filter {
                query: "产能".into(),
                ..Default::default()
            }),
            ["n-2"],
            "tags are searched"
        );
        assert!(ids(Filter {
            query: "belt 产能".into(),
            ..Default::default()
        })
        .is_empty());
    }

    #[test]
    fn list_sorts_by_reading_order_or_date() {
        let mut s = sample_store();
        s.add(Note::new("n-5", "gone-doc", Target::Document, 50))
            .unwrap();
        s.add(Note::new("n-6", "doc-b", passage("p9", "x", 0), 60))
            .unwrap();
        let ids = |sort| {
            s.list(&Filter::default(), sort, &docs())
                .iter()
                .map(|n| n.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(Sort::Position),
            ["n-2", "n-4", "n-3", "n-1", "n-6", "n-5"]
        );
        assert_eq!(
            ids(Sort::Newest),
            ["n-4", "n-3", "n-2", "n-1", "n-6", "n-5"]
        );
        assert_eq!(
            ids(Sort::Oldest),
            ["n-5", "n-6", "n-1", "n-2", "n-3", "n-4"]
        );
        let mut s = s.clone();
        s.delete("n-4", 500).unwrap();
        assert_eq!(
            s.list(&Filter::default(), Sort::Position, &docs()).len(),
            5,
            "tombstones are not listed"
        );
    }

    #[test]
    fn tag_counts() {
        assert_eq!(
            sample_store().tags(),
            vec![("BRI".to_string(), 2), ("产能".to_string(), 1)]
        );
    }
}
