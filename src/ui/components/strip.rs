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
    // The strip's one place in the tab order is kept in the DOM (`tabindex` 0 on one tick,
    // -1 on the others) rather than in a signal read by every tick: the same behaviour,
    // for a fraction of the code (BENCHMARKS.md, session 7).
    let on_key = {
        let ticks = ticks.clone();
        move |ev: web_sys::KeyboardEvent| {
            let Some(mv) = Step::from_key(&ev.key()) else {
                return;
            };
            if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            ev.prevent_default();
            let from = tick_index(ev.target()).unwrap_or(0);
            let to = state
                .settings
                .with_untracked(|s| step(&ticks, from, mv, &s.five));
            if let (Some(to), Some(nav)) = (to, crate::ui::browser::element(ev.current_target())) {
                if let Some(link) = move_tab_stop(&nav, to) {
                    crate::ui::browser::focus(&link);
                }
            }
        }
    };
    // A tick focused by Tab or a click takes the tab stop.
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let (Some(i), Some(nav)) = (
            tick_index(ev.target()),
            crate::ui::browser::element(ev.current_target()),
        ) {
            move_tab_stop(&nav, i);
        }
    };
    // A hidden term's ticks are hidden: if the tab stop was one, the first shown tick takes it.
    {
        let ticks = ticks.clone();
        Effect::new(move |_| {
            let shown = state.settings.with(|s| s.five);
            let Some(nav) = crate::ui::browser::query(".strip") else {
                return;
            };
            let current = nav
                .query_selector("a[tabindex='0']")
                .ok()
                .flatten()
                .and_then(|a| a.get_attribute("data-tick"))
                .and_then(|i| i.parse::<usize>().ok())
                .unwrap_or(0);
            if let Some(to) = tab_stop(&ticks, current, &shown) {
                if to != current {
                    move_tab_stop(&nav, to);
                }
            }
        });
    }
    let on_strip = {
        let href_of = href_of.clone();
        // Also by mouse: a click between ticks is taken to mean the nearest.
        move |ev: web_sys::MouseEvent| {
            // A tick's own link is followed as a link.
            if crate::ui::browser::element(ev.target())
                .and_then(|t| t.closest("a").ok().flatten())
                .is_some()
            {
                return;
            }
            let list = crate::ui::browser::element(ev.current_target())
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
                                tabindex=if i == 0 { "0" } else { "-1" }></a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    })
}

/// The index of the tick an event happened on (its `data-tick`).
fn tick_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    crate::ui::browser::element(target)?
        .get_attribute("data-tick")?
        .parse()
        .ok()
}

/// Gives tick `to` the strip's place in the tab order; returns its link.
fn move_tab_stop(nav: &web_sys::Element, to: usize) -> Option<web_sys::Element> {
    let link = nav
        .query_selector(&format!("a[data-tick='{to}']"))
        .ok()
        .flatten()?;
    if let Ok(Some(old)) = nav.query_selector("a[tabindex='0']") {
        let _ = old.set_attribute("tabindex", "-1");
    }
    let _ = link.set_attribute("tabindex", "0");
    Some(link)
}
