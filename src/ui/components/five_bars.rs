//! A small bar chart of the five 五通 counts of one document (library cards).

use crate::core::glossary::{FIVE_ENGLISH, FIVE_HEADWORDS};
use crate::core::i18n::{Lang, Msg};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Five coloured bars, scaled to `max`, with the numbers as text for everyone.
#[component]
pub fn FiveBars(
    /// Counts in the order of `FIVE_IDS`.
    counts: [usize; 5],
    /// The count that fills the chart's height.
    max: usize,
) -> impl IntoView {
    let state = use_app();
    let max = max.max(1) as f64;
    let label = move || {
        let lang = state.lang.get();
        let parts: Vec<String> = (0..5)
            .map(|i| match lang {
                Lang::Zh => format!("{} {}", FIVE_HEADWORDS[i], counts[i]),
                Lang::En => format!("{} ({}) {}", FIVE_HEADWORDS[i], FIVE_ENGLISH[i], counts[i]),
            })
            .collect();
        format!("{}: {}", state.t(Msg::FiveCountsChart), parts.join(", "))
    };
    view! {
        <figure class="five-bars">
            <svg viewBox="0 0 100 40" role="img" aria-label=label preserveAspectRatio="none">
                {(0..5).map(|i| {
                    let h = (counts[i] as f64 / max * 36.0).max(if counts[i] > 0 { 2.0 } else { 0.0 });
                    view! {
                        <rect class=format!("bar f{i}") x=format!("{}", 4 + i * 19) y=format!("{:.1}", 38.0 - h)
                            width="15" height=format!("{h:.1}")/>
                    }
                }).collect_view()}
                <line x1="0" y1="38.5" x2="100" y2="38.5" class="axis"/>
            </svg>
            <figcaption class="five-nums" aria-hidden="true">
                {(0..5).map(|i| view! { <span class=format!("num f{i}")>{counts[i]}</span> }).collect_view()}
            </figcaption>
        </figure>
    }
}
