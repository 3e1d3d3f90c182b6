//! The distribution strip beside the scrollbar: a tick for every 五通 occurrence at its
//! relative position in the text; each tick is a link to its paragraph.

use crate::core::analysis::DocAnalysis;
use crate::core::corpus::Document;
use crate::core::glossary::FIVE_HEADWORDS;
use crate::core::i18n::Msg;
use crate::core::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

/// One tick: which term (0..5), where (0..1), and the block it links to.
struct Tick {
    five: usize,
    at: f64,
    block: String,
    number: usize,
}

fn ticks(doc: &Document, analysis: &DocAnalysis, five_terms: &[Option<usize>; 5]) -> Vec<Tick> {
    let total: usize = doc
        .blocks
        .iter()
        .map(|b| b.text.chars().count())
        .sum::<usize>()
        .max(1);
    let mut before = 0;
    let mut out = Vec::new();
    let mut number = 0;
    for (block, a) in doc.blocks.iter().zip(&analysis.blocks) {
        if !block.is_heading() && !block.details {
            number += 1;
        }
        for hit in &a.hits {
            if let Some(five) = five_terms.iter().position(|t| *t == Some(hit.term)) {
                out.push(Tick {
                    five,
                    at: (before + hit.range.start.char) as f64 / total as f64,
                    block: block.id.clone(),
                    number,
                });
            }
        }
        before += block.text.chars().count();
    }
    out
}

/// The strip for one document.
#[component]
pub fn Strip(
    /// The document.
    doc: &'static Document,
    /// Its analysis.
    analysis: Arc<DocAnalysis>,
) -> impl IntoView {
    let state = use_app();
    let ticks = ticks(doc, &analysis, &state.engine().five_terms);
    let doc_id = doc.meta.id.clone();
    (!ticks.is_empty()).then(|| view! {
        <nav class="strip" aria-label=move || state.t(Msg::Distribution)>
            <ol>
                {ticks.into_iter().map(|t| {
                    let href = Route::Doc { doc: doc_id.clone(), para: Some(t.block.clone()), quote: None }.to_hash();
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
