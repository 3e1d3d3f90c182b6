//! The site header: product name, main navigation, language switch and settings.

use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::ui::components::search_box::SearchBox;
use crate::ui::lazy;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Which nav item is current, for `aria-current`.
fn is_current(route: &Route, item: &Route) -> bool {
    matches!(
        (route, item),
        (Route::Library, Route::Library)
            | (Route::Doc { .. }, Route::Library)
            | (Route::Glossary { .. }, Route::Glossary { .. })
            | (Route::Notes, Route::Notes)
            | (Route::Search { .. }, Route::Search { .. })
            | (Route::Analytics, Route::Analytics)
    )
}

/// The header with navigation; the settings panel opens below it.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let settings_open = RwSignal::new(false);
    let items = move || {
        vec![
            (Route::Library, Msg::NavLibrary),
            (Route::Glossary { term: None }, Msg::NavGlossary),
            (Route::Notes, Msg::NavNotes),
            (Route::Analytics, Msg::NavAnalytics),
            (Route::About, Msg::NavAbout),
        ]
    };
    let switch_lang = move |_| {
        let next = state.lang.get_untracked().other();
        state.settings.update(|s| s.lang = Some(next));
    };
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-zh" lang="zh-Hans">"丝路读本"</span>
                <span class="brand-en" lang="en">"Silk Road Reader"</span>
            </a>
            <nav class="main-nav" aria-label=move || state.t(Msg::MainNav)>
                <ul>
                    {move || items().into_iter().map(|(route, msg)| {
                        let href = route.to_hash();
                        let current = {
                            let route = route.clone();
                            move || is_current(&state.route.get(), &route).then_some("page")
                        };
                        view! { <li><a href=href aria-current=current>{move || state.t(msg)}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
            <SearchBox/>
            <div class="header-tools">
                <button type="button" class="tool-btn lang-switch" on:click=switch_lang
                    aria-label=move || if state.lang.get() == Lang::Zh { "EN: switch the interface to English" } else { "中文：界面切换为中文" }>
                    {move || if state.lang.get() == Lang::Zh { "EN" } else { "中文" }}
                </button>
                <button type="button" class="tool-btn settings-btn"
                    aria-controls=move || settings_open.get().then_some("settings-panel")
                    aria-expanded=move || settings_open.get().to_string()
                    on:pointerover=|_| lazy::warm_parts() on:focus=|_| lazy::warm_parts()
                    on:click=move |_| settings_open.update(|o| *o = !*o)>
                    <span aria-hidden="true">"⚙ "</span>{move || state.t(Msg::NavSettings)}
                </button>
            </div>
        </header>
        // The panel's code is loaded on first use (`ui::lazy`); closed, it is not in the page.
        {lazy::while_open(move || settings_open.get(), move || lazy::settings_panel(settings_open))}
    }
}
