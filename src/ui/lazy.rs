//! What a reader of a text does not need at once, loaded on first use.
//!
//! In the release build (`--cfg srr_split`, `scripts/build.sh`) each page below is a wasm
//! module of its own, fetched the first time it is opened, and the reader's interactive
//! parts (term card, settings panel, note editor, citation panel, embed dialog) share one
//! more module, fetched when the reader first reaches for one of them (`warm_parts`) or,
//! at the latest, when one opens. Each is a `wasm_split` point, the mechanism of Leptos' `#[lazy]`, here
//! `fallible`: a failed fetch shows a message instead of stopping the app, and opening the
//! page or part again retries. Elsewhere (`trunk serve`, the single-file reader) these are
//! plain async functions that are ready at once. See BENCHMARKS.md, sessions 7 and 8.

use leptos::prelude::*;

macro_rules! lazy_page {
    ($name:ident, $split:ident, $page:path) => {
        #[cfg(srr_split)]
        #[::leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $split() -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
            use $page as Page;
            Ok(view! { <Page/> }.into_any())
        }
        #[cfg(srr_split)]
        pub async fn $name() -> AnyView {
            use crate::ui::pages::unavailable::UnavailablePage;
            $split()
                .await
                .unwrap_or_else(|_| view! { <UnavailablePage/> }.into_any())
        }
        #[cfg(not(srr_split))]
        pub async fn $name() -> AnyView {
            use $page as Page;
            view! { <Page/> }.into_any()
        }
    };
}

lazy_page!(notes, notes_page, crate::ui::pages::notes::NotesPage);
lazy_page!(search, search_page, crate::ui::pages::search::SearchPage);
lazy_page!(
    concordance,
    concordance_page,
    crate::ui::pages::concordance::ConcordancePage
);
lazy_page!(
    analytics,
    analytics_page,
    crate::ui::pages::analytics::AnalyticsPage
);
lazy_page!(about, about_page, crate::ui::pages::about::AboutPage);
lazy_page!(
    glossary,
    glossary_page,
    crate::ui::pages::glossary::GlossaryPage
);

/// A part of the reader in the shared `reader_parts` module: `$name(args)` renders it,
/// `$preload()` only fetches the module.
macro_rules! lazy_part {
    ($name:ident, $split:ident, $preload:ident, ($($arg:ident: $ty:ty),*), $view:expr) => {
        #[cfg(srr_split)]
        #[::leptos::wasm_split::wasm_split(
            reader_parts,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $split($($arg: $ty),*) -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok($view)
        }
        #[cfg(srr_split)]
        pub async fn $name($($arg: $ty),*) -> AnyView {
            $split($($arg),*).await.unwrap_or_else(|_| unavailable_part())
        }
        #[cfg(not(srr_split))]
        pub async fn $name($($arg: $ty),*) -> AnyView {
            $view
        }
    };
}

lazy_part!(
    term_card,
    term_card_part,
    preload_term_card,
    (term: usize, compact: bool, heading_id: &'static str),
    {
        use crate::ui::components::term_card::TermCard;
        view! { <TermCard term=term compact=compact heading_id=heading_id/> }.into_any()
    }
);
lazy_part!(
    settings_panel,
    settings_panel_part,
    preload_settings_panel,
    (open: RwSignal<bool>),
    {
        use crate::ui::components::settings_panel::SettingsPanel;
        view! { <SettingsPanel open=open/> }.into_any()
    }
);
lazy_part!(note_editor, note_editor_part, preload_note_editor, (), {
    use crate::ui::components::note_editor::NoteEditor;
    view! { <NoteEditor/> }.into_any()
});
lazy_part!(
    citation_panel,
    citation_panel_part,
    preload_citation_panel,
    (target: RwSignal<Option<crate::ui::components::citation_panel::CiteTarget>>),
    {
        use crate::ui::components::citation_panel::CitationPanel;
        view! { <CitationPanel target=target/> }.into_any()
    }
);

lazy_part!(
    embed_dialog,
    embed_dialog_part,
    preload_embed_dialog,
    (doc: usize, open: RwSignal<bool>),
    {
        use crate::ui::components::embed_dialog::EmbedDialog;
        view! { <EmbedDialog doc=doc open=open/> }.into_any()
    }
);

/// A view loaded on first use, with a short "Loading…" status while its module is fetched
/// (a moment on a slow link). When the module is there already the `Suspend` renders at
/// once and the status goes in the same turn, before anything is painted. Not Leptos'
/// `<Suspense>`, which does the same for 2.5 kB more wasm (measured).
pub fn with_loading<F>(view: F) -> AnyView
where
    F: std::future::Future<Output = AnyView> + Send + 'static,
{
    use crate::core::i18n::Msg;
    let state = crate::ui::state::use_app();
    let loaded = RwSignal::new(false);
    view! {
        {move || (!loaded.get()).then(|| view! { <p class="lazy-loading" role="status">{move || state.t(Msg::LoadingPart)}</p> })}
        {Suspend::new(async move {
            let view = view.await;
            loaded.set(true);
            view
        })}
    }
    .into_any()
}

/// A part in the page only while `open()` holds, its code loaded on first use: what the
/// settings panel, note editor, citation panel and embed dialog share.
pub fn while_open<Fut>(
    open: impl Fn() -> bool + Send + Sync + 'static,
    part: impl Fn() -> Fut + Send + Sync + 'static,
) -> impl IntoView
where
    Fut: std::future::Future<Output = AnyView> + Send + 'static,
{
    move || open().then(|| Suspend::new(part()))
}

/// Shown in place of a part whose module could not be fetched.
#[cfg(srr_split)]
fn unavailable_part() -> AnyView {
    use crate::core::i18n::Msg;
    let state = crate::ui::state::use_app();
    view! { <p class="form-error part-unavailable" role="alert">{move || state.t(Msg::PartUnavailable)}</p> }
        .into_any()
}

/// Starts fetching the reader's parts, once: called when a reader points at, taps or
/// focuses something that opens one (a term, the settings or embed button) or selects
/// text, so the part is usually ready by the time it opens. A failed fetch is forgotten, and the next
/// call tries again.
pub fn warm_parts() {
    #[cfg(srr_split)]
    {
        use std::cell::Cell;
        thread_local!(static STARTED: Cell<bool> = const { Cell::new(false) });
        if STARTED.with(|s| s.replace(true)) {
            return;
        }
        leptos::task::spawn_local(async {
            // One module holds them all: the first fetch loads it, the rest only link.
            let loaded = preload_term_card().await.is_ok()
                && preload_settings_panel().await.is_ok()
                && preload_note_editor().await.is_ok()
                && preload_citation_panel().await.is_ok()
                && preload_embed_dialog().await.is_ok();
            if !loaded {
                STARTED.with(|s| s.set(false));
            }
        });
    }
}
