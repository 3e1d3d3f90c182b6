//! Notes and highlights: the model, the store and its operations, the storage format,
//! merging, and import/export.
//!
//! Why it is built this way:
//! - **No note is ever lost.** Deleting writes a tombstone (the note stays, so undo can
//!   bring it back and other tabs learn of the deletion); merging keeps the union of ids;
//!   an anchor that no longer fits the text makes an orphan, never a dropped note; data
//!   from the future or damaged data is refused with an error the UI can act on (keep the
//!   raw value, warn) rather than overwritten.
//! - **Last writer wins, per note.** Every change (edit, delete, undo) moves `updated`
//!   forward, so two tabs, or a store and an imported file, merge by comparing one number
//!   per note, with a fixed tie-break so that the result never depends on which side
//!   merges into which.
//! - **Pure.** Ids and timestamps come from the caller (the UI uses `Date.now()` and a
//!   random suffix); the UI does the `localStorage` calls and the downloads. Everything
//!   here runs in `cargo test`.
//! - **Plain data.** Note text, tags and imported content are never turned into HTML
//!   here; the Markdown export escapes them, and the UI shows them as text (or through
//!   [`crate::core::render::escape`]).
//!
//! Modules: [`model`] (notes and the store's operations), [`query`] (filters and sort
//! orders), [`place`] (where the
//! notes of a document land now), [`storage`] (the versioned JSON envelope), [`merge`],
//! [`exchange`] (JSON and Markdown export, JSON import).

pub mod exchange;
pub mod merge;
pub mod model;
pub mod place;
pub mod query;
pub mod storage;

pub use exchange::{
    export_json, export_markdown, import_json, ImportError, ImportResult, MAX_IMPORT_BYTES,
};
pub use merge::{merge, MergeReport};
pub use model::{
    normalize_tags, parse_tags, Colour, FieldError, Millis, Note, NoteEdit, NoteError, NoteStore,
    Target,
};
pub use place::{place, Placed, Placement};
pub use query::{Filter, Sort};
pub use storage::{
    backup_key, decode, encode, migrate, DecodeError, EntryProblem, Envelope, FORMAT, STORAGE_KEY,
    VERSION,
};
