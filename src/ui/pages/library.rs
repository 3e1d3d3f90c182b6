//! The library: every bundled text as a card, sortable and filterable.

use crate::core::corpus::Document;
use crate::core::i18n::Msg;
use crate::core::order;
use crate::core::reading::ReadingPlaces;
use crate::ui::components::five_bars::FiveBars;
use crate::ui::components::reading_place::{stored, ContinueLink};
use crate::ui::state::use_app;
use crate::ui::texts::{self, Texts};
use leptos::prelude::*;

/// Orders for the card list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Corpus,
    YearNew,
    YearOld,
    Length,
}

/// The label of a document's kind.
pub fn kind_label(kind: &str) -> Msg {
    match kind {
        "journal-article" => Msg::KindJournal,
        "newspaper-article" => Msg::KindNewspaper,
        "book-excerpt" => Msg::KindBook,
        _ => Msg::KindMagazine,
    }
}

use crate::core::meta_labels::{authors_label, date_label, venue_label};

/// The sort orders with their URL-safe keys and labels.
const SORTS: [(Sort, &str, Msg); 4] = [
    (Sort::Corpus, "corpus", Msg::SortCorpus),
    (Sort::YearNew, "year-new", Msg::SortYearNew),
    (Sort::YearOld, "year-old", Msg::SortYearOld),
    (Sort::Length, "length", Msg::SortLength),
];

/// One card.
#[component]
fn DocCard(
    /// Index in the bundle.
    index: usize,
    /// The document.
    doc: &'static Document,
    /// The largest five-count in the library (scales the charts alike).
    max: usize,
    /// Where the reader left each document.
    places: ReadingPlaces,
) -> impl IntoView {
    let state = use_app();
    let meta = &doc.meta;
    let href = format!("#/doc/{}", meta.id);
    let counts = state.engine().five_counts(index);
    let chars = doc.char_count();
    view! {
        <li class="doc-card" data-doc-card=meta.id.clone()>
            <h2 class="card-title" lang="zh-Hans">
                <a href=href>{meta.title.clone()}</a>
                {meta.title_editorial.then(|| view! {
                    <span class="editorial-tag" lang=move || state.lang.get().tag()>{move || state.t(Msg::EditorialTitle)}</span>
                })}
            </h2>
            {(!meta.title_en.is_empty()).then(|| view! { <p class="card-title-en" lang="en">{meta.title_en.clone()}</p> })}
            <p class="card-meta">
                <span class="card-authors" lang="zh-Hans">{move || authors_label(meta, state.lang.get())}</span>
                " · "<span class="card-venue">{move || venue_label(meta, state.lang.get())}</span>
                " · "<span class="card-year">{move || date_label(meta, state.lang.get())}</span>
            </p>
            <p class="card-meta card-kind">
                {move || state.t(kind_label(&meta.kind))}" · "
                {move || format!("{} {}", chars, state.t(Msg::Chars))}
                // "Continue at ¶N" checks the paragraph against the text (fetched for the
                // documents read before; see `LibraryPage`).
                {move || texts::status(state, &[index]).eq(&Texts::Ready).then(|| {
                    let places = places.clone();
                    view! {
                        {places.resume(doc).is_some().then_some(" · ")}
                        <ContinueLink doc=doc places=places in_reader=false/>
                    }
                })}
            </p>
            <FiveBars counts=counts max=max/>
            <p class="card-attribution" lang="en">{meta.attribution.clone()}</p>
        </li>
    }
}

/// The library page (the default screen).
#[component]
pub fn LibraryPage() -> impl IntoView {
    let state = use_app();
    let docs = &state.engine().bundle.docs;
    let sort = RwSignal::new(Sort::Corpus);
    let kind = RwSignal::new(String::new());
    let max = (0..docs.len())
        .flat_map(|i| state.engine().five_counts(i))
        .max()
        .unwrap_or(1);
    let mut kinds: Vec<&str> = docs.iter().map(|d| d.meta.kind.as_str()).collect();
    order::sort(&mut kinds);
    kinds.dedup();
    let places = stored();
    let read_before: Vec<usize> = places
        .places
        .iter()
        .filter_map(|p| state.engine().bundle.doc_index(&p.doc))
        .collect();
    texts::request(state, &read_before);
    let shown = move || {
        let mut list: Vec<usize> = (0..docs.len())
            .filter(|&i| kind.with(|k| k.is_empty() || docs[i].meta.kind == *k))
            .collect();
        match sort.get() {
            Sort::Corpus => {}
            Sort::YearNew => order::sort_by_key(&mut list, |&i| {
                std::cmp::Reverse(docs[i].year().unwrap_or(0))
            }),
            Sort::YearOld => order::sort_by_key(&mut list, |&i| docs[i].year().unwrap_or(u16::MAX)),
            Sort::Length => {
                order::sort_by_key(&mut list, |&i| std::cmp::Reverse(docs[i].char_count()))
            }
        }
        list
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{move || state.t(Msg::LibraryTitle)}</h1>
            <p class="lead">{move || state.t(Msg::LibraryIntro)}</p>
            <div class="library-controls">
                <label for="lib-sort">{move || state.t(Msg::SortBy)}</label>
                <select id="lib-sort" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((s, _, _)) = SORTS.iter().find(|(_, k, _)| *k == v) {
                        sort.set(*s);
                    }
                }>
                    {SORTS.iter().map(|(s, key, msg)| {
                        let s = *s;
                        view! { <option value=*key selected=move || sort.get() == s>{move || state.t(*msg)}</option> }
                    }).collect_view()}
                </select>
                <label for="lib-kind">{move || state.t(Msg::FilterKind)}</label>
                <select id="lib-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="">{move || state.t(Msg::FilterAll)}</option>
                    {kinds.into_iter().map(|k| view! {
                        <option value=k>{move || state.t(kind_label(k))}</option>
                    }).collect_view()}
                </select>
            </div>
            <ul class="doc-list" data-testid="library">
                {move || shown().into_iter().map(|i| view! { <DocCard index=i doc=&docs[i] max=max places=places.clone()/> }).collect_view()}
            </ul>
        </section>
    }
}
