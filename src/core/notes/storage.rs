//! The storage format: a versioned JSON envelope, its migrations, and the checks every
//! note read from outside passes (saved data and imported files alike).
//!
//! ```json
//! { "format": "silk-road-reader-notes", "version": 1, "notes": [ { "id": "…", … } ] }
//! ```
//!
//! Why versioned: notes outlive releases. A reader meeting an older version migrates it
//! step by step ([`migrate`]); meeting a newer one it refuses with
//! [`DecodeError::FutureVersion`], so the UI can keep the raw value under a backup key and
//! warn instead of overwriting notes it cannot understand.
//!
//! Versions:
//! - **0** (the first notes, before anchors kept context): a bare JSON array of
//!   `{ "id", "doc", "para"?, "quote"?, "start"?, "end"? (UTF-16 offsets in the
//!   paragraph), "note"? (the text), "color"?, "tags"?, "time" }`. No tombstones.
//! - **1** (current): the envelope above; notes as [`Note`] serialises them.

use super::model::{normalize_tags, Colour, Millis, Note, NoteStore, Target};
use crate::core::anchor::Anchor;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::fmt;

/// The `format` field: what the file is.
pub const FORMAT: &str = "silk-road-reader-notes";
/// The version this reader writes, and the newest it reads.
pub const VERSION: u64 = 1;

/// The `localStorage` key of the notes (the envelope carries its own version, so the
/// key has none).
pub const STORAGE_KEY: &str = "silk-road-reader/notes";

/// Where to keep a saved value that could not be read ([`DecodeError`]) before the
/// reader starts afresh: under this key, stamped with the time, so nothing is lost and
/// a later version (or a person) can still read it.
pub fn backup_key(now: Millis) -> String {
    format!("{STORAGE_KEY}/backup/{now}")
}

/// The decoded contents of saved notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u64,
    pub notes: Vec<Note>,
}

impl Envelope {
    /// The notes as a store (should two entries share an id, the newer wins).
    pub fn into_store(self) -> NoteStore {
        NoteStore::from_notes(self.notes)
    }
}

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    format: &'a str,
    version: u64,
    notes: Vec<&'a Note>,
}

/// The JSON of an envelope holding `notes` (compact, or indented for files people read).
pub(super) fn envelope_json<'a>(notes: impl IntoIterator<Item = &'a Note>, pretty: bool) -> String {
    let env = EnvelopeRef {
        format: FORMAT,
        version: VERSION,
        notes: notes.into_iter().collect(),
    };
    let out = if pretty {
        serde_json::to_string_pretty(&env)
    } else {
        serde_json::to_string(&env)
    };
    // Serialising plain strings and integers cannot fail.
    out.unwrap_or_default()
}

/// The store as saved: every note, tombstones included (other tabs need them).
pub fn encode(store: &NoteStore) -> String {
    envelope_json(store.all(), false)
}

/// Why saved notes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, not our format, or an entry is malformed. The reason says where.
    Corrupt(String),
    /// Written by a newer reader, with this format version.
    FutureVersion(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(reason) => write!(f, "the saved notes are damaged and could not be read: {reason}"),
            DecodeError::FutureVersion(n) => write!(
                f,
                "the saved notes were written by a newer version of the reader (format version {n}; \
                 this one reads up to version {VERSION}); update the reader to see them"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads saved notes, migrating older versions. Strict: one malformed entry makes the
/// whole value [`DecodeError::Corrupt`] (the UI should then keep the raw value and can
/// salvage the valid entries with [`super::import_json`]).
pub fn decode(raw: &str) -> Result<Envelope, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(format!("not JSON ({e})")))?;
    let value = migrate(value)?;
    let entries = value["notes"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (notes, problems) = parse_entries(entries);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more problems)", n - 1),
        };
        return Err(DecodeError::Corrupt(format!("{first}{more}")));
    }
    Ok(Envelope {
        format: FORMAT.into(),
        version: VERSION,
        notes,
    })
}

/// The format version of a JSON value: 0 for a bare array, else its `version` field.
pub fn version_of(value: &Value) -> Result<u64, DecodeError> {
    let corrupt = |s: String| Err(DecodeError::Corrupt(s));
    match value {
        Value::Array(_) => Ok(0),
        Value::Object(o) => {
            match o.get("format").and_then(Value::as_str) {
                Some(FORMAT) => {}
                Some(other) => {
                    return corrupt(format!(
                        "this is not a notes file (`format` is {other:?}, expected {FORMAT:?})"
                    ))
                }
                None => {
                    return corrupt(format!(
                        "this is not a notes file (no `format` field; expected {FORMAT:?})"
                    ))
                }
            }
            match o.get("version").and_then(Value::as_u64) {
                Some(v) if v > VERSION => Err(DecodeError::FutureVersion(v)),
                Some(v) if v >= 1 => match o.get("notes") {
                    Some(Value::Array(_)) => Ok(v),
                    _ => corrupt("`notes` is missing or not a list".into()),
                },
                _ => corrupt("`version` is missing or not a positive whole number".into()),
            }
        }
        other => corrupt(format!(
            "expected an object or a list, found {}",
            kind(other)
        )),
    }
}

/// Brings a value of any known version to the current version's shape, one step at a
/// time (entries are only reshaped here; [`decode`] and [`super::import_json`] check them).
pub fn migrate(value: Value) -> Result<Value, DecodeError> {
    let mut version = version_of(&value)?;
    let mut value = value;
    while version < VERSION {
        value = match version {
            0 => v0_to_v1(value),
            _ => unreachable!("every version below VERSION has a step"),
        };
        version += 1;
    }
    Ok(value)
}

/// v0 → v1: wrap the array in the envelope; rename `note`→`text`, `color`→`colour`;
/// `time` becomes `created` and `updated`; `para` + `quote` + `start`/`end` become a
/// passage anchor (no context; the char offsets are copied from the UTF-16 ones, which
/// agree unless the text before holds characters beyond the BMP, and resolution checks
/// both), `para` alone a paragraph target, neither a document target. Entries that are
/// not objects are passed on for the checks to report.
fn v0_to_v1(value: Value) -> Value {
    let Value::Array(entries) = value else {
        return value;
    };
    let notes: Vec<Value> = entries
        .into_iter()
        .map(|entry| {
            let Value::Object(o) = entry else { return entry };
            let quote = o.get("quote").and_then(Value::as_str).unwrap_or("");
            let target = match o.get("para") {
                Some(para) if !quote.is_empty() => {
                    let start = o.get("start").cloned().unwrap_or(json!(0));
                    let end = o.get("end").cloned().unwrap_or_else(|| {
                        json!(start.as_u64().unwrap_or(0) + quote.encode_utf16().count() as u64)
                    });
                    json!({"kind": "passage", "para": para, "quote": quote, "prefix": "", "suffix": "",
                           "start_utf16": start, "end_utf16": end, "start_char": start, "end_char": end})
                }
                Some(para) => json!({"kind": "paragraph", "para": para}),
                None => json!({"kind": "document"}),
            };
            let mut note = Map::new();
            for (from, to) in [("id", "id"), ("doc", "doc"), ("note", "text"), ("color", "colour"), ("tags", "tags"), ("time", "created"), ("time", "updated")] {
                if let Some(v) = o.get(from) {
                    note.insert(to.into(), v.clone());
                }
            }
            note.insert("target".into(), target);
            Value::Object(note)
        })
        .collect();
    json!({"format": FORMAT, "version": 1, "notes": notes})
}

/// A malformed entry: which one, which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryProblem {
    /// The entry's position in the file's list, counting from 1.
    pub entry: usize,
    /// Its id, when it has a readable one.
    pub id: Option<String>,
    pub field: String,
    pub reason: String,
}

impl fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {}", self.entry)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id})")?;
        }
        if self.field.is_empty() {
            write!(f, ": {}", self.reason)
        } else {
            write!(f, ": field `{}`: {}", self.field, self.reason)
        }
    }
}

/// Checks every entry of a (current-version) notes list: the valid notes, and a
/// problem for each invalid entry.
pub(super) fn parse_entries(entries: &[Value]) -> (Vec<Note>, Vec<EntryProblem>) {
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        match parse_note(entry) {
            Ok(note) => notes.push(note),
            Err((field, reason)) => problems.push(EntryProblem {
                entry: i + 1,
                id: entry
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| !id.is_empty() && id.chars().count() <= 128)
                    .map(|id| id.chars().filter(|c| !c.is_control()).collect()),
                field,
                reason,
            }),
        }
    }
    (notes, problems)
}

type Problem = (String, String);

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong(field: &str, expected: &str, found: &Value) -> Problem {
    (
        field.into(),
        format!("expected {expected}, found {}", kind(found)),
    )
}

fn string(
    o: &Map<String, Value>,
    field: &str,
    prefix: &str,
    default: Option<&str>,
) -> Result<String, Problem> {
    let name = format!("{prefix}{field}");
    match (o.get(field), default) {
        (Some(Value::String(s)), _) => Ok(s.clone()),
        (None | Some(Value::Null), Some(d)) => Ok(d.into()),
        (None, None) => Err((name, "is missing".into())),
        (Some(v), _) => Err(wrong(&name, "a string", v)),
    }
}

fn whole(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
            .map(|f| f as i64)
    })
}

fn number(
    o: &Map<String, Value>,
    field: &str,
    prefix: &str,
    default: Option<i64>,
) -> Result<i64, Problem> {
    let name = format!("{prefix}{field}");
    match (o.get(field), default) {
        (None | Some(Value::Null), Some(d)) => Ok(d),
        (None, None) => Err((name, "is missing".into())),
        (Some(v), _) => whole(v).ok_or_else(|| wrong(&name, "a whole number", v)),
    }
}

fn offset(o: &Map<String, Value>, field: &str, default: Option<i64>) -> Result<usize, Problem> {
    let n = number(o, field, "target.", default)?;
    usize::try_from(n).map_err(|_| (format!("target.{field}"), format!("{n} is negative")))
}

fn parse_note(entry: &Value) -> Result<Note, Problem> {
    let Value::Object(o) = entry else {
        return Err((
            String::new(),
            format!("expected an object, found {}", kind(entry)),
        ));
    };
    let id = string(o, "id", "", None)?;
    let doc = string(o, "doc", "", None)?;
    let target = match o.get("target") {
        Some(Value::Object(t)) => parse_target(t)?,
        Some(v) => return Err(wrong("target", "an object", v)),
        None => return Err(("target".into(), "is missing".into())),
    };
    let text = string(o, "text", "", Some(""))?;
    let colour = match o.get("colour") {
        None | Some(Value::Null) => Colour::default(),
        Some(Value::String(s)) => Colour::parse(s).map_err(|e| ("colour".to_string(), e))?,
        Some(v) => return Err(wrong("colour", "a colour name", v)),
    };
    let tags = match o.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let mut tags = Vec::with_capacity(items.len());
            for (i, t) in items.iter().enumerate() {
                match t {
                    Value::String(s) => tags.push(s.as_str()),
                    v => return Err(wrong(&format!("tags[{i}]"), "a string", v)),
                }
            }
            normalize_tags(&tags)
        }
        Some(v) => return Err(wrong("tags", "a list of strings", v)),
    };
    let created: Millis = number(o, "created", "", None)?;
    let updated: Millis = number(o, "updated", "", Some(created))?;
    let deleted = match o.get("deleted") {
        None | Some(Value::Null) => None,
        Some(v) => Some(whole(v).ok_or_else(|| wrong("deleted", "a whole number or null", v))?),
    };
    let note = Note {
        id,
        doc,
        target,
        text,
        colour,
        tags,
        created,
        updated,
        deleted,
    };
    note.check().map_err(|e| (e.field, e.reason))?;
    Ok(note)
}

fn parse_target(t: &Map<String, Value>) -> Result<Target, Problem> {
    let kind = string(t, "kind", "target.", None)?;
    match kind.as_str() {
        "document" => Ok(Target::Document),
        "paragraph" => Ok(Target::Paragraph {
            para: string(t, "para", "target.", None)?,
        }),
        "passage" => {
            let start_utf16 = offset(t, "start_utf16", None)?;
            let end_utf16 = offset(t, "end_utf16", None)?;
            Ok(Target::Passage(Anchor {
                para: string(t, "para", "target.", None)?,
                quote: string(t, "quote", "target.", None)?,
                prefix: string(t, "prefix", "target.", Some(""))?,
                suffix: string(t, "suffix", "target.", Some(""))?,
                start_utf16,
                end_utf16,
                start_char: offset(t, "start_char", Some(start_utf16 as i64))?,
                end_char: offset(t, "end_char", Some(end_utf16 as i64))?,
            }))
        }
        other => Err((
            "target.kind".into(),
            format!("unknown kind {other:?}; expected one of passage, paragraph, document"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> NoteStore {
        let mut s = NoteStore::new();
        let anchor = Anchor {
            para: "p1".into(),
            quote: "一带一路".into(),
            end_char: 4,
            end_utf16: 4,
            ..Anchor::default()
        };
        let mut n = Note::new("n-1", "doc-a", Target::Passage(anchor), 10);
        n.tags = vec!["产能".into()];
        s.add(n).unwrap();
        s.add(Note::new("n-2", "doc-a", Target::Document, 20))
            .unwrap();
        s.delete("n-2", 30).unwrap();
        s
    }

    #[test]
    fn encode_decode_round_trip_keeps_tombstones() {
        let s = sample();
        let raw = encode(&s);
        assert!(
            raw.starts_with(r#"{"format":"silk-road-reader-notes","version":1,"notes":["#),
            "{raw}"
        );
        let env = decode(&raw).unwrap();
        assert_eq!(env.version, VERSION);
        assert_eq!(env.into_store(), s);
    }

    #[test]
    fn future_versions_and_strangers_are_refused() {
        let e =
            decode(r#"{"format":"silk-road-reader-notes","version":7,"notes":[]}"#).unwrap_err();
        assert_eq!(e, DecodeError::FutureVersion(7));
        assert!(e.to_string().contains("newer version"));
        for raw in [
            "",
            "{",
            "42",
            r#"{"version":1,"notes":[]}"#,
            r#"{"format":"other","version":1}"#,
            r#"{"format":"silk-road-reader-notes","version":"1","notes":[]}"#,
            r#"{"format":"silk-road-reader-notes","version":1,"notes":{}}"#,
        ] {
            assert!(
                matches!(decode(raw), Err(DecodeError::Corrupt(_))),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn one_bad_entry_makes_saved_data_corrupt_with_its_place() {
        let raw = r#"{"format":"silk-road-reader-notes","version":1,"notes":[
            {"id":"a","doc":"d","target":{"kind":"document"},"created":1},
            {"id":"n-17","doc":"d","target":{"kind":"document"},"created":1,"colour":"red"}]}"#;
        let DecodeError::Corrupt(reason) = decode(raw).unwrap_err() else {
            panic!()
        };
        assert_eq!(
            reason,
            "entry 2 (id n-17): field `colour`: unknown colour \"red\"; expected one of yellow, green, blue, pink, purple"
        );
    }

    #[test]
    fn migrates_version_0() {
        let raw = r#"[
            {"id":"v0-1","doc":"doc-a","para":"p2","quote":"一带一路","start":5,"end":9,"note":"旧笔记","color":"green","tags":["BRI "],"time":1500},
            {"id":"v0-2","doc":"doc-a","para":"p3","time":1600},
            {"id":"v0-3","doc":"doc-a","time":1700}
        ]"#;
        let env = decode(raw).unwrap();
        assert_eq!(env.version, 1);
        let n = &env.notes[0];
        assert_eq!(
            (
                n.text.as_str(),
                n.colour,
                n.tags.clone(),
                n.created,
                n.updated
            ),
            ("旧笔记", Colour::Green, vec!["BRI".into()], 1500, 1500)
        );
        let Target::Passage(a) = &n.target else {
            panic!("{:?}", n.target)
        };
        assert_eq!(
            (
                a.para.as_str(),
                a.quote.as_str(),
                a.start_utf16,
                a.end_utf16,
                a.start_char
            ),
            ("p2", "一带一路", 5, 9, 5)
        );
        assert!(a.prefix.is_empty());
        assert_eq!(env.notes[1].target, Target::Paragraph { para: "p3".into() });
        assert_eq!(env.notes[2].target, Target::Document);
        // Migrated data is saved in the current version.
        let again = decode(&encode(&env.clone().into_store())).unwrap();
        assert_eq!(again, env);
    }

    #[test]
    fn field_problems_are_precise() {
        let problem = |entry: Value| parse_entries(&[entry]).1.remove(0).to_string();
        let base = json!({"id":"n-1","doc":"d","target":{"kind":"document"},"created":1});
        let with = |k: &str, v: Value| {
            let mut e = base.clone();
            e[k] = v;
            e
        };
        assert_eq!(
            problem(json!(3)),
            "entry 1: expected an object, found a number"
        );
        assert_eq!(
            problem(with("id", json!(5))),
            "entry 1: field `id`: expected a string, found a number"
        );
        assert_eq!(
            problem(with("tags", json!(["a", 2]))),
            "entry 1 (id n-1): field `tags[1]`: expected a string, found a number"
        );
        assert_eq!(
            problem(with("created", json!(1.5))),
            "entry 1 (id n-1): field `created`: expected a whole number, found a number"
        );
        assert_eq!(
            problem(with(
                "target",
                json!({"kind":"passage","para":"p1","quote":"x","start_utf16":-1,"end_utf16":1})
            )),
            "entry 1 (id n-1): field `target.start_utf16`: -1 is negative"
        );
        assert!(problem(with("target", json!({"kind":"word"}))).contains("unknown kind \"word\""));
        assert!(problem(with("doc", json!("<script>"))).contains("field `doc`"));
        assert!(problem(with("deleted", json!("yes"))).contains("field `deleted`"));
        let ok = parse_entries(&[with("created", json!(1.7e12))]);
        assert_eq!(ok.0[0].created, 1_700_000_000_000);
    }
}
