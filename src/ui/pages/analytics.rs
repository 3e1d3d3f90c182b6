//! Term analytics: the five 五通 terms across the documents, and each document's most
//! frequent glossary terms. Every bar is a link to that term's concordance.

use crate::core::glossary::{FIVE_HEADWORDS, FIVE_IDS};
use crate::core::i18n::Msg;
use crate::core::route::Route;
use crate::core::search::index;
use crate::ui::components::chart::GroupedBars;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A short label for a document on an axis.
fn short(title: &str) -> String {
    let t: String = title
        .trim_matches(|c: char| "“”\"《》".contains(c))
        .chars()
        .take(6)
        .collect();
    format!("{t}…")
}

/// The analytics page.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let state = use_app();
    let bundle = state.engine().bundle;
    // The page opens once every text is there (`ui::texts`); this is only a guard.
    let Some(idx) = index() else {
        return view! { <p class="form-error" role="alert">{move || state.t(Msg::TextUnavailable)}</p> }
            .into_any();
    };
    let five = idx.five_counts();
    let groups: Vec<String> = bundle.docs.iter().map(|d| short(&d.meta.title)).collect();
    let series: Vec<(String, String)> = (0..5)
        .map(|i| (FIVE_HEADWORDS[i].to_string(), format!("f{i}")))
        .collect();
    let values: Vec<Vec<usize>> = five.iter().map(|c| c.to_vec()).collect();
    let conc = |id: &str| {
        Route::Concordance {
            query: id.to_string(),
        }
        .to_hash()
    };
    let hrefs: Vec<Vec<String>> = bundle
        .docs
        .iter()
        .map(|_| FIVE_IDS.iter().map(|id| conc(id)).collect())
        .collect();
    let stats = idx.term_stats(6);
    view! {
        <section class="analytics-page" aria-labelledby="analytics-title">
            <h1 id="analytics-title">{move || state.t(Msg::NavAnalytics)}</h1>
            <p class="lead">{move || state.t(Msg::AnalyticsIntro)}</p>
            <h2>{move || state.t(Msg::FiveAcrossDocs)}</h2>
            <GroupedBars title=Msg::FiveAcrossDocs.text(state.lang.get_untracked()).to_string()
                groups_title=Msg::FilterDoc.text(state.lang.get_untracked()).to_string()
                groups=groups series=series values=values hrefs=hrefs/>
            <ol class="doc-key">
                {bundle.docs.iter().map(|d| view! { <li lang="zh-Hans"><a href=format!("#/doc/{}", d.meta.id)>{d.meta.title.clone()}</a></li> }).collect_view()}
            </ol>
            <h2>{move || state.t(Msg::TopTerms)}</h2>
            <div class="top-terms">
                {stats.into_iter().map(|s| {
                    let doc = &bundle.docs[s.doc];
                    let max = s.top.first().map(|t| t.count).unwrap_or(1).max(1) as f64;
                    let rows = s.top.len();
                    view! {
                        <section class="top-doc" data-top-doc=s.doc_id.clone()>
                            <h3 lang="zh-Hans">{doc.meta.title.clone()}</h3>
                            <svg viewBox=format!("0 0 350 {}", rows * 26 + 4) role="group"
                                aria-label=format!("{}: {}", Msg::TopTerms.text(state.lang.get_untracked()), doc.meta.title)>
                                {s.top.iter().enumerate().map(|(i, t)| {
                                    let term = &bundle.terms[t.term];
                                    let w = t.count as f64 / max * 140.0;
                                    let y = i * 26 + 2;
                                    let href = conc(&t.id);
                                    let href2 = href.clone();
                                    view! {
                                        <g class="bar-link" role="link" tabindex="0" aria-label=format!("{} {}", term.headword, t.count)
                                            on:click=move |_| crate::ui::browser::set_hash(&href)
                                            on:keydown=move |ev| if ev.key() == "Enter" { crate::ui::browser::set_hash(&href2) }>
                                            <text class="bar-label" x="0" y=y + 16 lang="zh-Hans" textLength=(term.headword.chars().count() > 11).then_some("170")
                                                lengthAdjust="spacingAndGlyphs">{term.headword.clone()}</text>
                                            <rect class="bar term-bar" x="176" y=y + 3 width=format!("{w:.1}") height="18"/>
                                            <text class="bar-value" x=format!("{:.1}", 182.0 + w) y=y + 16>{format!(" {}", t.count)}</text>
                                        </g>
                                    }
                                }).collect_view()}
                            </svg>
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}
