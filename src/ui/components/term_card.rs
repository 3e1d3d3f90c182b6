//! The content of a glossary entry: used in the popover and on the entry's page.

use crate::core::glossary::Term;
use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::core::search::{KwicLine, KWIC_WIDTH};
use crate::ui::components::kwic::KwicItem;
use crate::ui::state::{use_app, GlossaryState};
use crate::ui::texts;
use leptos::prelude::*;

/// The label of a glossary category.
pub fn category_label(category: &str) -> Msg {
    match category {
        "five-connectivity" => Msg::CatFive,
        "slogan" => Msg::CatSlogan,
        "programme" => Msg::CatProgramme,
        "institution" => Msg::CatInstitution,
        "acronym" => Msg::CatAcronym,
        "place-project" => Msg::CatPlace,
        _ => Msg::CatConcept,
    }
}

/// A text in the interface language, with the other language below when both exist.
#[component]
fn Bilingual(
    /// Chinese text.
    zh: String,
    /// English text.
    en: String,
    /// CSS class of the block.
    class: &'static str,
) -> impl IntoView {
    let state = use_app();
    move || {
        let (first, second, first_lang, second_lang) = match state.lang.get() {
            Lang::Zh => (zh.clone(), en.clone(), "zh-Hans", "en"),
            Lang::En => (en.clone(), zh.clone(), "en", "zh-Hans"),
        };
        view! {
            <div class=class>
                {(!first.is_empty()).then(|| view! { <p lang=first_lang>{first}</p> })}
                {(!second.is_empty()).then(|| view! { <p class="other-lang" lang=second_lang>{second}</p> })}
            </div>
        }
    }
}

/// A heading of the card's sections, one level below its title: h3 in the popover (whose
/// title is an h2), h2 on the entry's page (whose title is the page's h1), so that screen
/// readers' heading lists skip no level.
fn section_heading(compact: bool, text: impl Fn() -> String + Send + Sync + 'static) -> AnyView {
    if compact {
        view! { <h3 class="card-section">{text}</h3> }.into_any()
    } else {
        view! { <h2 class="card-section">{text}</h2> }.into_any()
    }
}

/// Links to other entries (parts or related).
#[component]
fn TermLinks(
    /// Ids of the entries.
    ids: Vec<String>,
    /// Heading of the list.
    label: Msg,
    /// In the popover (see [`section_heading`]).
    compact: bool,
) -> impl IntoView {
    let state = use_app();
    let bundle = state.engine().bundle;
    (!ids.is_empty()).then(|| {
        view! {
            <div class="term-links">
                {section_heading(compact, move || state.t(label).to_string())}
                <ul>
                    {ids.into_iter().filter_map(|id| bundle.term(&id)).map(|t| view! {
                        <li><a href=Route::Glossary { term: Some(t.id.clone()) }.to_hash()>
                            <span lang="zh-Hans">{t.headword.clone()}</span>
                            <span class="link-en" lang="en">{format!(" {}", t.english)}</span>
                        </a></li>
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// The first occurrences of an entry in the corpus, each a deep link to its paragraph.
#[component]
pub fn OccurrenceList(
    /// Index of the entry.
    term: usize,
    /// How many lines to show (`usize::MAX` for all).
    limit: usize,
    /// In the popover (see [`section_heading`]).
    compact: bool,
) -> impl IntoView {
    let state = use_app();
    let engine = state.engine();
    let bundle = engine.bundle;
    // The count is the build's; the lines need the texts they quote.
    let total = engine.corpus_count(term);
    let lines = move || {
        let items = engine
            .occurrences(term)
            .into_iter()
            .take(limit)
            .map(|o| {
                let block = &bundle.docs[o.doc].blocks[o.block];
                let line =
                    KwicLine::new(o.doc, o.block, &block.id, &block.text, o.range, KWIC_WIDTH);
                view! { <KwicItem line=line/> }
            })
            .collect_view();
        view! { <ol class="kwic" lang="zh-Hans">{items}</ol> }.into_any()
    };
    let id = bundle.terms[term].id.clone();
    view! {
        <div class="occurrences">
            {section_heading(compact, move || format!("{} {} {}", state.t(Msg::InCorpus), total, state.t(Msg::Occurrences)))}
            {texts::when_loaded(engine.docs_with(term, limit), lines)}
            {(limit < total).then(|| view! {
                <a class="more-link" href=Route::Glossary { term: Some(id.clone()) }.to_hash()>{move || state.t(Msg::AllOccurrences)}</a>
            })}
        </div>
    }
}

/// The entry: headword, pinyin, English, definitions, parts, origin, occurrences, related
/// entries and sources. `compact` (the popover) shows three occurrences, else all.
#[component]
pub fn TermCard(
    /// Index of the entry in the bundle.
    term: usize,
    /// Popover (few occurrences) or page (all).
    compact: bool,
    /// Id for the heading (the popover and page label themselves by it).
    heading_id: &'static str,
) -> impl IntoView {
    let state = use_app();
    state.load_glossary();
    let index: &'static Term = &state.engine().bundle.terms[term];
    let details = move || match state.glossary.get() {
        GlossaryState::Loaded(all) => all.iter().find(|t| t.id == index.id).cloned().map(Ok),
        GlossaryState::Failed(e) => Some(Err(e)),
        _ => None,
    };
    let show_pinyin = move || state.settings.with(|s| s.pinyin);
    let title = view! {
        <span class="card-hw" lang="zh-Hans">{index.headword.clone()}</span>
    };
    let heading = if compact {
        view! { <h2 id=heading_id class="term-title">{title}</h2> }.into_any()
    } else {
        view! { <h1 id=heading_id class="term-title">{title}</h1> }.into_any()
    };
    view! {
        <div class="term-card" data-term-card=index.id.clone()>
            {heading}
            {(!index.pinyin.is_empty()).then(|| view! {
                <p class="pinyin" lang="zh-Latn-pinyin" hidden=move || !show_pinyin()>{index.pinyin.clone()}</p>
            })}
            <p class="english" lang="en"><strong>{index.english.clone()}</strong>
                {(!index.english_alt.is_empty()).then(|| view! {
                    <span class="english-alt">{move || format!(" · {} {}", state.t(Msg::AlsoRendered), index.english_alt.join("; "))}</span>
                })}
            </p>
            <p class="term-meta">
                <span class="category">{move || state.t(category_label(&index.category))}</span>
                {(index.confidence != "high").then(|| view! {
                    <span class="confidence">{move || format!(" · {} {}", state.t(Msg::Confidence), index.confidence)}</span>
                })}
            </p>
            {move || match details() {
                None => view! { <p class="loading" role="status">{move || state.t(Msg::LoadingDefinition)}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="load-error" role="alert">{move || format!("{} ({e})", state.t(Msg::DefinitionUnavailable))}</p>
                }.into_any(),
                Some(Ok(t)) => view! {
                    {(!t.english_official.is_empty()).then(|| view! {
                        <p class="official" lang="en"><span class="label">{move || state.t(Msg::OfficialEnglish)}": "</span>{t.english_official.clone()}</p>
                    })}
                    {(!t.flag_en.is_empty() || !t.flag_zh.is_empty()).then(|| view! {
                        <div class="flag" role="note">
                            <span class="flag-mark" aria-hidden="true">"⚠ "</span>
                            <Bilingual zh=t.flag_zh.clone() en=t.flag_en.clone() class="flag-text"/>
                        </div>
                    })}
                    {(!t.context_en.is_empty() || !t.context_zh.is_empty()).then(|| view! {
                        <div class="context">
                            {section_heading(compact, move || state.t(Msg::SenseHere).to_string())}
                            <Bilingual zh=t.context_zh.clone() en=t.context_en.clone() class="context-text"/>
                        </div>
                    })}
                    <Bilingual zh=t.def_zh.clone() en=t.def_en.clone() class="definition"/>
                    <TermLinks ids=t.parts.clone() label=Msg::Parts compact=compact/>
                    {(!t.origin_en.is_empty() || !t.origin_zh.is_empty()).then(|| view! {
                        <div class="origin">
                            {section_heading(compact, move || state.t(Msg::Origin).to_string())}
                            <Bilingual zh=t.origin_zh.clone() en=t.origin_en.clone() class="origin-text"/>
                        </div>
                    })}
                    <OccurrenceList term=term limit=if compact { 3 } else { usize::MAX } compact=compact/>
                    <TermLinks ids=t.related.clone() label=Msg::Related compact=compact/>
                    {(!t.sources.is_empty()).then(|| view! {
                        <div class="sources">
                            {section_heading(compact, move || state.t(Msg::Sources).to_string())}
                            <ul>{t.sources.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                        </div>
                    })}
                }.into_any(),
            }}
        </div>
    }
}
