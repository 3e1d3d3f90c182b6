//! The distribution strip beside the scrollbar: a tick for every 五通 occurrence at its
//! relative position in the text; each tick is a link to its paragraph, and a click or tap
//! anywhere on the strip goes to the nearest one (a 5 px tick is no target for a finger).

use crate::core::analysis::DocAnalysis;
use crate::core::corpus::Document;
use crate::core::glossary::FIVE_HEADWORDS;
use crate::core::i18n::Msg;
use crate::core::route::Route;
use crate::core::strip::{marks, nearest, Mark};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

/// The strip for one document.
#[component]
pub fn Strip(
    /// The document.
    doc: &'static Document,
    /// Its analysis.
    analysis: Arc<DocAnalysis>,
) -> impl IntoView {
    let state = use_app();
    let ticks = marks(doc, &analysis, &state.engine().five_terms);
    let doc_id = doc.meta.id.clone();
    let href_of = move |t: &Mark| {
        Route::Doc {
            doc: doc_id.clone(),
            para: Some(t.block.clone()),
            quote: None,
        }
        .to_hash()
    };
    let all = ticks.clone();
    let on_strip = {
        let href_of = href_of.clone();
        // Also by mouse: a click between ticks is taken to mean the nearest.
        move |ev: web_sys::MouseEvent| {
            use wasm_bindgen::JsCast;
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            // A tick's own link is followed as a link.
            if target
                .as_ref()
                .and_then(|t| t.closest("a").ok().flatten())
                .is_some()
            {
                return;
            }
            let list = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|nav| nav.query_selector("ol").ok().flatten());
            let Some(list) = list else { return };
            let rect = list.get_bounding_client_rect();
            if rect.height() <= 0.0 {
                return;
            }
            let at = ((f64::from(ev.client_y()) - rect.top()) / rect.height()).clamp(0.0, 1.0);
            let shown = state.settings.with_untracked(|s| s.five);
            if let Some(mark) = nearest(&all, at, &shown) {
                crate::ui::browser::set_hash(&href_of(mark));
            }
        }
    };
    (!ticks.is_empty()).then(|| view! {
        <nav class="strip" aria-label=move || state.t(Msg::Distribution) on:click=on_strip>
            <ol>
                {ticks.into_iter().map(|t| {
                    let href = href_of(&t);
                    let hidden = move || !state.settings.with(|s| s.five[t.five]);
                    let label = move || format!("{} · {} {}", FIVE_HEADWORDS[t.five], state.t(Msg::Paragraph), t.number);
                    view! {
                        <li class=format!("tick f{}", t.five) style=format!("top: {:.2}%", t.at * 100.0) hidden=hidden>
                            <a href=href aria-label=label title=label></a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    })
}
