//! How a document's authors, venue and date read in each interface language, with the
//! words for what is unknown. Shared by the library cards, the reader's header and the
//! pre-rendered pages.

use super::corpus::DocMeta;
use super::i18n::{Lang, Msg};

/// "2019", "c. 2019", or "date unknown".
pub fn date_label(meta: &DocMeta, lang: Lang) -> String {
    match (meta.date.as_str(), meta.date_approx) {
        ("", _) => Msg::DateUnknown.text(lang).to_string(),
        (d, true) => format!("{} {}", Msg::Circa.text(lang), d),
        (d, false) => d.to_string(),
    }
}

/// Authors joined, or "author unknown".
pub fn authors_label(meta: &DocMeta, lang: Lang) -> String {
    if meta.authors.is_empty() {
        Msg::AuthorsUnknown.text(lang).to_string()
    } else {
        meta.authors
            .join(if lang == Lang::Zh { "、" } else { ", " })
    }
}

/// The venue, or "venue unknown".
pub fn venue_label(meta: &DocMeta, lang: Lang) -> String {
    match (meta.venue.as_str(), meta.venue_en.as_str(), lang) {
        ("", _, _) => Msg::VenueUnknown.text(lang).to_string(),
        (v, "", _) | (v, _, Lang::Zh) => v.to_string(),
        (v, en, Lang::En) => format!("{v} ({en})"),
    }
}
