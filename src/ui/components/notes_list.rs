//! Lists of notes: one note as a card (used by the reader's panel and the notes page),
//! and the reader's per-document panel with orphans shown, never hidden.

use crate::core::corpus::Document;
use crate::core::i18n::Msg;
use crate::core::notes::{place, Note, Target};
use crate::core::order;
use crate::ui::notes_state::{use_notes, Editing};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One note: colour, quote, text, tags, and its actions.
#[component]
pub fn NoteCard(
    /// The note.
    note: Note,
    /// It could not be placed in the current text.
    orphan: bool,
    /// Show the document's title (on the all-notes page).
    show_doc: bool,
) -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let doc_title = state
        .engine()
        .bundle
        .doc(&note.doc)
        .map(|d| d.meta.title.clone());
    let link = note.route();
    let (edit_id, delete_id) = (note.id.clone(), note.id.clone());
    let kind = match &note.target {
        Target::Passage(_) => Msg::NoteOnPassage,
        Target::Paragraph { .. } => Msg::NoteOnParagraph,
        Target::Document => Msg::NoteOnDocument,
    };
    let updated = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(note.updated as f64))
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect::<String>();
    view! {
        <li class=format!("note-card {}", note.colour.css_class()) data-note=note.id.clone() data-orphan=orphan.to_string()>
            {orphan.then(|| view! { <p class="orphan-msg" role="note">{move || state.t(Msg::OrphanNote)}</p> })}
            {(show_doc).then(|| doc_title.map(|t| view! { <p class="note-doc" lang="zh-Hans">{t}</p> }))}
            <p class="note-kind">{move || state.t(kind)}" · "{updated}</p>
            {note.target.quote().map(|q| view! { <blockquote class="note-quote" lang="zh-Hans">{q.to_string()}</blockquote> })}
            {(!note.text.is_empty()).then(|| view! { <p class="note-text">{note.text.clone()}</p> })}
            {(!note.tags.is_empty()).then(|| view! {
                <ul class="note-tags">{note.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
            })}
            <div class="note-actions">
                <a class="tool-btn small" href=link.to_hash()>{move || state.t(Msg::GoToPassage)}</a>
                <button type="button" class="tool-btn small" on:click=move |_| notes.editing.set(Some(Editing::Existing(edit_id.clone())))>
                    {move || state.t(Msg::Edit)}
                </button>
                <button type="button" class="tool-btn small danger" on:click=move |_| {
                    notes.delete(&delete_id);
                    state.say(state.t(Msg::NoteDeleted));
                }>{move || state.t(Msg::Delete)}</button>
            </div>
        </li>
    }
}

/// The notes of one document, in reading order, with the notes that could not be placed.
#[component]
pub fn DocNotes(
    /// The document.
    doc: &'static Document,
) -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let lists = Memo::new(move |_| {
        notes.store.with(|s| {
            let p = place(s, doc);
            let mut placed: Vec<Note> = p.document.iter().map(|n| (*n).clone()).collect();
            let mut in_text: Vec<(usize, usize, Note)> = p
                .passages
                .iter()
                .map(|x| {
                    (
                        doc.blocks.iter().position(|b| b.id == x.para).unwrap_or(0),
                        x.range.start.utf16,
                        x.note.clone(),
                    )
                })
                .chain(p.paragraphs.iter().map(|n| {
                    let para = n.target.para().unwrap_or_default();
                    (
                        doc.blocks.iter().position(|b| b.id == para).unwrap_or(0),
                        0,
                        (*n).clone(),
                    )
                }))
                .collect();
            order::sort_by_key(&mut in_text, |x| (x.0, x.1));
            placed.extend(in_text.into_iter().map(|x| x.2));
            let orphans: Vec<Note> = p.orphans.iter().map(|n| (*n).clone()).collect();
            (placed, orphans)
        })
    });
    let new_doc_note = move |_| {
        let note = Note::new(
            crate::ui::notes_state::new_id(),
            doc.meta.id.clone(),
            Target::Document,
            crate::ui::notes_state::now(),
        );
        notes.editing.set(Some(Editing::New(note)));
    };
    view! {
        <section class="doc-notes" aria-labelledby="doc-notes-title">
            <h2 id="doc-notes-title" class="side-title">
                {move || format!("{} ({})", state.t(Msg::NavNotes), lists.with(|l| l.0.len() + l.1.len()))}
            </h2>
            <button type="button" class="tool-btn small" data-action="note-document" on:click=new_doc_note>{move || state.t(Msg::NoteOnDocument)}</button>
            <ul class="note-list">
                {move || lists.get().0.into_iter().map(|n| view! { <NoteCard note=n orphan=false show_doc=false/> }).collect_view()}
                {move || lists.get().1.into_iter().map(|n| view! { <NoteCard note=n orphan=true show_doc=false/> }).collect_view()}
            </ul>
            <p class="side-hint">{move || state.t(Msg::NotesHint)}</p>
        </section>
    }
}
