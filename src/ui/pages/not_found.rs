//! Shown for a hash that names no screen or no document.

use crate::core::i18n::Msg;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// "Not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="not-found">
            <h1>{move || state.t(Msg::NotFoundTitle)}</h1>
            <p>{move || state.t(Msg::NotFoundBody)}</p>
            <p><a href="#/">{move || state.t(Msg::BackToLibrary)}</a></p>
        </section>
    }
}
