//! The distribution strip beside the scrollbar: a tick for every 五通 occurrence at its
//! relative position in the text; each tick is a link to its paragraph, and a click or tap
//! anywhere on the strip goes to the nearest one (a 5 px tick is no target for a finger).
//! For the keyboard the strip is one stop in the tab order (a document has dozens of
//! ticks); the arrow keys, Home and End move between the ticks (`core::strip::step`).

use crate::core::analysis::DocAnalysis;
use crate::core::corpus::Document;
use crate::core::glossary::FIVE_HEADWORDS;
use crate::core::i18n::Msg;
use crate::core::route::Route;
use crate::core::strip::{marks, nearest, step, tab_stop, Mark, Step};
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
    // The tick last focused, which keeps the strip's place in the tab order.
    let active = RwSignal::new(0usize);
    let stop = {
        let ticks = ticks.clone();
        Memo::new(move |_| {
            state
                .settings
                .with(|s| tab_stop(&ticks, active.get(), &s.five))
        })
    };
    let on_key = {
        let ticks = ticks.clone();
        move |ev: web_sys::KeyboardEvent| {
            use wasm_bindgen::JsCast;
            let Some(mv) = Step::from_key(&ev.key()) else {
                return;
            };
            if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            ev.prevent_default();
            let from = stop.get_untracked().unwrap_or(0);
            let Some(to) = state
                .settings
                .with_untracked(|s| step(&ticks, from, mv, &s.five))
            else {
                return;
            };
            active.set(to);
            let link = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|nav| {
                    nav.query_selector(&format!("a[data-tick='{to}']"))
                        .ok()
                        .flatten()
                });
            if let Some(link) = link {
                crate::ui::browser::focus(&link);
            }
        }
    };
    // A tick focused by Tab or a click becomes the active one.
    let on_focus = move |ev: web_sys::FocusEvent| {
        use wasm_bindgen::JsCast;
        let tick = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|a| a.get_attribute("data-tick"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(i) = tick {
            if active.get_untracked() != i {
                active.set(i);
            }
        }
    };
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
        <nav class="strip" aria-label=move || state.t(Msg::Distribution) aria-describedby="strip-keys"
            on:click=on_strip on:keydown=on_key on:focusin=on_focus>
            <p id="strip-keys" class="visually-hidden">{move || state.t(Msg::StripKeys)}</p>
            <ol>
                {ticks.into_iter().enumerate().map(|(i, t)| {
                    let href = href_of(&t);
                    let hidden = move || !state.settings.with(|s| s.five[t.five]);
                    let label = move || format!("{} · {} {}", FIVE_HEADWORDS[t.five], state.t(Msg::Paragraph), t.number);
                    view! {
                        <li class=format!("tick f{}", t.five) style=format!("top: {:.2}%", t.at * 100.0) hidden=hidden>
                            <a href=href aria-label=label title=label data-tick=i
                                tabindex=move || if stop.get() == Some(i) { "0" } else { "-1" }></a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    })
}
