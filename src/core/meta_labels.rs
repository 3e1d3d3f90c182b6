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

/// The short line that stands for the metadata on a phone, where the full block is folded:
/// the first author (and "et al." / 等 when there are more), the venue without its
/// English rendering, and the date: "潘云鹤 et al. · 中国工程科学 · 2019".
pub fn byline_label(meta: &DocMeta, lang: Lang) -> String {
    let authors = match meta.authors.as_slice() {
        [] => Msg::AuthorsUnknown.text(lang).to_string(),
        [one] => one.clone(),
        [first, ..] => format!("{first}{}", Msg::EtAl.text(lang)),
    };
    let venue = if meta.venue.is_empty() {
        Msg::VenueUnknown.text(lang).to_string()
    } else {
        meta.venue.clone()
    };
    format!("{authors} · {venue} · {}", date_label(meta, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::meta;

    #[test]
    fn the_byline_names_the_first_author_the_venue_and_the_date() {
        let mut m = meta("a");
        m.authors = vec!["潘云鹤".into(), "Xihui Liu".into()];
        m.venue = "中国工程科学".into();
        m.venue_en = "Strategic Study of CAE".into();
        m.date = "2019".into();
        assert_eq!(
            byline_label(&m, Lang::En),
            "潘云鹤 et al. · 中国工程科学 · 2019"
        );
        assert_eq!(byline_label(&m, Lang::Zh), "潘云鹤等 · 中国工程科学 · 2019");
        m.authors.truncate(1);
        assert_eq!(byline_label(&m, Lang::Zh), "潘云鹤 · 中国工程科学 · 2019");
        let mut unknown = meta("b");
        unknown.authors.clear();
        unknown.venue.clear();
        unknown.date = "2019".into();
        unknown.date_approx = true;
        assert_eq!(
            byline_label(&unknown, Lang::En),
            "author unknown · venue unknown · c. 2019"
        );
    }
}
