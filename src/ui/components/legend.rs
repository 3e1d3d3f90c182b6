//! The 五通 legend: one toggle per term with its colour, glyph and counts (this text and
//! the whole corpus), plus show-all / hide-all. Choices persist with the settings.

use crate::core::glossary::{FIVE_ENGLISH, FIVE_HEADWORDS};
use crate::core::i18n::{Lang, Msg};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The legend for document `doc`.
#[component]
pub fn Legend(
    /// Index of the open document.
    doc: usize,
) -> impl IntoView {
    let state = use_app();
    let counts = state.engine().five_counts(doc);
    let corpus = state.engine().five_corpus_counts();
    let set_all = move |on: bool| state.settings.update(|s| s.five = [on; 5]);
    view! {
        <section class="legend" aria-labelledby="legend-title">
            // The title, what the two counts are and show-all / hide-all share one row, so
            // the legend takes two rows on most screens and the text starts on the first one.
            <div class="legend-head">
                <h2 id="legend-title" class="legend-title">{move || state.t(Msg::Legend)}</h2>
                <p class="legend-key" aria-hidden="true">
                    {move || format!("{} / {}", state.t(Msg::LegendThisDoc), state.t(Msg::LegendCorpus))}
                </p>
                <div class="legend-all">
                    <button type="button" class="tool-btn" data-five-all="on" on:click=move |_| set_all(true)>{move || state.t(Msg::ShowAll)}</button>
                    <button type="button" class="tool-btn" data-five-all="off" on:click=move |_| set_all(false)>{move || state.t(Msg::ShowNone)}</button>
                </div>
            </div>
            <ul class="legend-list">
                {(0..5).map(|i| {
                    let pressed = move || state.settings.with(|s| s.five[i]);
                    view! {
                        <li>
                            <button type="button" class=format!("legend-item f{i}") data-five-toggle=FIVE_HEADWORDS[i]
                                aria-pressed=move || pressed().to_string()
                                on:click=move |_| state.settings.update(|s| s.five[i] = !s.five[i])>
                                <span class=format!("swatch f{i}") aria-hidden="true"></span>
                                <span class="legend-term" lang="zh-Hans">{FIVE_HEADWORDS[i]}</span>
                                {move || (state.lang.get() == Lang::En).then(|| view! {
                                    <span class="legend-en">{FIVE_ENGLISH[i]}</span>
                                })}
                                <span class="legend-count">
                                    <span class="count-doc" data-count-doc=FIVE_HEADWORDS[i]>{counts[i]}</span>
                                    <span class="visually-hidden">{move || format!(" {} ", state.t(Msg::LegendThisDoc))}</span>
                                    <span aria-hidden="true">" / "</span>
                                    <span class="count-corpus" data-count-corpus=FIVE_HEADWORDS[i]>{corpus[i]}</span>
                                    <span class="visually-hidden">{move || format!(" {}", state.t(Msg::LegendCorpus))}</span>
                                </span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
