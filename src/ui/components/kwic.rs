//! One keyword-in-context line: left context, keyword, right context, and the source;
//! the line is a deep link to its paragraph with the keyword marked.

use crate::core::route::Route;
use crate::core::search::KwicLine;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A concordance or search line.
#[component]
pub fn KwicItem(
    /// The line.
    line: KwicLine,
) -> impl IntoView {
    let state = use_app();
    let doc = &state.engine().bundle.docs[line.doc];
    let href = Route::Doc {
        doc: doc.meta.id.clone(),
        para: Some(line.block_id.clone()),
        quote: Some(line.keyword.clone()),
    }
    .to_hash();
    let number = crate::core::citation::paragraph_number(doc, &line.block_id);
    view! {
        <li data-kwic-doc=doc.meta.id.clone()>
            <a href=href class="kwic-line">
                <span class="kwic-left">{if line.left_cut { "…" } else { "" }}{line.left.clone()}</span>
                <mark class="kwic-key">{line.keyword.clone()}</mark>
                <span class="kwic-right">{line.right.clone()}{if line.right_cut { "…" } else { "" }}</span>
            </a>
            <span class="kwic-source">
                {doc.meta.title.clone()}
                {number.map(|n| format!(" · ¶{n}"))}
            </span>
        </li>
    }
}
