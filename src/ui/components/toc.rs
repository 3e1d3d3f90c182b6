//! The table of contents from a document's headings: a sidebar on wide screens, a
//! drawer on phones (opened by a button in the reader's toolbar).

use crate::core::corpus::Document;
use crate::core::i18n::Msg;
use crate::core::route::Route;
use crate::ui::browser;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The contents of `doc`; `open` drives the drawer on narrow screens.
#[component]
pub fn Toc(
    /// The document.
    doc: &'static Document,
    /// Whether the drawer is open (narrow screens).
    open: RwSignal<bool>,
    /// The heading of the section being read (`aria-current="location"` on its entry).
    current: ReadSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let headings: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.is_heading() && !b.details)
        .collect();
    let doc_id = doc.meta.id.clone();
    // Focus follows the drawer: into it when it opens, back to its button when it closes.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if let Some(was) = was_open {
            let target = match (was, is_open) {
                (false, true) => Some("#toc .toc-close"),
                (true, false) => Some(".toc-open"),
                _ => None,
            };
            if let Some(el) = target.and_then(browser::query) {
                browser::focus(&el);
            }
        }
        is_open
    });
    view! {
        <nav id="toc" class="toc" data-open=move || open.get().to_string()
            aria-label=move || state.t(Msg::Contents)
            on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
            <div class="toc-head">
                <h2 class="toc-title">{move || state.t(Msg::Contents)}</h2>
                <button type="button" class="tool-btn toc-close" on:click=move |_| open.set(false)>
                    {move || state.t(Msg::CloseContents)}
                </button>
            </div>
            <ol class="toc-list" lang="zh-Hans">
                {headings.into_iter().map(|h| {
                    let href = Route::Doc { doc: doc_id.clone(), para: Some(h.id.clone()), quote: None }.to_hash();
                    let level = match h.kind { crate::core::corpus::BlockKind::Heading(l) => l, _ => 2 };
                    let id = h.id.clone();
                    let here = move || current.with(|c| c.as_deref() == Some(id.as_str())).then_some("location");
                    view! {
                        <li class=format!("toc-l{level}")>
                            <a href=href aria-current=here on:click=move |_| open.set(false)>{h.text.clone()}</a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
