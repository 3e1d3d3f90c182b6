//! The root component: provides the state, keeps it in sync with the outside world (URL
//! hash, stored settings, `<html>` attributes) and lays out the shell.

use crate::core::embed::EmbedOptions;
use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::core::settings::{Settings, Theme};
use crate::ui::browser;
use crate::ui::components::notes_banner::{StorageBanner, UndoBar};
use crate::ui::components::{embed_frame::EmbedFrame, embed_notice::EmbedNotice};
use crate::ui::components::{footer::Footer, header::Header, toast::Toast};
use crate::ui::lazy;
use crate::ui::notes_state::NotesState;
use crate::ui::pages::glossary::GlossaryEntryPage;
use crate::ui::pages::{library::LibraryPage, not_found::NotFoundPage, reader::ReaderPage};
use crate::ui::state::AppState;
use crate::ui::texts;
use leptos::prelude::*;

/// Where settings are stored (versioned key; see `core::settings`).
const SETTINGS_KEY: &str = "silk-road-reader/settings/v1";

/// The screens, without the parts of a route that only move within a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Screen {
    Library,
    Doc(usize),
    Glossary,
    GlossaryEntry(usize),
    Notes,
    Search,
    Concordance,
    Analytics,
    About,
    NotFound,
}

fn screen(route: &Route, state: &AppState) -> Screen {
    match route {
        Route::Library => Screen::Library,
        Route::Doc { doc, .. } => match state.engine().bundle.doc_index(doc) {
            Some(i) => Screen::Doc(i),
            None => Screen::NotFound,
        },
        Route::Glossary { term: None } => Screen::Glossary,
        Route::Glossary { term: Some(id) } => {
            match state.engine().bundle.terms.iter().position(|t| &t.id == id) {
                Some(i) => Screen::GlossaryEntry(i),
                None => Screen::NotFound,
            }
        }
        Route::Notes => Screen::Notes,
        Route::Search { .. } => Screen::Search,
        Route::Concordance { .. } => Screen::Concordance,
        Route::Analytics => Screen::Analytics,
        Route::About => Screen::About,
        // No wildcard: a new route must be given a screen here, or it would show "not found".
        Route::NotFound(_) => Screen::NotFound,
    }
}

/// The `href` of an in-app link (`#/…`) that a plain click (no modifier, main button)
/// followed; `None` for anything the browser should handle itself (new tab, download).
fn route_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let link = browser::element(ev.target())?
        .closest("a[href^='#/']")
        .ok()??;
    if link.has_attribute("target") || link.has_attribute("download") {
        return None;
    }
    link.get_attribute("href")
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let settings = browser::storage_get(SETTINGS_KEY)
        .ok()
        .flatten()
        .map(|raw| Settings::decode(&raw))
        .unwrap_or_default();
    // An embed (`?embed=1&…`) reads with the URL's options on top of the stored settings
    // and never stores them (see `core::embed`).
    let embed_options = EmbedOptions::parse(&browser::search());
    let embed = embed_options.embed;
    let state = AppState::new(
        embed_options.initial_route(Route::parse(&browser::hash())),
        embed_options.apply(&settings),
        Lang::from_browser(&browser::languages()),
        embed,
    );
    provide_context(state);
    provide_context(embed_options);
    if embed {
        browser::set_root_attribute("data-embed", "");
    }
    let notes = NotesState::start();
    provide_context(notes);

    // The URL hash is the source of truth for the route (back/forward, shared links).
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(Route::parse(&browser::hash()));
    });
    on_cleanup(move || hash_listener.remove());
    // Links to a route are followed within the click: left to the browser, the route would
    // change only at its `hashchange`, a task later (~10 ms before anything is drawn).
    let link_listener = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(href) = route_link(&ev) {
            ev.prevent_default();
            state.navigate(Route::parse(&href));
        }
    });
    on_cleanup(move || link_listener.remove());
    // A pointer on, or focus in, a link to a document whose text is not here yet starts
    // fetching it: a click follows 100 ms or more later, time the fetch would otherwise
    // add to opening the document (as the reader's parts are warmed, `ui::lazy`).
    let warm_text = move |ev: &web_sys::Event| {
        let href = browser::element(ev.target())
            .and_then(|e| e.closest("a[href^='#/doc/']").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let Some(Route::Doc { doc, .. }) = href.map(|h| Route::parse(&h)) {
            if let Some(i) = state.engine().bundle.doc_index(&doc) {
                texts::request(state, &[i]);
            }
        }
    };
    let pointer_listener = window_event_listener(leptos::ev::pointerover, move |ev| warm_text(&ev));
    let focus_listener = window_event_listener(leptos::ev::focusin, move |ev| warm_text(&ev));
    on_cleanup(move || {
        pointer_listener.remove();
        focus_listener.remove();
    });

    // Settings: persist (a failure only means they last for this visit) and apply.
    Effect::new(move |_| {
        let s = state.settings.get();
        if !state.embed {
            let _ = browser::storage_set(SETTINGS_KEY, &s.encode());
        }
        let theme = match s.theme {
            Theme::System if browser::prefers_dark() => "dark",
            Theme::System => "light",
            t => t.as_str(),
        };
        browser::set_root_attribute("data-theme", theme);
        browser::set_root_style("--reader-font-size", &format!("{}px", s.font_size));
        browser::set_root_style(
            "--reader-line-height",
            &format!("{:.1}", f64::from(s.line_height) / 10.0),
        );
        browser::set_root_style("--popover-font-size", &format!("{}px", s.popover_font));
    });
    Effect::new(move |_| browser::set_root_attribute("lang", state.lang.get().tag()));
    Effect::new(move |_| {
        let title = match state.route.get() {
            Route::Doc { doc, .. } => state
                .engine()
                .bundle
                .doc(&doc)
                .map(|d| format!("{} · {}", d.meta.title, Msg::AppName.text(state.lang.get())))
                .unwrap_or_default(),
            _ => format!("{} · Silk Road Reader", Msg::AppName.text(Lang::Zh)),
        };
        if let Ok(d) = browser::document() {
            d.set_title(&title);
        }
    });

    let current = Memo::new(move |_| screen(&state.route.get(), &state));
    let editor_open = Memo::new(move |_| notes.editing.with(Option::is_some));
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            if let Some(main) = browser::query("#main") {
                browser::focus(&main);
            }
        }>{move || state.t(Msg::SkipToContent)}</a>
        <Show when=move || !state.embed>
            <Header/>
        </Show>
        // In an embed, the embed's strip says when notes cannot be kept (with export).
        <Show when=move || state.embed fallback=|| view! { <StorageBanner/> }>
            <EmbedNotice/>
            <EmbedFrame/>
        </Show>
        <main id="main" tabindex="-1" class=move || if state.embed { "main embed" } else { "main" }>
            {move || match current.get() {
                Screen::Library => view! { <LibraryPage/> }.into_any(),
                // The reader and the pages over the whole corpus wait for their texts
                // (`ui::texts`); the others need none.
                Screen::Doc(i) => texts::when_loaded(vec![i], move || view! { <ReaderPage doc=i/> }.into_any()).into_any(),
                Screen::Glossary => lazy::with_loading(lazy::glossary()),
                Screen::GlossaryEntry(i) => view! { <GlossaryEntryPage term=i/> }.into_any(),
                Screen::Notes => texts::when_loaded(texts::all_docs(), || lazy::with_loading(lazy::notes())).into_any(),
                Screen::Search => texts::when_loaded(texts::all_docs(), || lazy::with_loading(lazy::search())).into_any(),
                Screen::Concordance => texts::when_loaded(texts::all_docs(), || lazy::with_loading(lazy::concordance())).into_any(),
                Screen::Analytics => texts::when_loaded(texts::all_docs(), || lazy::with_loading(lazy::analytics())).into_any(),
                Screen::About => lazy::with_loading(lazy::about()),
                Screen::NotFound => view! { <NotFoundPage/> }.into_any(),
            }}
        </main>
        <Show when=move || !state.embed>
            <Footer/>
        </Show>
        // Loaded on first use (`ui::lazy`), and in the page only while a note is edited.
        {lazy::while_open(move || editor_open.get(), lazy::note_editor)}
        <UndoBar/>
        <Toast/>
    }
}
