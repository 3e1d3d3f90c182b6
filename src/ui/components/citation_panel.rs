//! "Copy citation": the quoted passage with title, authors, venue, year, paragraph number
//! and a deep link that reopens the passage, in plain text, Markdown, Chicago and
//! GB/T 7714 forms, each with its own copy button.

use crate::core::citation::{cite, CiteRequest};
use crate::core::i18n::Msg;
use crate::ui::browser;
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What to cite: document id, block id, quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiteTarget {
    pub doc: String,
    pub para: String,
    pub quote: String,
}

/// Copies the text of a textarea, with the old `execCommand` as a fallback where the
/// Clipboard API is refused (e.g. not a secure context).
fn copy_from(id: &'static str, text: String, done: impl Fn(bool) + 'static) {
    browser::copy_text(&text, move |ok| {
        if ok {
            done(true);
            return;
        }
        let fallback = browser::query(&format!("#{id}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|t| {
                t.select();
                browser::document()
                    .ok()
                    .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
                    .and_then(|d| d.exec_command("copy").ok())
                    .unwrap_or(false)
            })
            .unwrap_or(false);
        done(fallback);
    });
}

/// The citation panel; `target` set opens it.
#[component]
pub fn CitationPanel(
    /// The passage to cite, or `None` (closed).
    target: RwSignal<Option<CiteTarget>>,
) -> impl IntoView {
    let state = use_app();
    move || {
        target.get().map(|t| {
            let req = CiteRequest {
                doc: &t.doc,
                para: &t.para,
                quote: &t.quote,
                base_url: &browser::base_url(),
                lang: state.lang.get(),
            };
            let body = match cite(state.engine().bundle, &req) {
                Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                Ok(c) => {
                    let forms: [(&'static str, Msg, String); 4] = [
                        ("cite-plain", Msg::CitePlain, c.plain),
                        ("cite-markdown", Msg::CiteMarkdown, c.markdown),
                        ("cite-chicago", Msg::CiteChicago, c.chicago),
                        ("cite-gbt", Msg::CiteGbt, c.gbt7714),
                    ];
                    forms.into_iter().map(|(id, label, text)| {
                        let copy_text = text.clone();
                        view! {
                            <div class="cite-form">
                                <label for=id>{move || state.t(label)}</label>
                                <textarea id=id readonly rows="4" prop:value=text></textarea>
                                <button type="button" class="tool-btn small" data-copy=id on:click=move |_| {
                                    copy_from(id, copy_text.clone(), move |ok| {
                                        state.say(Msg::text(if ok { Msg::Copied } else { Msg::CopyFailed }, state.lang.get_untracked()));
                                    });
                                }>{move || state.t(Msg::Copy)}</button>
                            </div>
                        }
                    }).collect_view().into_any()
                }
            };
            view! {
                <section id="citation-panel" class="note-editor citation-panel" role="dialog" aria-modal="false" aria-labelledby="cite-title"
                    on:keydown=move |ev| if ev.key() == "Escape" { target.set(None) }>
                    <h2 id="cite-title">{move || state.t(Msg::CopyCitation)}</h2>
                    {body}
                    <div class="editor-actions">
                        <button type="button" class="tool-btn" on:click=move |_| target.set(None)>{move || state.t(Msg::Close)}</button>
                    </div>
                </section>
            }
        })
    }
}
