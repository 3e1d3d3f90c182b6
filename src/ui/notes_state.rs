//! The notes as the app holds them: loaded from localStorage, saved after every change,
//! merged with other tabs, and never lost when storage misbehaves.
//!
//! - Unreadable stored data (damaged JSON, a newer format) is copied to a backup key
//!   first and never overwritten; the reader is told and can download it.
//! - A full quota keeps the notes in memory and says they are not saved.
//! - Blocked storage (private modes, sandboxed or third-party frames) keeps them for this
//!   visit and says so. Export works in every case.

use crate::core::i18n::Msg;
use crate::core::notes::{
    backup_key, decode, encode, merge, DecodeError, Millis, Note, NoteStore, STORAGE_KEY,
};
use crate::ui::browser::{self, BrowserError};
use leptos::prelude::*;

/// Whether notes are being kept, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StorageStatus {
    #[default]
    Saved,
    /// Storage cannot be used here: notes last for this visit.
    Unavailable(String),
    /// The last save failed because storage is full: the newest changes are not saved.
    QuotaExceeded,
    /// Stored notes could not be read; the raw value is kept under `backup` (if it could
    /// be written) and the notes in memory are what could be rescued.
    Unreadable {
        reason: String,
        backup: Option<String>,
    },
    /// Written by a newer version of the reader: kept as it is, never overwritten.
    FutureVersion {
        version: u64,
        backup: Option<String>,
    },
}

impl StorageStatus {
    /// May the app write the notes to their key?
    fn may_write(&self) -> bool {
        !matches!(
            self,
            StorageStatus::FutureVersion { .. } | StorageStatus::Unavailable(_)
        ) && !matches!(self, StorageStatus::Unreadable { backup: None, .. })
    }
}

/// What the note editor is working on.
#[derive(Debug, Clone, PartialEq)]
pub enum Editing {
    /// A new note, not saved yet.
    New(Note),
    /// An existing note, by id.
    Existing(String),
}

/// The notes context.
#[derive(Clone, Copy)]
pub struct NotesState {
    pub store: RwSignal<NoteStore>,
    pub status: RwSignal<StorageStatus>,
    pub editing: RwSignal<Option<Editing>>,
    /// The note deleted last, for "undo".
    pub last_deleted: RwSignal<Option<String>>,
}

/// Milliseconds now, as the notes model counts them.
pub fn now() -> Millis {
    browser::now_ms() as Millis
}

/// A new note id: time plus a random suffix (unique across tabs in practice).
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("n-{}-{random:x}", now())
}

fn load() -> (NoteStore, StorageStatus) {
    if let Err(e) = browser::storage_works() {
        return (NoteStore::new(), StorageStatus::Unavailable(e.to_string()));
    }
    let raw = match browser::storage_get(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (NoteStore::new(), StorageStatus::Saved),
        Err(e) => return (NoteStore::new(), StorageStatus::Unavailable(e.to_string())),
    };
    match decode(&raw) {
        Ok(envelope) => (envelope.into_store(), StorageStatus::Saved),
        Err(error) => {
            // Keep the raw value before anything else can touch the key.
            let key = backup_key(now());
            let backup = browser::storage_set(&key, &raw).ok().map(|_| key);
            // Rescue what can be read, so the reader keeps working with it.
            let rescued = crate::core::notes::import_json(&raw, usize::MAX)
                .map(|r| NoteStore::from_notes(r.notes))
                .unwrap_or_default();
            let status = match error {
                DecodeError::FutureVersion(version) => {
                    StorageStatus::FutureVersion { version, backup }
                }
                DecodeError::Corrupt(reason) => StorageStatus::Unreadable { reason, backup },
            };
            (rescued, status)
        }
    }
}

impl NotesState {
    /// Loads the notes and starts keeping them in sync with storage and other tabs.
    pub fn start() -> NotesState {
        let (store, status) = load();
        let state = NotesState {
            store: RwSignal::new(store),
            status: RwSignal::new(status),
            editing: RwSignal::new(None),
            last_deleted: RwSignal::new(None),
        };
        // Save after every change (effects are for syncing with the outside world).
        Effect::new(move |first: Option<()>| {
            let raw = state.store.with(encode);
            if first.is_some() {
                state.write(&raw);
            }
        });
        // Another tab changed the notes: merge note by note (newest wins). Only a real
        // change is applied, and local notes the other tab lacks are written back, so
        // two tabs settle instead of overwriting each other.
        let listener = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            let Some(raw) = ev.new_value() else { return };
            let Ok(envelope) = decode(&raw) else { return };
            let incoming: Vec<Note> = envelope.into_store().all().to_vec();
            let mut next = state.store.get_untracked();
            let report = merge(&mut next, &incoming);
            if report.changed() {
                state.store.set(next);
            } else if report.local_is_ahead() {
                state.write(&encode(&next));
            }
        });
        on_cleanup(move || listener.remove());
        state
    }

    /// Writes the encoded notes to storage, unless the stored value must be left alone.
    fn write(&self, raw: &str) {
        if !self.status.with_untracked(StorageStatus::may_write) {
            return;
        }
        match browser::storage_set(STORAGE_KEY, raw) {
            Ok(()) => {
                if self
                    .status
                    .with_untracked(|s| *s == StorageStatus::QuotaExceeded)
                {
                    self.status.set(StorageStatus::Saved);
                }
            }
            Err(BrowserError::QuotaExceeded) => self.status.set(StorageStatus::QuotaExceeded),
            Err(e) => self.status.set(StorageStatus::Unavailable(e.to_string())),
        }
    }

    /// Saves the note being edited (new or existing) with the given fields.
    pub fn save(&self, note: Note) -> Result<(), String> {
        let mut result = Ok(());
        self.store.update(|s| {
            result = if s.get(&note.id).is_some() {
                s.edit(
                    &note.id,
                    crate::core::notes::NoteEdit {
                        text: Some(note.text.clone()),
                        colour: Some(note.colour),
                        tags: Some(note.tags.clone()),
                        target: None,
                    },
                    now(),
                )
                .map(|_| ())
                .map_err(|e| e.to_string())
            } else {
                s.add(note.clone()).map_err(|e| e.to_string())
            };
        });
        if result.is_ok() {
            self.editing.set(None);
        }
        result
    }

    pub fn delete(&self, id: &str) {
        let mut ok = false;
        self.store.update(|s| ok = s.delete(id, now()).is_ok());
        if ok {
            self.last_deleted.set(Some(id.to_string()));
            self.editing.set(None);
        }
    }

    pub fn undo_delete(&self) {
        if let Some(id) = self.last_deleted.get_untracked() {
            self.store.update(|s| {
                let _ = s.undo_delete(&id, now());
            });
            self.last_deleted.set(None);
        }
    }

    /// The message for the storage banner, if there is anything to say.
    pub fn banner(&self) -> Option<(Msg, Option<String>)> {
        match self.status.get() {
            StorageStatus::Saved => None,
            StorageStatus::Unavailable(why) => Some((Msg::StorageUnavailable, Some(why))),
            StorageStatus::QuotaExceeded => Some((Msg::StorageFull, None)),
            StorageStatus::Unreadable { reason, .. } => {
                Some((Msg::StorageUnreadable, Some(reason)))
            }
            StorageStatus::FutureVersion { version, .. } => Some((
                Msg::StorageFuture,
                Some(format!("format version {version}")),
            )),
        }
    }

    /// The raw stored value kept after a read failure, for download.
    pub fn backup_raw(&self) -> Option<String> {
        let key = match self.status.get_untracked() {
            StorageStatus::Unreadable { backup, .. }
            | StorageStatus::FutureVersion { backup, .. } => backup,
            _ => None,
        };
        match key {
            Some(key) => browser::storage_get(&key).ok().flatten(),
            None => browser::storage_get(STORAGE_KEY).ok().flatten(),
        }
    }
}

/// The notes state from context.
pub fn use_notes() -> NotesState {
    expect_context::<NotesState>()
}
