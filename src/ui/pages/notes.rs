//! All notes: search, filter by document, tag and colour, sort by position or date;
//! export as JSON or Markdown; import JSON with a precise report.

use crate::core::i18n::Msg;
use crate::core::notes::{
    export_json, export_markdown, import_json, Colour, Filter, Sort, MAX_IMPORT_BYTES,
};
use crate::ui::browser;
use crate::ui::components::notes_list::NoteCard;
use crate::ui::notes_state::use_notes;
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The outcome of an import, shown under the import button.
#[derive(Debug, Clone, PartialEq)]
struct ImportReport {
    ok: bool,
    lines: Vec<String>,
}

/// The notes page.
#[component]
pub fn NotesPage() -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let docs = &state.engine().bundle.docs;
    let query = RwSignal::new(String::new());
    let doc = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let colour = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::Position);
    let report = RwSignal::new(None::<ImportReport>);

    let filter = move || Filter {
        doc: Some(doc.get()).filter(|d| !d.is_empty()),
        tag: Some(tag.get()).filter(|t| !t.is_empty()),
        colour: Colour::parse(&colour.get()).ok(),
        query: query.get(),
    };
    let shown = Memo::new(move |_| {
        let f = filter();
        let s = sort.get();
        notes.store.with(|store| {
            store
                .list(&f, s, docs)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let tags = Memo::new(move |_| notes.store.with(|s| s.tags()));

    let export = move |markdown: bool| {
        let only = Some(doc.get_untracked()).filter(|d| !d.is_empty());
        let (name, mime, body) = notes.store.with_untracked(|s| {
            if markdown {
                let md = export_markdown(
                    s,
                    state.engine().bundle,
                    only.as_deref(),
                    state.lang.get_untracked(),
                    &browser::base_url(),
                );
                ("silk-road-reader-notes.md", "text/markdown", md)
            } else {
                (
                    "silk-road-reader-notes.json",
                    "application/json",
                    export_json(s, only.as_deref()),
                )
            }
        });
        if let Err(e) = browser::download(name, mime, &body) {
            state.say(e.to_string());
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let lang = state.lang.get_untracked();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            report.set(Some(ImportReport {
                ok: false,
                lines: vec![format!(
                    "{} ({} MB)",
                    Msg::ImportTooLarge.text(lang),
                    MAX_IMPORT_BYTES / 1024 / 1024
                )],
            }));
            return;
        }
        let file = gloo_file::File::from(file);
        wasm_bindgen_futures::spawn_local(async move {
            let text = match gloo_file::futures::read_as_text(&file).await {
                Ok(t) => t,
                Err(e) => {
                    report.set(Some(ImportReport {
                        ok: false,
                        lines: vec![format!("{}: {e}", Msg::ImportFailed.text(lang))],
                    }));
                    return;
                }
            };
            match import_json(&text, MAX_IMPORT_BYTES) {
                Err(e) => report.set(Some(ImportReport {
                    ok: false,
                    lines: vec![format!("{}: {e}", Msg::ImportFailed.text(lang))],
                })),
                Ok(result) => {
                    let mut merged = None;
                    notes.store.update(|s| merged = Some(result.merge_into(s)));
                    let mut lines = Vec::new();
                    if let Some(m) = merged {
                        lines.push(format!(
                            "{}: {} {}, {} {}, {} {}",
                            Msg::ImportDone.text(lang),
                            m.added,
                            Msg::ImportAdded.text(lang),
                            m.updated + m.revived + m.deleted,
                            Msg::ImportUpdated.text(lang),
                            m.unchanged + m.kept_local_newer,
                            Msg::ImportUnchanged.text(lang),
                        ));
                    }
                    if result.duplicates > 0 {
                        lines.push(format!(
                            "{} {}",
                            result.duplicates,
                            Msg::ImportDuplicates.text(lang)
                        ));
                    }
                    lines.extend(result.problems.iter().map(|p| p.to_string()));
                    let unknown = result.unknown_docs(docs);
                    if !unknown.is_empty() {
                        lines.push(format!(
                            "{}: {}",
                            Msg::ImportUnknownDocs.text(lang),
                            unknown.join(", ")
                        ));
                    }
                    report.set(Some(ImportReport {
                        ok: result.problems.is_empty(),
                        lines,
                    }));
                }
            }
        });
    };

    view! {
        <section class="notes-page" aria-labelledby="notes-title">
            <h1 id="notes-title">{move || state.t(Msg::NavNotes)}</h1>
            <p class="lead">{move || state.t(Msg::NotesIntro)}</p>
            <div class="notes-controls">
                <div class="field">
                    <label for="notes-q">{move || state.t(Msg::NavSearch)}</label>
                    <input id="notes-q" type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="notes-doc">{move || state.t(Msg::FilterDoc)}</label>
                    <select id="notes-doc" on:change=move |ev| doc.set(event_target_value(&ev))>
                        <option value="">{move || state.t(Msg::FilterAll)}</option>
                        {docs.iter().map(|d| view! { <option value=d.meta.id.clone()>{d.meta.title.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="notes-tag">{move || state.t(Msg::NoteTags)}</label>
                    <select id="notes-tag" on:change=move |ev| tag.set(event_target_value(&ev))>
                        <option value="">{move || state.t(Msg::FilterAll)}</option>
                        {move || tags.get().into_iter().map(|(t, n)| view! { <option value=t.clone()>{format!("{t} ({n})")}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="notes-colour">{move || state.t(Msg::NoteColour)}</label>
                    <select id="notes-colour" on:change=move |ev| colour.set(event_target_value(&ev))>
                        <option value="">{move || state.t(Msg::FilterAll)}</option>
                        {Colour::ALL.into_iter().map(|c| view! { <option value=c.name()>{move || c.label(state.lang.get())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="notes-sort">{move || state.t(Msg::SortBy)}</label>
                    <select id="notes-sort" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "newest" => Sort::Newest, "oldest" => Sort::Oldest, _ => Sort::Position })>
                        <option value="position">{move || state.t(Msg::SortPosition)}</option>
                        <option value="newest">{move || state.t(Msg::SortNewest)}</option>
                        <option value="oldest">{move || state.t(Msg::SortOldest)}</option>
                    </select>
                </div>
            </div>
            <div class="notes-exchange">
                <button type="button" class="tool-btn" data-action="export-json" on:click=move |_| export(false)>{move || state.t(Msg::ExportJson)}</button>
                <button type="button" class="tool-btn" data-action="export-md" on:click=move |_| export(true)>{move || state.t(Msg::ExportMarkdown)}</button>
                <label class="tool-btn file-btn" for="notes-import">{move || state.t(Msg::ImportJson)}</label>
                <input id="notes-import" class="visually-hidden" type="file" accept="application/json,.json" on:change=import/>
            </div>
            {move || report.get().map(|r| view! {
                <div class=if r.ok { "import-report ok" } else { "import-report problems" } role="status" data-import-report="">
                    <ul>{r.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            })}
            <p class="filter-count" role="status">{move || format!("{} / {}", shown.with(Vec::len), notes.store.with(|s| s.live().count()))}</p>
            <ul class="note-list">
                {move || shown.get().into_iter().map(|n| view! { <NoteCard note=n orphan=false show_doc=true/> }).collect_view()}
            </ul>
        </section>
    }
}
