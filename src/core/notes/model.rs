//! The note model and the store's operations: add, edit, delete (a tombstone) and undo.
//! Listing is in [`super::query`].

use crate::core::anchor::{Anchor, CONTEXT_CHARS};
use crate::core::corpus::is_id;
use crate::core::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Milliseconds since the Unix epoch (what `Date.now()` gives, as an integer).
pub type Millis = i64;

/// The latest time a note may carry (the end of year 9999). A bogus far-future time in
/// an imported file would otherwise win every later merge.
pub const MAX_MILLIS: Millis = 253_402_300_799_999;
pub const MAX_ID_CHARS: usize = 128;
pub const MAX_TEXT_CHARS: usize = 50_000;
pub const MAX_QUOTE_CHARS: usize = 50_000;
pub const MAX_TAGS: usize = 64;
pub const MAX_TAG_CHARS: usize = 64;

/// Highlight colours.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

impl Colour {
    pub const ALL: [Colour; 5] = [
        Colour::Yellow,
        Colour::Green,
        Colour::Blue,
        Colour::Pink,
        Colour::Purple,
    ];

    /// The name used in the data and in CSS (`yellow`).
    pub fn name(self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Pink => "pink",
            Colour::Purple => "purple",
        }
    }

    /// The CSS class of a highlight in this colour (`c-yellow`).
    pub fn css_class(self) -> &'static str {
        match self {
            Colour::Yellow => "c-yellow",
            Colour::Green => "c-green",
            Colour::Blue => "c-blue",
            Colour::Pink => "c-pink",
            Colour::Purple => "c-purple",
        }
    }

    /// A label for people, in the interface language.
    pub fn label(self, lang: Lang) -> &'static str {
        let en = lang == Lang::En;
        match self {
            Colour::Yellow if en => "yellow",
            Colour::Green if en => "green",
            Colour::Blue if en => "blue",
            Colour::Pink if en => "pink",
            Colour::Purple if en => "purple",
            Colour::Yellow => "黄色",
            Colour::Green => "绿色",
            Colour::Blue => "蓝色",
            Colour::Pink => "粉色",
            Colour::Purple => "紫色",
        }
    }

    /// Parses a colour name; the error says which names exist.
    pub fn parse(name: &str) -> Result<Colour, String> {
        Colour::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Colour::ALL.iter().map(|c| c.name()).collect();
                format!(
                    "unknown colour {name:?}; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// What a note is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target {
    /// A selected passage.
    Passage(Anchor),
    /// A whole paragraph (or heading).
    Paragraph { para: String },
    /// The document as a whole.
    Document,
}

impl Target {
    /// The block id the note was made on, if any.
    pub fn para(&self) -> Option<&str> {
        match self {
            Target::Passage(a) => Some(&a.para),
            Target::Paragraph { para } => Some(para),
            Target::Document => None,
        }
    }

    pub fn quote(&self) -> Option<&str> {
        match self {
            Target::Passage(a) => Some(&a.quote),
            _ => None,
        }
    }
}

/// A note or highlight. `deleted` is a tombstone: the note stays so that undo can
/// restore it and other tabs learn of the deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub doc: String,
    pub target: Target,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub colour: Colour,
    #[serde(default)]
    pub tags: Vec<String>,
    pub created: Millis,
    pub updated: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Millis>,
}

impl Note {
    /// Where "go to passage" leads: the note's paragraph, or the document's top.
    pub fn route(&self) -> crate::core::route::Route {
        crate::core::route::Route::Doc {
            doc: self.doc.clone(),
            para: self.target.para().map(str::to_string),
            quote: None,
        }
    }

    /// A new, empty yellow note made at `now`. `id` comes from the caller (e.g. the time
    /// and a random suffix): the core has no randomness.
    pub fn new(id: impl Into<String>, doc: impl Into<String>, target: Target, now: Millis) -> Note {
        Note {
            id: id.into(),
            doc: doc.into(),
            target,
            text: String::new(),
            colour: Colour::default(),
            tags: Vec::new(),
            created: now,
            updated: now,
            deleted: None,
        }
    }

    pub fn is_live(&self) -> bool {
        self.deleted.is_none()
    }

    /// Checks every field; the error names the field and the reason.
    pub fn check(&self) -> Result<(), FieldError> {
        let err = |field: &str, reason: String| {
            Err(FieldError {
                field: field.into(),
                reason,
            })
        };
        if self.id.is_empty() || self.id.chars().count() > MAX_ID_CHARS {
            return err("id", format!("must have 1 to {MAX_ID_CHARS} characters"));
        }
        if !self
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        {
            return err(
                "id",
                format!(
                    "{:?} may use only ASCII letters, digits and - _ . :",
                    self.id
                ),
            );
        }
        if !is_id(&self.doc) || self.doc.len() > MAX_ID_CHARS {
            return err(
                "doc",
                format!("{:?} is not a document id (a-z, 0-9 and '-')", self.doc),
            );
        }
        if let Some(para) = self.target.para() {
            if !is_id(para) || para.len() > MAX_ID_CHARS {
                return err(
                    "target.para",
                    format!("{para:?} is not a paragraph id (a-z, 0-9 and '-')"),
                );
            }
        }
        if let Target::Passage(a) = &self.target {
            if a.quote.chars().count() > MAX_QUOTE_CHARS {
                return err(
                    "target.quote",
                    format!("is longer than {MAX_QUOTE_CHARS} characters"),
                );
            }
            for (field, context) in [("target.prefix", &a.prefix), ("target.suffix", &a.suffix)] {
                if context.chars().count() > 4 * CONTEXT_CHARS {
                    return err(
                        field,
                        format!("is longer than {} characters", 4 * CONTEXT_CHARS),
                    );
                }
            }
            if a.start_utf16 > a.end_utf16 || a.start_char > a.end_char {
                return err(
                    "target.start_char",
                    "the passage ends before it starts".into(),
                );
            }
        }
        if self.text.chars().count() > MAX_TEXT_CHARS {
            return err(
                "text",
                format!("is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
        if self.tags.len() > MAX_TAGS {
            return err("tags", format!("more than {MAX_TAGS} tags"));
        }
        if let Some(t) = self.tags.iter().find(|t| t.chars().count() > MAX_TAG_CHARS) {
            return err(
                "tags",
                format!("tag {t:?} is longer than {MAX_TAG_CHARS} characters"),
            );
        }
        if self.tags != normalize_tags(&self.tags) {
            return err(
                "tags",
                "tags must be trimmed, non-empty and distinct".into(),
            );
        }
        for (field, t) in [
            ("created", Some(self.created)),
            ("updated", Some(self.updated)),
            ("deleted", self.deleted),
        ] {
            if let Some(t) = t.filter(|t| !(0..=MAX_MILLIS).contains(t)) {
                return err(
                    field,
                    format!("{t} is not a time between 1970 and 9999 (milliseconds)"),
                );
            }
        }
        Ok(())
    }
}

/// A problem with one field of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.reason)
    }
}

/// Trims tags, collapses inner whitespace, drops empty ones and duplicates (ignoring
/// case; the first spelling stays), keeping their order.
pub fn normalize_tags<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t);
        }
    }
    out
}

/// Tags typed in one field, separated by commas (`,` `，` `、`), semicolons or lines.
pub fn parse_tags(input: &str) -> Vec<String> {
    let parts: Vec<&str> = input.split([',', '，', '、', ';', '；', '\n']).collect();
    normalize_tags(&parts)
}

/// Why a store operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteError {
    DuplicateId(String),
    NotFound(String),
    /// The note is deleted: undo the deletion before editing it.
    Deleted(String),
    Invalid(FieldError),
}

impl fmt::Display for NoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteError::DuplicateId(id) => write!(f, "a note with id {id:?} already exists"),
            NoteError::NotFound(id) => write!(f, "no note has id {id:?}"),
            NoteError::Deleted(id) => {
                write!(f, "note {id:?} is deleted; undo the deletion to edit it")
            }
            NoteError::Invalid(e) => write!(f, "invalid note: {e}"),
        }
    }
}

impl std::error::Error for NoteError {}

/// The fields an edit may change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteEdit {
    pub text: Option<String>,
    pub colour: Option<Colour>,
    pub tags: Option<Vec<String>>,
    /// E.g. a fresh anchor after the text changed ([`crate::core::anchor::Resolver::reanchor`]).
    pub target: Option<Target>,
}

/// All notes, tombstones included, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteStore {
    notes: Vec<Note>,
}

/// `now`, or just after `prev` if the clock went back: a change always moves `updated`
/// forward, so it wins merges against the note's own earlier versions.
fn after(prev: Millis, now: Millis) -> Millis {
    now.max(prev.saturating_add(1)).min(MAX_MILLIS)
}

impl NoteStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store of the given notes (later duplicates of an id are merged in by
    /// [`crate::core::notes::merge`] rules).
    pub fn from_notes(notes: Vec<Note>) -> Self {
        let mut store = NoteStore::new();
        super::merge::merge(&mut store, &notes);
        store
    }

    /// Every note, tombstones included.
    pub fn all(&self) -> &[Note] {
        &self.notes
    }

    pub fn live(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| n.is_live())
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        self.notes.iter().position(|n| n.id == id)
    }

    pub(super) fn notes_mut(&mut self) -> &mut Vec<Note> {
        &mut self.notes
    }

    /// Adds a note; its tags are normalised first. Refuses an id already used, even by a
    /// deleted note (undo may still restore that one).
    pub fn add(&mut self, mut note: Note) -> Result<(), NoteError> {
        note.tags = normalize_tags(&note.tags);
        note.check().map_err(NoteError::Invalid)?;
        if self.get(&note.id).is_some() {
            return Err(NoteError::DuplicateId(note.id));
        }
        self.notes.push(note);
        Ok(())
    }

    /// Applies an edit at `now`. An edit that changes nothing changes nothing (not even
    /// `updated`).
    pub fn edit(&mut self, id: &str, edit: NoteEdit, now: Millis) -> Result<&Note, NoteError> {
        let i = self
            .index_of(id)
            .ok_or_else(|| NoteError::NotFound(id.into()))?;
        let old = &self.notes[i];
        if !old.is_live() {
            return Err(NoteError::Deleted(id.into()));
        }
        let mut note = old.clone();
        if let Some(text) = edit.text {
            note.text = text;
        }
        if let Some(colour) = edit.colour {
            note.colour = colour;
        }
        if let Some(tags) = edit.tags {
            note.tags = normalize_tags(&tags);
        }
        if let Some(target) = edit.target {
            note.target = target;
        }
        if note != *old {
            note.updated = after(old.updated, now);
            note.check().map_err(NoteError::Invalid)?;
            self.notes[i] = note;
        }
        Ok(&self.notes[i])
    }

    /// Deletes a note: a tombstone, which is itself a change (it moves `updated`).
    pub fn delete(&mut self, id: &str, now: Millis) -> Result<(), NoteError> {
        let note = self.get_mut(id)?;
        if note.deleted.is_none() {
            note.updated = after(note.updated, now);
            note.deleted = Some(note.updated);
        }
        Ok(())
    }

    /// Restores a deleted note (a change too, so it also wins over the tombstone in
    /// other tabs).
    pub fn undo_delete(&mut self, id: &str, now: Millis) -> Result<(), NoteError> {
        let note = self.get_mut(id)?;
        if note.deleted.is_some() {
            note.updated = after(note.updated, now);
            note.deleted = None;
        }
        Ok(())
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Note, NoteError> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or_else(|| NoteError::NotFound(id.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{passage, sample_store};

    #[test]
    fn go_to_passage_names_the_paragraph_or_the_document() {
        use crate::core::route::Route;
        let at = |target| Note::new("n", "d", target, 1).route();
        assert_eq!(at(passage("p2", "合作", 1)).to_hash(), "#/doc/d/p/p2");
        assert_eq!(
            at(Target::Paragraph { para: "p7".into() }),
            Route::Doc {
                doc: "d".into(),
                para: Some("p7".into()),
                quote: None
            }
        );
        assert_eq!(at(Target::Document).to_hash(), "#/doc/d");
    }

    #[test]
    fn colours_parse_and_name() {
        assert_eq!(Colour::parse("pink"), Ok(Colour::Pink));
        let e = Colour::parse("red").unwrap_err();
        assert_eq!(
            e,
            "unknown colour \"red\"; expected one of yellow, green, blue, pink, purple"
        );
        assert_eq!(Colour::Blue.css_class(), "c-blue");
        assert_eq!(Colour::Blue.label(Lang::Zh), "蓝色");
        assert_eq!(Colour::Blue.label(Lang::En), "blue");
        assert_eq!(
            serde_json::to_string(&Colour::Purple).unwrap(),
            "\"purple\""
        );
    }

    #[test]
    fn tags_are_trimmed_and_deduped() {
        assert_eq!(
            normalize_tags(&[" a  b ", "A B", "", "产能"]),
            vec!["a b", "产能"]
        );
        assert_eq!(
            parse_tags("产能，合作、 BRI; bri\n"),
            vec!["产能", "合作", "BRI"]
        );
        assert_eq!(sample_store().get("n-2").unwrap().tags, vec!["产能", "bri"]);
    }

    #[test]
    fn add_refuses_duplicates_and_bad_fields() {
        let mut s = sample_store();
        assert_eq!(
            s.add(Note::new("n-1", "doc-a", Target::Document, 1)),
            Err(NoteError::DuplicateId("n-1".into()))
        );
        let e = s
            .add(Note::new("n 9", "doc-a", Target::Document, 1))
            .unwrap_err();
        assert!(e.to_string().contains("field `id`"), "{e}");
        let e = s
            .add(Note::new("n-9", "Doc A", Target::Document, 1))
            .unwrap_err();
        assert!(e.to_string().contains("field `doc`"), "{e}");
        let e = s
            .add(Note::new("n-9", "doc-a", Target::Document, MAX_MILLIS + 1))
            .unwrap_err();
        assert!(e.to_string().contains("field `created`"), "{e}");
    }

    #[test]
    fn edit_moves_updated_forward_even_if_the_clock_went_back() {
        let mut s = sample_store();
        let n = s
            .edit(
                "n-1",
                NoteEdit {
                    text: Some("新".into()),
                    ..Default::default()
                },
                50,
            )
            .unwrap();
        assert_eq!((n.text.as_str(), n.updated, n.created), ("新", 101, 100));
        let n = s
            .edit(
                "n-1",
                NoteEdit {
                    text: Some("新".into()),
                    ..Default::default()
                },
                900,
            )
            .unwrap();
        assert_eq!(n.updated, 101, "no change, no write");
        let n = s
            .edit(
                "n-1",
                NoteEdit {
                    colour: Some(Colour::Pink),
                    tags: Some(vec!["x".into(), "X ".into()]),
                    ..Default::default()
                },
                900,
            )
            .unwrap();
        assert_eq!(
            (n.colour, n.tags.clone(), n.updated),
            (Colour::Pink, vec!["x".to_string()], 900)
        );
        assert_eq!(
            s.edit("zz", NoteEdit::default(), 1).unwrap_err(),
            NoteError::NotFound("zz".into())
        );
    }

    #[test]
    fn delete_is_a_tombstone_and_undo_restores() {
        let mut s = sample_store();
        s.delete("n-1", 1000).unwrap();
        let n = s.get("n-1").unwrap();
        assert_eq!((n.deleted, n.updated), (Some(1000), 1000));
        assert_eq!(s.live().count(), 3);
        assert_eq!(s.all().len(), 4);
        assert!(matches!(
            s.edit("n-1", NoteEdit::default(), 1001),
            Err(NoteError::Deleted(_))
        ));
        s.delete("n-1", 2000).unwrap();
        assert_eq!(
            s.get("n-1").unwrap().deleted,
            Some(1000),
            "deleting twice changes nothing"
        );
        s.undo_delete("n-1", 1100).unwrap();
        let n = s.get("n-1").unwrap();
        assert_eq!(
            (n.deleted, n.updated, n.text.as_str()),
            (None, 1100, "Belt and Road")
        );
    }

    #[test]
    fn serde_shape_is_plain() {
        let n = Note::new("n-1", "doc-a", Target::Paragraph { para: "p1".into() }, 5);
        let v = serde_json::to_value(&n).unwrap();
        assert_eq!(
            v["target"],
            serde_json::json!({"kind": "paragraph", "para": "p1"})
        );
        assert!(v.get("deleted").is_none());
        let back: Note = serde_json::from_value(v).unwrap();
        assert_eq!(back, n);
    }
}
