//! The reader: one document, set for reading Chinese, with the legend, contents,
//! distribution strip, progress and links to the neighbouring documents.

use crate::core::citation::locate_quote;
use crate::core::corpus::is_id;
use crate::core::corpus::Document;
use crate::core::doc_html::{doc_text_html, DocLabels};
use crate::core::glossary::FIVE_IDS;
use crate::core::i18n::{Lang, Msg};
use crate::core::meta_labels::{authors_label, byline_label, date_label, venue_label};
use crate::core::notes::place;
use crate::core::render::Mark;
use crate::core::render::RenderOptions;
use crate::core::route::Route;
use crate::core::sections::current_section;
use crate::ui::browser;
use crate::ui::components::citation_panel::CiteTarget;
use crate::ui::components::notes_list::DocNotes;
use crate::ui::components::popover::{PopoverCtl, TermPopover};
use crate::ui::components::reading_place::{stored, track_reading_place, ContinueLink};
use crate::ui::components::selection_bar::SelectionBar;
use crate::ui::components::{legend::Legend, strip::Strip, toc::Toc};
use crate::ui::lazy;
use crate::ui::notes_state::{use_notes, Editing, NotesState};
use crate::ui::settle::when_scrolling_settles;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// How long scrolling pauses before the contents mark the section being read.
const SECTION_SETTLE_MS: u32 = 120;

/// Scrolls to the block a deep link names and marks it; opens a closed details box.
fn show_block(id: &str) {
    if !is_id(id) {
        return;
    }
    let selector = format!("[data-para=\"{id}\"], [data-heading=\"{id}\"]");
    let Some(el) = browser::query(&selector) else {
        return;
    };
    if let Ok(Some(details)) = el.closest("details") {
        if let Some(d) = details.dyn_ref::<web_sys::HtmlDetailsElement>() {
            d.set_open(true);
        }
    }
    if let Ok(doc) = browser::document() {
        if let Ok(marked) = doc.query_selector_all(".is-target") {
            for i in 0..marked.length() {
                if let Some(e) = marked
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = e.class_list().remove_1("is-target");
                }
            }
        }
    }
    let _ = el.class_list().add_1("is-target");
    browser::scroll_into_view(&el);
    browser::focus(&el);
}

/// Alt+Shift+M: a note on the selection, else on the paragraph that has focus or was
/// linked to, else on the document.
fn note_from_keyboard(doc: &'static Document, notes: NotesState) {
    use crate::core::notes::{Note, Target};
    use crate::ui::notes_state::{new_id, now};
    let target = if let Some(picked) = crate::ui::components::selection_bar::read_selection(doc) {
        Target::Passage(picked.anchor)
    } else {
        let focused = browser::document()
            .ok()
            .and_then(|d| d.active_element())
            .and_then(|e| e.closest("[data-para]").ok().flatten())
            .or_else(|| browser::query(".is-target[data-para]"));
        match focused.and_then(|e| e.get_attribute("data-para")) {
            Some(para) => Target::Paragraph { para },
            None => Target::Document,
        }
    };
    let note = Note::new(new_id(), doc.meta.id.clone(), target, now());
    notes.editing.set(Some(Editing::New(note)));
}

/// A click on a note's highlight (outside a term button) opens the note.
fn open_note_mark(ev: &web_sys::MouseEvent, notes: NotesState) {
    let mark = browser::element(ev.target())
        .filter(|e| e.closest(".term[data-id]").ok().flatten().is_none())
        .and_then(|e| e.closest("mark.note").ok().flatten());
    let has_selection = browser::window()
        .ok()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed());
    if let (Some(mark), false) = (mark, has_selection) {
        if let Some(id) = mark
            .get_attribute("data-mark")
            .and_then(|ids| ids.split(' ').next().map(str::to_string))
        {
            notes.editing.set(Some(Editing::Existing(id)));
        }
    }
}

/// Replaces the document text's markup, keeping open the publication-details boxes the
/// reader had opened (a new note or setting re-renders the text, and must not close them).
fn set_text_html(el: &web_sys::HtmlElement, html: &str) {
    let open: Vec<u32> = match el.query_selector_all("details") {
        Ok(list) => (0..list.length())
            .filter(|&i| {
                list.item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open())
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    el.set_inner_html(html);
    if let Ok(list) = el.query_selector_all("details") {
        for i in open {
            if let Some(d) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                d.set_open(true);
            }
        }
    }
}

/// The reader for document `doc` (index in the bundle).
#[component]
pub fn ReaderPage(
    /// Index of the document in the bundle.
    doc: usize,
) -> impl IntoView {
    let state = use_app();
    let bundle = state.engine().bundle;
    let document: &'static Document = &bundle.docs[doc];
    let meta = &document.meta;
    let analysis = state.analysis(doc);
    // Every highlighted term is a stop in the tab order: the skip link before the text
    // says how many, and jumps past them to the links to the neighbouring texts.
    let term_count: usize = analysis
        .as_ref()
        .map(|a| a.blocks.iter().map(|b| b.hits.len()).sum())
        .unwrap_or(0);
    let toc_open = RwSignal::new(false);
    let notes = use_notes();
    // Every highlight to draw: the notes of this document, and the passage a link names.
    let marks = Memo::new(move |_| {
        let mut by_block: HashMap<String, Vec<Mark>> = HashMap::new();
        notes.store.with(|s| {
            let placement = place(s, document);
            for b in &document.blocks {
                let m = placement.marks(&b.id);
                if !m.is_empty() {
                    by_block.insert(b.id.clone(), m);
                }
            }
        });
        if let Route::Doc {
            para: Some(p),
            quote: Some(q),
            ..
        } = state.route.get()
        {
            if let Some(block) = document.block(&p) {
                if let Some(r) = locate_quote(&block.text, &q) {
                    by_block.entry(p).or_default().push(Mark {
                        start: r.start.byte,
                        end: r.end.byte,
                        class: "hit".into(),
                        id: "linked".into(),
                    });
                }
            }
        }
        by_block
    });
    let popover = PopoverCtl::new();
    let cite = RwSignal::new(None::<CiteTarget>);
    let cite_open = Memo::new(move |_| cite.with(Option::is_some));
    let progress = RwSignal::new(0.0f64);

    // Shortcuts with Alt+Shift (single keys would clash with screen readers' own keys).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.alt_key() && ev.shift_key()) || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let go = |d: Option<&Document>| {
            if let Some(d) = d {
                state.navigate(Route::Doc {
                    doc: d.meta.id.clone(),
                    para: None,
                    quote: None,
                });
            }
        };
        match ev.code().as_str() {
            "KeyC" => toc_open.update(|o| *o = !*o),
            "KeyN" => go(bundle.docs.get(doc + 1)),
            "KeyP" => go(doc.checked_sub(1).and_then(|i| bundle.docs.get(i))),
            "KeyM" => note_from_keyboard(document, notes),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let scroll_listener = window_event_listener(leptos::ev::scroll, move |_| {
        progress.set(browser::scroll_fraction())
    });
    on_cleanup(move || scroll_listener.remove());
    // The section being read, for the contents to mark (set only when it changes). It
    // measures the headings, so it waits for scrolling to pause (see `ui::settle`).
    let section = RwSignal::new(None::<String>);
    when_scrolling_settles(SECTION_SETTLE_MS, move || {
        let (headings, line) = browser::heading_tops();
        let tops: Vec<f64> = headings.iter().map(|(_, top)| *top).collect();
        let now = current_section(&tops, line).map(|i| headings[i].0.clone());
        if section.with_untracked(|s| *s != now) {
            section.set(now);
        }
    });
    track_reading_place(document);

    // Deep links: after the text is in the DOM, go to the named block (or to the top).
    Effect::new(move |_| {
        let para = match state.route.get() {
            Route::Doc { para, .. } => para,
            _ => None,
        };
        request_animation_frame(move || match para {
            Some(p) => show_block(&p),
            None => {
                if let Ok(w) = browser::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    });

    let hidden_classes = move || {
        let five = state.settings.with(|s| s.five);
        let mut classes = vec!["doc-text".to_string()];
        for (i, on) in five.iter().enumerate() {
            if !on {
                classes.push(format!("hide-{}", FIVE_IDS[i]));
            }
        }
        if state.settings.with(|s| s.para_numbers) {
            classes.push("show-numbers".into());
        }
        if state.settings.with(|s| s.boundaries) {
            classes.push("show-boundaries".into());
        }
        classes.join(" ")
    };

    let neighbour = move |offset: isize| {
        let i = doc as isize + offset;
        (i >= 0 && (i as usize) < bundle.docs.len()).then(|| &bundle.docs[i as usize])
    };
    let prev = neighbour(-1);
    let next = neighbour(1);

    // The text: one innerHTML for the whole document (see `core::doc_html`), redrawn
    // only when what the markup shows changes (not on font size, theme or toggles, which
    // are CSS).
    let text_ref = NodeRef::<leptos::html::Div>::new();
    let markup_options = Memo::new(move |_| state.settings.with(|s| (s.boundaries, s.glossary)));
    if let Some(analysis) = analysis.clone() {
        let terms = &bundle.terms;
        Effect::new(move |_| {
            let (boundaries, glossary) = markup_options.get();
            let lang = state.lang.get();
            let options = RenderOptions {
                boundaries,
                glossary,
                ui_lang: lang.tag().to_string(),
                static_copy: false,
            };
            let labels = DocLabels {
                publication_details: Msg::PublicationDetails.text(lang).to_string(),
                excerpt_ends: Msg::ExcerptEnds.text(lang).to_string(),
            };
            let html =
                marks.with(|m| doc_text_html(document, &analysis, terms, m, &options, &labels));
            if let Some(el) = text_ref.get() {
                set_text_html(&el, &html);
            }
        });
    }

    view! {
        <div class="progress" role="progressbar" aria-label=move || state.t(Msg::Progress)
            aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || format!("{:.0}", progress.get() * 100.0)>
            <div class="progress-bar" style=move || format!("transform: scaleX({:.3})", progress.get())></div>
        </div>
        <div class="reader-layout">
            <aside class="reader-side">
                <Toc doc=document open=toc_open current=section.read_only()/>
                <DocNotes doc=document/>
            </aside>
            <article class="reader" data-doc=meta.id.clone() aria-labelledby="doc-title">
                <header class="doc-header">
                    <h1 id="doc-title" class="doc-title" lang="zh-Hans">{meta.title.clone()}</h1>
                    {meta.title_editorial.then(|| view! { <p class="editorial-tag">{move || state.t(Msg::EditorialTitle)}</p> })}
                    {(!meta.title_en.is_empty()).then(|| view! { <p class="doc-title-en" lang="en">{meta.title_en.clone()}</p> })}
                    // The metadata folds behind the byline, the tools beside it (below it
                    // on a phone): the attribution is a click away, the text starts on the
                    // first screen.
                    <div class="doc-line">
                        <button type="button" class="doc-byline" aria-expanded="false" aria-controls="doc-about"
                            on:click=toggle_about>
                            <span class="byline-text">{move || byline_label(meta, state.lang.get())}</span>
                            <span class="byline-more">{move || state.t(Msg::SourceAndDetails)}</span>
                        </button>
                        <div class="reader-tools" role="toolbar" aria-label=move || state.t(Msg::ToolsLabel)>
                            <button type="button" class="tool-btn toc-open" aria-controls="toc"
                                aria-expanded=move || toc_open.get().to_string()
                                on:click=move |_| toc_open.update(|o| *o = !*o)>
                                {move || state.t(Msg::Contents)}
                            </button>
                            <crate::ui::components::embed_snippet::EmbedSnippet doc=doc/>
                            <ContinueLink doc=document places=stored() in_reader=true/>
                        </div>
                    </div>
                    <div id="doc-about" class="doc-about" data-collapsed="true">
                    <dl class="doc-meta">
                        <dt>{move || state.t(Msg::DocMetaAuthors)}</dt>
                        <dd lang="zh-Hans">{move || authors_label(meta, state.lang.get())}
                            {meta.authors_editorial.then(|| view! { <span class="editorial-tag">{move || state.t(Msg::EditorialAuthors)}</span> })}
                        </dd>
                        {(!meta.affiliation.is_empty()).then(|| view! {
                            <dt>{move || state.t(Msg::DocMetaAffiliation)}</dt>
                            <dd lang="zh-Hans">{meta.affiliation.join("；")}</dd>
                        })}
                        <dt>{move || state.t(Msg::DocMetaVenue)}</dt>
                        <dd>{move || format!("{} · {}", venue_label(meta, state.lang.get()), date_label(meta, state.lang.get()))}</dd>
                    </dl>
                    <p class="doc-attribution" lang="en"><strong>{move || state.t(Msg::Attribution)}": "</strong>{meta.attribution.clone()}</p>
                    {(!meta.editorial_note.is_empty()).then(|| view! {
                        <details class="editorial-note">
                            <summary>{move || state.t(Msg::EditorialNote)}</summary>
                            <p lang="en">{meta.editorial_note.clone()}</p>
                        </details>
                    })}
                    </div>
                    <Legend doc=doc/>
                </header>
                <a class="skip-text" href="#doc-end" on:click=move |ev| {
                    ev.prevent_default();
                    if let Some(end) = browser::query("#doc-end") {
                        browser::focus(&end);
                    }
                }>{move || skip_text_label(state.lang.get(), term_count)}</a>
                <div class=hidden_classes lang="zh-Hans"
                    on:click=move |ev| {
                        popover.on_click(&ev);
                        open_note_mark(&ev, notes);
                    }
                    on:keydown=move |ev| popover.on_key(&ev)
                    on:pointerover=move |ev| popover.on_pointer_over(&ev)
                    on:focusin=move |ev| popover.on_focus_in(&ev)
                    on:pointerout=move |ev| popover.on_pointer_out(&ev) node_ref=text_ref></div>
                <nav id="doc-end" tabindex="-1" class="doc-neighbours" aria-label=move || format!("{} / {}", state.t(Msg::PrevDoc), state.t(Msg::NextDoc))>
                    {prev.map(|d| view! {
                        <a class="prev-doc" rel="prev" href=format!("#/doc/{}", d.meta.id)>
                            <span class="dir">{move || state.t(Msg::PrevDoc)}</span>
                            <span lang="zh-Hans">{d.meta.title.clone()}</span>
                        </a>
                    })}
                    {next.map(|d| view! {
                        <a class="next-doc" rel="next" href=format!("#/doc/{}", d.meta.id)>
                            <span class="dir">{move || state.t(Msg::NextDoc)}</span>
                            <span lang="zh-Hans">{d.meta.title.clone()}</span>
                        </a>
                    })}
                </nav>
            </article>
            {analysis.map(|a| view! { <Strip doc=document analysis=a/> })}
            <TermPopover ctl=popover/>
            <SelectionBar doc=document cite=cite/>
            // Loaded on first use (`ui::lazy`), and in the page only while it is open.
            {lazy::while_open(move || cite_open.get(), move || lazy::citation_panel(cite))}
        </div>
    }
}

/// "Skip the text (106 terms)": what the skip link before the text says.
fn skip_text_label(lang: Lang, terms: usize) -> String {
    let (skip, unit) = (Msg::SkipText.text(lang), Msg::SkipTextTerms.text(lang));
    match lang {
        Lang::Zh => format!("{skip}（{terms} {unit}）"),
        Lang::En => format!("{skip} ({terms} {unit})"),
    }
}

/// Unfolds or folds the document's metadata on a phone. The state lives in the two
/// attributes (the button's `aria-expanded`, the block's `data-collapsed`), which only the
/// phone layout reads: on a wide screen the block always shows and the button is hidden.
fn toggle_about(ev: web_sys::MouseEvent) {
    let Some(button) = browser::element(ev.current_target()) else {
        return;
    };
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if let Some(about) = browser::query("#doc-about") {
        let _ = about.set_attribute("data-collapsed", if open { "false" } else { "true" });
    }
}
