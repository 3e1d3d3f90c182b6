//! Shown when a page loaded on first use (its own wasm module in the release build; see
//! `ui::lazy`) could not be fetched: the network dropped before the service
//! worker had cached it. Nothing else is affected, and opening the page again retries.

use crate::core::i18n::Msg;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// "This page could not be loaded", with what to do and a way back.
#[component]
pub fn UnavailablePage() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="not-found" role="alert">
            <h1>{move || state.t(Msg::UnavailableTitle)}</h1>
            <p>{move || state.t(Msg::UnavailableBody)}</p>
            <p><a href="#/">{move || state.t(Msg::BackToLibrary)}</a></p>
        </section>
    }
}
