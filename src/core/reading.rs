//! Where a reader left each document: the paragraph being read when they last scrolled,
//! kept in the browser so that coming back to a text offers "continue at ¶N" (the reader
//! does not jump there by itself: a link to the document still opens at its top).

use super::citation::paragraph_number;
use super::corpus::Document;
use super::notes::Millis;
use serde::{Deserialize, Serialize};

/// The localStorage key.
pub const READING_KEY: &str = "silk-road-reader/reading/v1";

/// Paragraphs this close to the start are not worth a "continue" link.
const WORTH_RESUMING: usize = 3;

/// One document's place: its paragraph id and when it was read (ms since 1970; whole
/// milliseconds, as the notes keep time).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub doc: String,
    pub para: String,
    #[serde(default)]
    pub at: Millis,
}

/// Every document's place, one per document. (A list, not a map: a few documents, and
/// a map's serde code alone cost the wasm 2 kB brotli.)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadingPlaces {
    #[serde(default)]
    pub places: Vec<Place>,
}

impl ReadingPlaces {
    /// Reads what was stored; anything unreadable counts as nothing read (these are
    /// bookmarks the app wrote, not the reader's own words: nothing is lost that matters).
    pub fn decode(raw: &str) -> ReadingPlaces {
        serde_json::from_str(raw).unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Records that `para` of `doc` is being read; false when that was already so.
    pub fn record(&mut self, doc: &str, para: &str, now: Millis) -> bool {
        match self.places.iter_mut().find(|p| p.doc == doc) {
            Some(place) if place.para == para => false,
            Some(place) => {
                place.para = para.to_string();
                place.at = now;
                true
            }
            None => {
                self.places.push(Place {
                    doc: doc.to_string(),
                    para: para.to_string(),
                    at: now,
                });
                true
            }
        }
    }

    /// The place recorded for `doc`.
    pub fn get(&self, doc: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.doc == doc)
    }

    /// Where to offer to continue `doc`: the paragraph's id and its number as the reader
    /// shows it, when it is still in the text and past the first few paragraphs.
    pub fn resume(&self, doc: &Document) -> Option<(String, usize)> {
        let place = self.get(&doc.meta.id)?;
        let number = paragraph_number(doc, &place.para)?;
        (number >= WORTH_RESUMING).then(|| (place.para.clone(), number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundle::bundle;

    #[test]
    fn a_place_is_kept_per_document_and_survives_a_round_trip() {
        let mut places = ReadingPlaces::default();
        assert!(places.record("a", "p7", 1));
        assert!(
            !places.record("a", "p7", 2),
            "the same paragraph again is no change"
        );
        assert!(places.record("a", "p9", 3));
        assert!(places.record("b", "p2", 4));
        let back = ReadingPlaces::decode(&places.encode());
        assert_eq!(back, places);
        assert_eq!(back.get("a").map(|p| p.para.as_str()), Some("p9"));
        assert_eq!(back.places.len(), 2, "one place per document");
    }

    #[test]
    fn unreadable_storage_is_nothing_read() {
        for raw in ["", "null", "{", "[1,2]", "{\"places\": 5}"] {
            assert_eq!(
                ReadingPlaces::decode(raw),
                ReadingPlaces::default(),
                "{raw}"
            );
        }
        // A place without its time is still a place.
        let p = ReadingPlaces::decode(r#"{"places":[{"doc":"a","para":"p4"}]}"#);
        assert_eq!(p.get("a").map(|p| p.para.as_str()), Some("p4"));
    }

    #[test]
    fn continue_is_offered_past_the_opening_and_only_for_paragraphs_in_the_text() {
        let doc = &bundle().docs[0];
        let paras: Vec<&str> = doc
            .blocks
            .iter()
            .filter(|b| !b.is_heading() && !b.details)
            .map(|b| b.id.as_str())
            .collect();
        let mut places = ReadingPlaces::default();
        let id = &doc.meta.id;
        places.record(id, paras[0], 0);
        assert_eq!(
            places.resume(doc),
            None,
            "the first paragraph: nothing to continue"
        );
        places.record(id, paras[9], 0);
        assert_eq!(places.resume(doc), Some((paras[9].to_string(), 10)));
        places.record(id, "no-such-paragraph", 0);
        assert_eq!(
            places.resume(doc),
            None,
            "a paragraph no longer in the text"
        );
    }
}
