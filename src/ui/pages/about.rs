//! Sources and credits: the attribution of every text and the software the reader uses.

use crate::core::i18n::Msg;
use crate::core::meta_labels::{authors_label, date_label, venue_label};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let state = use_app();
    let docs = &state.engine().bundle.docs;
    view! {
        <section class="about">
            <h1>{move || state.t(Msg::AboutTitle)}</h1>
            <p>{move || state.t(Msg::AppTagline)}</p>
            <h2>{move || state.t(Msg::FooterSources)}</h2>
            <ol class="source-list">
                {docs.iter().map(|d| {
                    let m = &d.meta;
                    view! {
                        <li>
                            <a href=format!("#/doc/{}", m.id) lang="zh-Hans">{m.title.clone()}</a>
                            <span>{move || format!(" — {} · {} · {}", authors_label(m, state.lang.get()), venue_label(m, state.lang.get()), date_label(m, state.lang.get()))}</span>
                            <p lang="en">{m.attribution.clone()}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h2>{move || state.t(Msg::SoftwareTitle)}</h2>
            <p>{move || state.t(Msg::SoftwareBody)}</p>
        </section>
    }
}
