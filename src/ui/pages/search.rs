//! Search results: glossary entries first, then hits grouped by document with counts,
//! each a keyword-in-context line that opens its paragraph with the hit marked.

use crate::core::i18n::Msg;
use crate::core::route::{Route, SearchKind};
use crate::core::search::{index, lookup_entries, SearchMode};
use crate::ui::components::kwic::KwicItem;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The search page for `#/search?q=…&mode=…`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let state = use_app();
    let params = Memo::new(move |_| match state.route.get() {
        Route::Search { query, kind } => (query, kind),
        _ => (String::new(), SearchKind::Word),
    });
    let results = Memo::new(move |_| {
        let (query, kind) = params.get();
        let mode = match kind {
            SearchKind::Word => SearchMode::Word,
            SearchKind::Substring => SearchMode::Substring,
        };
        index().and_then(|i| i.search(&query, mode).ok())
    });
    let glossary = Memo::new(move |_| {
        let query = params.get().0;
        let engine = state.engine();
        lookup_entries(&engine.bundle.terms, &engine.matcher, query.trim(), 12)
    });
    let set_kind = move |kind: SearchKind| {
        let query = params.get_untracked().0;
        state.navigate(Route::Search { query, kind });
    };
    view! {
        <section class="search-page" aria-labelledby="search-title">
            <h1 id="search-title">{move || format!("{}：{}", state.t(Msg::NavSearch), params.get().0)}</h1>
            <fieldset class="search-mode">
                <legend>{move || state.t(Msg::SearchMode)}</legend>
                <span class="choice">
                    <input type="radio" id="mode-word" name="mode" prop:checked=move || params.get().1 == SearchKind::Word
                        on:change=move |_| set_kind(SearchKind::Word)/>
                    <label for="mode-word">{move || state.t(Msg::ModeWord)}</label>
                </span>
                <span class="choice">
                    <input type="radio" id="mode-sub" name="mode" prop:checked=move || params.get().1 == SearchKind::Substring
                        on:change=move |_| set_kind(SearchKind::Substring)/>
                    <label for="mode-sub">{move || state.t(Msg::ModeSubstring)}</label>
                </span>
            </fieldset>
            {move || (!glossary.get().is_empty()).then(|| view! {
                <section class="search-glossary" aria-labelledby="search-glossary-title">
                    <h2 id="search-glossary-title">{move || state.t(Msg::GlossaryTitle)}</h2>
                    <ul>
                        {glossary.get().into_iter().map(|i| {
                            let t = &state.engine().bundle.terms[i];
                            view! {
                                <li data-search-term=t.id.clone()><a href=Route::Glossary { term: Some(t.id.clone()) }.to_hash()>
                                    <span lang="zh-Hans">{t.headword.clone()}</span>" "
                                    <span class="g-py">{t.pinyin.clone()}</span>" "<span class="g-en" lang="en">{t.english.clone()}</span>
                                </a></li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {move || match results.get() {
                None => view! { <p class="no-matches">{move || state.t(Msg::SearchEmpty)}</p> }.into_any(),
                Some(r) => {
                    let conc = Route::Concordance { query: r.query.clone() }.to_hash();
                    view! {
                        <p class="search-summary" role="status" data-total=r.total.to_string()>
                            {format!("{} {} · {} {}", r.total, state.t(Msg::Hits), r.docs.len(), state.t(Msg::Texts))}
                            " · "<a href=conc>{move || state.t(Msg::ConcordanceTitle)}</a>
                        </p>
                        {r.docs.into_iter().map(|d| {
                            let doc = &state.engine().bundle.docs[d.doc];
                            let count = d.count();
                            view! {
                                <section class="search-doc" data-search-doc=d.doc_id.clone()>
                                    <h2><a href=format!("#/doc/{}", d.doc_id) lang="zh-Hans">{doc.meta.title.clone()}</a>
                                        <span class="hit-count">{format!(" ({count})")}</span></h2>
                                    <ol class="kwic" lang="zh-Hans">
                                        {d.hits.into_iter().map(|l| view! { <KwicItem line=l/> }).collect_view()}
                                    </ol>
                                </section>
                            }
                        }).collect_view()}
                    }.into_any()
                }
            }}
        </section>
    }
}
