//! The search box in the header: always reachable, and focused by "/" (when not typing
//! elsewhere) or Alt+Shift+F.

use crate::core::i18n::Msg;
use crate::core::route::{Route, SearchKind};
use crate::ui::browser;
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether keyboard focus is in a text field (where "/" must type a slash).
fn typing() -> bool {
    browser::document()
        .ok()
        .and_then(|d| d.active_element())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.dyn_ref::<web_sys::HtmlElement>()
                    .is_some_and(|h| h.is_content_editable())
        })
}

/// The header's search form.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_app();
    let value = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Route::Search { query, .. } = state.route.get() {
            value.set(query);
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let slash =
            ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing();
        let chord = ev.alt_key() && ev.shift_key() && ev.code() == "KeyF";
        if slash || chord {
            if let Some(input) = browser::query("#site-search") {
                ev.prevent_default();
                browser::focus(&input);
            }
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <form class="search-box" role="search" on:submit=move |ev| {
            ev.prevent_default();
            let query = value.get_untracked();
            if !query.trim().is_empty() {
                let kind = match state.route.get_untracked() {
                    Route::Search { kind, .. } => kind,
                    _ => SearchKind::Word,
                };
                state.navigate(Route::Search { query: query.trim().to_string(), kind });
            }
        }>
            <label for="site-search" class="visually-hidden">{move || state.t(Msg::SearchLabel)}</label>
            <input id="site-search" type="search" autocomplete="off" spellcheck="false"
                placeholder=move || state.t(Msg::SearchPlaceholder)
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <button type="submit" class="tool-btn">{move || state.t(Msg::NavSearch)}</button>
        </form>
    }
}
