//! What the reader must know about their notes: the storage banner (blocked, full,
//! unreadable, from a newer version — each with export, and a download of unreadable
//! data) and the "undo" bar after a deletion.

use crate::core::i18n::Msg;
use crate::core::notes::export_json;
use crate::ui::browser;
use crate::ui::notes_state::use_notes;
use crate::ui::state::use_app;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Exports every note as JSON (the same file the notes page offers).
pub fn export_all_json() {
    let notes = use_notes();
    let json = notes.store.with_untracked(|s| export_json(s, None));
    let _ = browser::download("silk-road-reader-notes.json", "application/json", &json);
}

/// The storage banner.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let dismissed = RwSignal::new(false);
    move || {
        if dismissed.get() {
            return None;
        }
        notes.banner().map(|(msg, detail)| {
            let has_backup = matches!(msg, Msg::StorageUnreadable | Msg::StorageFuture);
            view! {
                <div class="storage-banner" role="alert" data-storage-banner=format!("{msg:?}")>
                    <p><strong>{move || state.t(msg)}</strong>
                        {detail.map(|d| view! { <span class="banner-detail">{format!(" ({d})")}</span> })}
                    </p>
                    <div class="banner-actions">
                        <button type="button" class="tool-btn small" data-action="export-json" on:click=move |_| export_all_json()>
                            {move || state.t(Msg::ExportJson)}
                        </button>
                        {has_backup.then(|| view! {
                            <button type="button" class="tool-btn small" data-action="download-raw" on:click=move |_| {
                                if let Some(raw) = notes.backup_raw() {
                                    let _ = browser::download("silk-road-reader-notes-unreadable.txt", "text/plain", &raw);
                                }
                            }>{move || state.t(Msg::DownloadRaw)}</button>
                        })}
                        <button type="button" class="tool-btn small" on:click=move |_| dismissed.set(true)>{move || state.t(Msg::Dismiss)}</button>
                    </div>
                </div>
            }
        })
    }
}

/// "Note deleted — Undo", for a few seconds after a deletion.
#[component]
pub fn UndoBar() -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let timer: StoredValue<Option<Timeout>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        if notes.last_deleted.get().is_some() {
            timer.set_value(Some(Timeout::new(12_000, move || {
                notes.last_deleted.set(None)
            })));
        }
    });
    move || {
        notes.last_deleted.get().map(|_| {
            view! {
                <div class="undo-bar" role="region" aria-label=move || state.t(Msg::NoteDeleted)>
                    <span>{move || state.t(Msg::NoteDeleted)}</span>
                    <button type="button" class="tool-btn small" data-action="undo-delete" on:click=move |_| notes.undo_delete()>
                        {move || state.t(Msg::Undo)}
                    </button>
                </div>
            }
        })
    }
}
