//! The concordance: every occurrence of a word or glossary entry as aligned
//! keyword-in-context lines, sortable by left context, right context or document, and
//! exportable as CSV.

use crate::core::i18n::Msg;
use crate::core::route::Route;
use crate::core::search::{index, kwic_csv, ConcordanceQuery, KwicSort};
use crate::ui::browser;
use crate::ui::components::kwic::KwicItem;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The concordance page for `#/concordance?q=…` (a word, or a glossary id).
#[component]
pub fn ConcordancePage() -> impl IntoView {
    let state = use_app();
    let sort = RwSignal::new(KwicSort::Document);
    let query = Memo::new(move |_| match state.route.get() {
        Route::Concordance { query } => query,
        _ => String::new(),
    });
    let lines = Memo::new(move |_| {
        let q = ConcordanceQuery::from_param(state.engine().bundle, &query.get());
        index()
            .and_then(|i| i.concordance(&q, sort.get()).ok())
            .unwrap_or_default()
    });
    let title = move || {
        let q = query.get();
        state
            .engine()
            .bundle
            .term(&q)
            .map(|t| t.headword.clone())
            .unwrap_or(q)
    };
    let export = move |_| {
        let csv = lines.with_untracked(|l| {
            kwic_csv(
                state.engine().bundle,
                l,
                &browser::base_url(),
                state.lang.get_untracked(),
            )
        });
        if let Err(e) = browser::download(
            "silk-road-reader-concordance.csv",
            "text/csv;charset=utf-8",
            &csv,
        ) {
            state.say(e.to_string());
        }
    };
    let sort_button = move |s: KwicSort, msg: Msg, key: &'static str| {
        view! {
            <button type="button" class="tool-btn" data-sort=key aria-pressed=move || (sort.get() == s).to_string()
                on:click=move |_| sort.set(s)>{move || state.t(msg)}</button>
        }
    };
    view! {
        <section class="concordance-page" aria-labelledby="conc-title">
            <h1 id="conc-title">{move || format!("{}：", state.t(Msg::ConcordanceTitle))}<span lang="zh-Hans">{title}</span></h1>
            <div class="conc-tools" role="group" aria-label=move || state.t(Msg::SortBy)>
                <span>{move || state.t(Msg::SortBy)}</span>
                {sort_button(KwicSort::Document, Msg::SortDoc, "doc")}
                {sort_button(KwicSort::Left, Msg::SortLeft, "left")}
                {sort_button(KwicSort::Right, Msg::SortRight, "right")}
                <button type="button" class="tool-btn" data-action="export-csv" on:click=export>{move || state.t(Msg::ExportCsv)}</button>
            </div>
            <p class="search-summary" role="status">{move || format!("{} {}", lines.with(Vec::len), state.t(Msg::Hits))}</p>
            <ol class="kwic kwic-aligned" lang="zh-Hans">
                {move || lines.get().into_iter().map(|l| view! { <KwicItem line=l/> }).collect_view()}
            </ol>
        </section>
    }
}
