//! Where the reader left a document (`core::reading`): recorded as they scroll, offered as a
//! "continue at ¶N" link in the toolbar when they come back. Embeds neither record nor offer
//! (an embed shows one passage, chosen by the page that embeds it).

use crate::core::corpus::Document;
use crate::core::i18n::Msg;
use crate::core::notes::Millis;
use crate::core::reading::{ReadingPlaces, READING_KEY};
use crate::core::route::Route;
use crate::ui::browser;
use crate::ui::settle::when_scrolling_settles;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// How long scrolling must pause before the place is written (a fling writes once).
const SETTLE_MS: u32 = 700;

/// What was stored; nothing when storage is blocked or holds something unreadable.
fn read_places() -> ReadingPlaces {
    browser::storage_get(READING_KEY)
        .ok()
        .flatten()
        .map(|raw| ReadingPlaces::decode(&raw))
        .unwrap_or_default()
}

/// The places to offer on a page: nothing in an embed, which neither records nor offers.
/// (Needs the app's context: call it while building a view, not from a timer.)
pub fn stored() -> ReadingPlaces {
    if use_app().embed {
        return ReadingPlaces::default();
    }
    read_places()
}

/// Records the paragraph being read in `doc` whenever scrolling settles.
pub fn track_reading_place(doc: &'static Document) {
    let state = use_app();
    if state.embed {
        return;
    }
    when_scrolling_settles(SETTLE_MS, move || {
        let Some(para) = browser::para_at_reading_line() else {
            return;
        };
        // Read again: another tab may have recorded another document meanwhile.
        let mut places = read_places();
        if places.record(&doc.meta.id, &para, browser::now_ms() as Millis) {
            // A full or blocked storage only means no "continue" link next time.
            let _ = browser::storage_set(READING_KEY, &places.encode());
        }
    });
}

/// "继续阅读 ¶N": the ¶ sign for the eye, "段" (paragraph) for screen readers.
#[component]
pub fn ContinueLabel(
    /// The paragraph's number as the reader shows it.
    number: usize,
) -> impl IntoView {
    let state = use_app();
    view! {
        <span>
            {move || state.t(Msg::ContinueReading)}" "
            <span aria-hidden="true">"¶"</span>
            <span class="visually-hidden">{move || state.t(Msg::Paragraph)}" "</span>
            {number}
        </span>
    }
}

/// The link to where the reader was when they last read `doc`, if anywhere worth it.
/// In the reader's toolbar (`in_reader`) it hides while the address names a paragraph.
#[component]
pub fn ContinueLink(
    /// The document.
    doc: &'static Document,
    /// Where the reading places come from (read once by the page).
    places: ReadingPlaces,
    /// In the reader's toolbar (a button) or on a library card (a plain link).
    in_reader: bool,
) -> impl IntoView {
    let state = use_app();
    places.resume(doc).map(|(para, number)| {
        let href = Route::Doc {
            doc: doc.meta.id.clone(),
            para: Some(para),
            quote: None,
        }
        .to_hash();
        let linked =
            move || in_reader && matches!(state.route.get(), Route::Doc { para: Some(_), .. });
        let class = if in_reader {
            "tool-btn continue-link"
        } else {
            "card-continue"
        };
        view! {
            <a class=class data-action="continue-reading" href=href hidden=linked>
                <ContinueLabel number=number/>
            </a>
        }
    })
}
