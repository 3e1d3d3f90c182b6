//! The note editor: the quoted passage, the note's text, a highlight colour and tags.
//! One editor for the app, opened by the selection bar, a highlight, or a notes list.

use crate::core::i18n::Msg;
use crate::core::notes::{parse_tags, Colour, Target};
use crate::ui::browser;
use crate::ui::notes_state::{use_notes, Editing};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The editor panel (shown while `NotesState::editing` is set).
#[component]
pub fn NoteEditor() -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let text = RwSignal::new(String::new());
    let tags = RwSignal::new(String::new());
    let colour = RwSignal::new(Colour::Yellow);
    let error = RwSignal::new(None::<String>);
    // The note being edited, as it is now (new notes live only in `editing`).
    let current = Memo::new(move |_| match notes.editing.get() {
        Some(Editing::New(n)) => Some(n),
        Some(Editing::Existing(id)) => notes.store.with(|s| s.get(&id).cloned()),
        None => None,
    });
    // Fill the fields when another note is opened.
    Effect::new(move |prev: Option<Option<String>>| {
        let note = current.get();
        let id = note.as_ref().map(|n| n.id.clone());
        if prev.as_ref() != Some(&id) {
            if let Some(n) = note {
                text.set(n.text.clone());
                tags.set(n.tags.join(", "));
                colour.set(n.colour);
                error.set(None);
                request_animation_frame(|| {
                    if let Some(el) = browser::query("#note-text") {
                        browser::focus(&el);
                    }
                });
            }
        }
        id
    });
    let close = move || {
        notes.editing.set(None);
    };
    let save = move || {
        let Some(mut note) = current.get_untracked() else {
            return;
        };
        note.text = text.get_untracked();
        note.tags = parse_tags(&tags.get_untracked());
        note.colour = colour.get_untracked();
        match notes.save(note) {
            Ok(()) => state.say(state.t(Msg::NoteSaved)),
            Err(e) => error.set(Some(e)),
        }
    };
    move || {
        current.get().map(|note| {
            let quote = note.target.quote().map(str::to_string);
            let is_new = notes.store.with(|s| s.get(&note.id).is_none());
            let doc_title = state.engine().bundle.doc(&note.doc).map(|d| d.meta.title.clone()).unwrap_or_default();
            let go_to = Some(note.route());
            let id = note.id.clone();
            let target_label = match &note.target {
                Target::Passage(_) => Msg::NoteOnPassage,
                Target::Paragraph { .. } => Msg::NoteOnParagraph,
                Target::Document => Msg::NoteOnDocument,
            };
            view! {
                <section id="note-editor" class="note-editor" role="dialog" aria-modal="false" aria-labelledby="note-editor-title"
                    data-note-editor=note.id.clone()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" { close() }
                        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) { save() }
                    }>
                    <h2 id="note-editor-title">{move || state.t(if is_new { Msg::NewNote } else { Msg::EditNote })}</h2>
                    <p class="note-target">{move || state.t(target_label)}" · "<span lang="zh-Hans">{doc_title.clone()}</span></p>
                    {quote.map(|q| view! { <blockquote class="note-quote" lang="zh-Hans">{q}</blockquote> })}
                    <label for="note-text">{move || state.t(Msg::NoteText)}</label>
                    <textarea id="note-text" rows="5" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <fieldset class="note-colours">
                        <legend>{move || state.t(Msg::NoteColour)}</legend>
                        {Colour::ALL.into_iter().map(|c| {
                            let input_id = format!("note-colour-{}", c.name());
                            view! {
                                <span class="choice">
                                    <input type="radio" name="note-colour" id=input_id.clone() prop:checked=move || colour.get() == c
                                        on:change=move |_| colour.set(c)/>
                                    <label for=input_id class=format!("colour-label {}", c.css_class())>{move || c.label(state.lang.get())}</label>
                                </span>
                            }
                        }).collect_view()}
                    </fieldset>
                    <label for="note-tags">{move || state.t(Msg::NoteTags)}</label>
                    <input id="note-tags" type="text" autocomplete="off" prop:value=move || tags.get()
                        on:input=move |ev| tags.set(event_target_value(&ev))/>
                    {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                    <div class="editor-actions">
                        <button type="button" class="tool-btn primary" on:click=move |_| save()>{move || state.t(Msg::Save)}</button>
                        <button type="button" class="tool-btn" on:click=move |_| close()>{move || state.t(Msg::Cancel)}</button>
                        {go_to.map(|r| view! {
                            <a class="tool-btn" href=r.to_hash() on:click=move |_| close()>{move || state.t(Msg::GoToPassage)}</a>
                        })}
                        {(!is_new).then(|| {
                            let id = id.clone();
                            view! {
                                <button type="button" class="tool-btn danger" on:click=move |_| {
                                    notes.delete(&id);
                                    state.say(state.t(Msg::NoteDeleted));
                                }>{move || state.t(Msg::Delete)}</button>
                            }
                        })}
                    </div>
                </section>
            }
        })
    }
}
