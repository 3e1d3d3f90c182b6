//! "Embed": the button that opens the embed dialog (`embed_dialog`), for this document.
//! Hidden where the reader has no web address to embed (a `file://` copy).

use crate::core::embed::reader_page;
use crate::core::i18n::Msg;
use crate::ui::browser;
use crate::ui::lazy;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The embed button for document `doc` (index in the bundle); the dialog it opens is
/// loaded on first use (`ui::lazy`).
#[component]
pub fn EmbedSnippet(
    /// Index of the open document.
    doc: usize,
) -> impl IntoView {
    let state = use_app();
    reader_page(&browser::base_url())?;
    let is_open = RwSignal::new(false);
    Some(
        view! {
            <button type="button" class="tool-btn embed-open-btn" aria-haspopup="dialog"
                aria-controls=move || is_open.get().then_some("embed-dialog")
                on:pointerover=|_| lazy::warm_parts() on:focus=|_| lazy::warm_parts()
                on:click=move |_| is_open.set(true)>
                {move || state.t(Msg::EmbedThis)}
            </button>
            {lazy::while_open(move || is_open.get(), move || lazy::embed_dialog(doc, is_open))}
        }
        // A type-erased view: the reader page's (large) view type stays unchanged.
        .into_any(),
    )
}
