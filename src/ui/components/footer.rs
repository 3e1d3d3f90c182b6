//! The site footer: attribution of the texts and the reader's licence.

use crate::core::i18n::Msg;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Attribution and licence links.
#[component]
pub fn Footer() -> impl IntoView {
    let state = use_app();
    view! {
        <footer class="site-footer">
            <p>{move || state.t(Msg::FooterTexts)}" "<a href="#/about">{move || state.t(Msg::FooterSources)}</a></p>
            <p>{move || state.t(Msg::FooterCode)}</p>
        </footer>
    }
}
