//! The glossary: every entry by category with its corpus count, filtered as you type by
//! Chinese, pinyin (with or without tones) or English; and one entry in full with every
//! occurrence as a concordance.

use crate::core::glossary::CATEGORIES;
use crate::core::i18n::Msg;
use crate::core::order;
use crate::core::route::Route;
use crate::core::search::glossary_matches;
use crate::ui::components::term_card::category_label;
use crate::ui::lazy;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The list of entries with a filter box.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let state = use_app();
    let engine = state.engine();
    let terms = &engine.bundle.terms;
    let filter = RwSignal::new(String::new());
    // The entries shown, in glossary order (all when the filter is empty).
    let shown = Memo::new(move |_| {
        let q = filter.get();
        if q.trim().is_empty() {
            (0..terms.len()).collect::<Vec<_>>()
        } else {
            let mut found: Vec<usize> = glossary_matches(terms, q.trim())
                .into_iter()
                .map(|m| m.term)
                .collect();
            order::sort(&mut found);
            found.dedup();
            found
        }
    });
    view! {
        <section class="glossary-page" aria-labelledby="glossary-title">
            <h1 id="glossary-title">{move || state.t(Msg::GlossaryTitle)}</h1>
            <p class="lead">{move || state.t(Msg::GlossaryIntro)}</p>
            <div class="glossary-filter">
                <label for="glossary-filter">{move || state.t(Msg::FilterGlossary)}</label>
                <input id="glossary-filter" type="search" autocomplete="off" spellcheck="false"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))/>
                <p class="filter-count" role="status" aria-live="polite">
                    {move || format!("{} {}", shown.with(Vec::len), state.t(Msg::Entries))}
                </p>
            </div>
            {move || shown.with(Vec::is_empty).then(|| view! { <p class="no-matches">{move || state.t(Msg::NoMatches)}</p> })}
            {CATEGORIES.iter().map(|cat| {
                let in_cat = move || shown.with(|s| s.iter().copied().filter(|&i| terms[i].category == *cat).collect::<Vec<_>>());
                view! {
                    <Show when=move || !in_cat().is_empty()>
                        <section class="glossary-cat" data-category=*cat>
                            <h2>{move || state.t(category_label(cat))}</h2>
                            <ul class="glossary-list">
                                {move || in_cat().into_iter().map(|i| {
                                    let t = &terms[i];
                                    let count = engine.corpus_count(i);
                                    view! {
                                        <li data-glossary-entry=t.id.clone()>
                                            <a href=Route::Glossary { term: Some(t.id.clone()) }.to_hash()>
                                                <span class="g-hw" lang="zh-Hans">{t.headword.clone()}</span>
                                                <span class="g-py" lang="zh-Latn-pinyin">{t.pinyin.clone()}</span>
                                                <span class="g-en" lang="en">{t.english.clone()}</span>
                                            </a>
                                            <span class="g-count" data-count=count.to_string()>
                                                {move || if t.reference_only { state.t(Msg::ReferenceOnly).to_string() } else { format!("{count} {}", state.t(Msg::Occurrences)) }}
                                            </span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    </Show>
                }
            }).collect_view()}
        </section>
    }
}

/// One entry in full, with its concordance.
#[component]
pub fn GlossaryEntryPage(
    /// Index of the entry in the bundle.
    term: usize,
) -> impl IntoView {
    let state = use_app();
    view! {
        <section class="glossary-entry" aria-labelledby="entry-title">
            <p><a href="#/glossary">{move || format!("← {}", state.t(Msg::BackToGlossary))}</a></p>
            {lazy::with_loading(lazy::term_card(term, false, "entry-title"))}
        </section>
    }
}
