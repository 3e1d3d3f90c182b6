//! The strip at the top of an embedded reader: what it is, a way out to the full reader
//! and, when the browser blocks or refuses storage in this frame (sandboxed or
//! third-party iframes, some private modes), a bilingual notice that notes cannot be kept
//! here, with the export of the notes taken in this visit.
//!
//! An embed has no header, so its interface language (from the URL or the browser) does
//! not change while it is shown: the texts here are rendered once.

use crate::core::embed::{full_reader_url, reader_page, EmbedOptions};
use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::ui::browser;
use crate::ui::components::notes_banner::export_all_json;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Shown only in an embed (`state.embed`).
#[component]
pub fn EmbedNotice() -> impl IntoView {
    let state = use_app();
    let options = use_context::<EmbedOptions>().unwrap_or_default();
    let lang = state.lang.get_untracked();
    let storage_blocked = browser::storage_works().is_err();
    let page = reader_page(&browser::base_url());
    // The same text and passage, without embed=1 (the route follows links inside the embed).
    let full_url = move || {
        let page = page.as_deref()?;
        Some(match state.route.get() {
            Route::Doc { doc, para, .. } => {
                let para = para.or_else(|| {
                    (options.doc.as_deref() == Some(doc.as_str()))
                        .then(|| options.para.clone())
                        .flatten()
                });
                full_reader_url(page, Some(&doc), para.as_deref())
            }
            _ => full_reader_url(page, None, None),
        })
    };
    let both = |msg: Msg| {
        [lang, lang.other()]
            .map(|l| view! { <span class="embed-lang" lang=l.tag()>{msg.text(l)}</span> })
    };
    view! {
        <aside class="embed-bar" aria-label=Msg::EmbedBarLabel.text(lang)>
            <p class="embed-brand">
                <span lang="zh-Hans">{Msg::AppName.text(Lang::Zh)}</span>" · "
                <span lang="en">{Msg::AppName.text(Lang::En)}</span>
            </p>
            {move || full_url().map(|href| view! {
                <a class="embed-open" href=href target="_blank" rel="noopener">
                    {Msg::OpenFullReader.text(lang)}
                    <span class="visually-hidden">{Msg::NewWindow.text(lang)}</span>
                    <span aria-hidden="true">" ↗"</span>
                </a>
            })}
            {storage_blocked.then(|| view! {
                <div class="embed-warning" data-storage-blocked="">
                    <p>{both(Msg::EmbedStorageBlocked)}</p>
                    <button type="button" class="tool-btn small" data-action="export-json"
                        on:click=move |_| export_all_json()>
                        {Msg::ExportJson.text(lang)}
                    </button>
                </div>
            })}
        </aside>
    }
    .into_any()
}
