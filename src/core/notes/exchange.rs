//! Export (JSON for a full round trip, Markdown for reading and citing) and import.
//!
//! Import is forgiving where it can be and precise where it cannot: a file that is not
//! a notes file at all is refused as a whole; inside a notes file each bad entry is
//! reported (entry number, id, field, reason) and the good ones are imported. Imported
//! notes are merged by the usual rules ([`super::merge`]), so importing the same file
//! twice adds nothing, and nothing here is overwritten without being counted.
//!
//! The Markdown export escapes every piece of text it writes (note text, tags, quotes,
//! titles), so that a note reading `<script>` or `[x](javascript:…)` stays literal text
//! in whatever renders the file.

use super::merge::{cmp_versions, merge, MergeReport};
use super::model::{Note, NoteStore, Target};
use super::query::{Filter, Sort};
use super::storage::{envelope_json, migrate, parse_entries, DecodeError, EntryProblem, VERSION};
use crate::core::anchor::Resolver;
use crate::core::bundle::Bundle;
use crate::core::citation::{cite, paragraph_number, CiteRequest};
use crate::core::corpus::Document;
use crate::core::i18n::Lang;
use crate::core::route::Route;
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

/// The largest file [`import_json`] is usually given (5 MiB, about what a browser's
/// local storage holds anyway).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The notes as a JSON file (the storage envelope, indented): live notes only, of one
/// document or all. Deleted notes stay out of files meant to be shared.
pub fn export_json(store: &NoteStore, doc: Option<&str>) -> String {
    envelope_json(
        store.live().filter(|n| doc.is_none_or(|d| n.doc == d)),
        true,
    )
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { size: usize, limit: usize },
    NotJson(String),
    NotNotes(String),
    FutureVersion(u64),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
        match self {
            ImportError::TooLarge { size, limit } => write!(
                f,
                "the file is {:.1} MB, larger than the {:.1} MB a notes file may have; \
                 is it the right file? Export notes one document at a time to make smaller files",
                mb(*size),
                mb(*limit)
            ),
            ImportError::NotJson(e) => write!(f, "the file is not valid JSON ({e})"),
            ImportError::NotNotes(reason) => write!(f, "the file is not a Silk Road Reader notes file: {reason}"),
            ImportError::FutureVersion(n) => write!(
                f,
                "the file was exported by a newer version of the reader (format version {n}; this one \
                 reads up to version {VERSION}); update the reader to import it"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What a file holds: the valid notes (one per id) and the entries that were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportResult {
    pub notes: Vec<Note>,
    pub problems: Vec<EntryProblem>,
    /// Entries whose id an earlier entry of the file already had (the newer was kept).
    pub duplicates: usize,
    /// The file's format version (older versions were migrated).
    pub version: u64,
}

impl ImportResult {
    /// Merges the valid notes into `store`.
    pub fn merge_into(&self, store: &mut NoteStore) -> MergeReport {
        merge(store, &self.notes)
    }

    /// Documents the notes refer to that `docs` lacks (notes of texts this reader does
    /// not ship; they are kept all the same).
    pub fn unknown_docs(&self, docs: &[Document]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for n in &self.notes {
            if !docs.iter().any(|d| d.meta.id == n.doc) && !out.contains(&n.doc) {
                out.push(n.doc.clone());
            }
        }
        out
    }
}

/// Reads an exported (or saved) notes file of any known version. See the module doc.
pub fn import_json(raw: &str, limit: usize) -> Result<ImportResult, ImportError> {
    if raw.len() > limit {
        return Err(ImportError::TooLarge {
            size: raw.len(),
            limit,
        });
    }
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let value: Value =
        serde_json::from_str(raw).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let version = super::storage::version_of(&value).map_err(decode_to_import)?;
    let value = migrate(value).map_err(decode_to_import)?;
    let entries = value["notes"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (parsed, problems) = parse_entries(entries);
    let mut notes: Vec<Note> = Vec::with_capacity(parsed.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut duplicates = 0;
    for note in parsed {
        match index.get(&note.id) {
            Some(&i) => {
                duplicates += 1;
                if cmp_versions(&note, &notes[i]) == Ordering::Greater {
                    notes[i] = note;
                }
            }
            None => {
                index.insert(note.id.clone(), notes.len());
                notes.push(note);
            }
        }
    }
    Ok(ImportResult {
        notes,
        problems,
        duplicates,
        version,
    })
}

fn decode_to_import(e: DecodeError) -> ImportError {
    match e {
        DecodeError::FutureVersion(n) => ImportError::FutureVersion(n),
        DecodeError::Corrupt(reason) => ImportError::NotNotes(reason),
    }
}

/// The notes as Markdown, for reading and citing: per document (in library order), each
/// live note with its quote as a blockquote, its text, its tags and its source. The
/// source is the formatted reference of [`crate::core::citation`] (GB/T 7714 in Chinese,
/// Chicago in English: authors, title, venue, year, paragraph) with the link that reopens
/// the paragraph, `<base_url>#/doc/<doc>/p/<para>`; whole-document notes and passages no
/// longer found get a short source and a link to the document. `base_url` is the page's
/// address without the hash (anything from a `#` on is ignored).
pub fn export_markdown(
    store: &NoteStore,
    bundle: &Bundle,
    doc: Option<&str>,
    lang: Lang,
    base_url: &str,
) -> String {
    let en = lang == Lang::En;
    let filter = Filter {
        doc: doc.map(str::to_string),
        ..Filter::default()
    };
    let notes = store.list(&filter, Sort::Position, &bundle.docs);
    let mut out = String::new();
    out.push_str(if en {
        "# Silk Road Reader · Notes\n\n"
    } else {
        "# 丝路读本 · 笔记\n\n"
    });
    out.push_str(&if en {
        format!(
            "{} note{}.\n",
            notes.len(),
            if notes.len() == 1 { "" } else { "s" }
        )
    } else {
        format!("共 {} 条笔记。\n", notes.len())
    });
    let base = base_url.split('#').next().unwrap_or("");
    let mut i = 0;
    while i < notes.len() {
        let doc_id = notes[i].doc.as_str();
        let group: Vec<&Note> = notes[i..]
            .iter()
            .take_while(|n| n.doc == doc_id)
            .copied()
            .collect();
        i += group.len();
        let document = bundle.doc(doc_id);
        let resolver = document.map(Resolver::new);
        out.push_str(&format!(
            "\n## {}\n",
            document.map_or_else(|| md(doc_id), |d| title(d, en))
        ));
        for (k, note) in group.iter().enumerate() {
            let at = Where {
                doc: document,
                resolver: resolver.as_ref(),
                bundle,
                lang,
                base,
            };
            write_note(&mut out, note, k + 1, &at);
        }
    }
    out
}

/// What a note is written against.
struct Where<'a> {
    doc: Option<&'a Document>,
    resolver: Option<&'a Resolver<'a>>,
    bundle: &'a Bundle,
    lang: Lang,
    base: &'a str,
}

fn write_note(out: &mut String, note: &Note, number: usize, at: &Where) {
    let en = at.lang == Lang::En;
    // The block the note is on now, if it still has one.
    let mut para = None;
    let quote = match &note.target {
        Target::Passage(a) => {
            para = at
                .resolver
                .and_then(|r| r.resolve(a).para().map(str::to_string));
            Some(a.quote.clone())
        }
        Target::Paragraph { para: p } => {
            let text = at.doc.and_then(|d| d.block(p)).map(|b| b.text.as_str());
            para = text.map(|_| p.clone());
            text.map(|t| excerpt(t, 120))
        }
        Target::Document => None,
    };
    let lost = para.is_none() && !matches!(note.target, Target::Document);
    let place = match (&para, at.doc) {
        (Some(p), Some(d)) => match (paragraph_number(d, p), en) {
            (Some(n), true) => format!("para. {n}"),
            (Some(n), false) => format!("第{n}段"),
            (None, true) => format!("block {p}"),
            (None, false) => format!("{p} 处"),
        },
        _ if matches!(note.target, Target::Document) => {
            (if en { "whole text" } else { "全文" }).into()
        }
        _ => (if en { "not found" } else { "未找到" }).into(),
    };
    let colour = note.colour.label(at.lang);
    out.push_str(&format!("\n### {number} · {colour} · {}\n\n", md(&place)));
    if let Some(q) = quote.filter(|q| !q.is_empty()) {
        for line in q.lines() {
            out.push_str(&if line.trim().is_empty() {
                ">\n".into()
            } else {
                format!("> {}\n", md(line))
            });
        }
        out.push('\n');
    }
    if lost {
        out.push_str(if en {
            "*(This passage is no longer found in the current text.)*\n\n"
        } else {
            "*（当前文本中已找不到这段文字。）*\n\n"
        });
    }
    if !note.text.trim().is_empty() {
        out.push_str(&md_paragraphs(&note.text));
        out.push_str("\n\n");
    }
    if !note.tags.is_empty() {
        let tags: Vec<String> = note.tags.iter().map(|t| md(t)).collect();
        out.push_str(&if en {
            format!("Tags: {}\n\n", tags.join(", "))
        } else {
            format!("标签：{}\n\n", tags.join("、"))
        });
    }
    let label = if en { "Source: " } else { "出处：" };
    let request = para.as_deref().map(|p| CiteRequest {
        doc: &note.doc,
        para: p,
        quote: "",
        base_url: at.base,
        lang: at.lang,
    });
    match request.and_then(|r| cite(at.bundle, &r).ok()) {
        Some(c) => {
            let reference = if en { &c.chicago } else { &c.gbt7714 };
            // The link becomes an autolink; the rest is escaped text.
            let pieces: Vec<String> = reference.split(c.para_link.as_str()).map(md).collect();
            out.push_str(&format!(
                "{label}{}\n",
                pieces.join(&format!("<{}>", autolink(&c.para_link)))
            ));
        }
        None => {
            let link = deep_link(at.base, &note.doc, None);
            let source = at
                .doc
                .map_or_else(|| md(&note.doc), |d| short_source(d, en));
            out.push_str(&format!("{label}{source} <{link}>\n"));
        }
    }
}

fn title(d: &Document, en: bool) -> String {
    match (en, d.meta.title_en.is_empty()) {
        (true, false) => format!("{} ({})", md(&d.meta.title), md(&d.meta.title_en)),
        (true, true) => md(&d.meta.title),
        (false, _) => format!("《{}》", md(&d.meta.title)),
    }
}

/// Authors, title, venue and year, for notes that have no paragraph to cite (the same
/// conventions as the source line of [`crate::core::citation`]: at most three authors,
/// unknown venues and dates said to be unknown, supplied titles marked).
fn short_source(d: &Document, en: bool) -> String {
    let m = &d.meta;
    let names: Vec<&str> = m
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    let authors = match (names.as_slice(), en) {
        ([], true) => "author unknown".to_string(),
        ([], false) => "佚名".to_string(),
        ([a], _) => a.to_string(),
        ([a, b], true) => format!("{a} and {b}"),
        ([a, b, c], true) => format!("{a}, {b}, and {c}"),
        ([a, ..], true) => format!("{a} et al."),
        (few, false) if few.len() <= 3 => few.join("、"),
        ([a, ..], false) => format!("{a}等"),
    };
    let supplied = match (m.title_editorial, en) {
        (false, _) => "",
        (true, true) => " [title supplied by editors]",
        (true, false) => "[编者拟题]",
    };
    let venue = match (en, m.venue_en.is_empty(), m.venue.is_empty()) {
        (true, false, _) => m.venue_en.clone(),
        (_, _, false) => m.venue.clone(),
        (true, _, true) => "venue unknown".into(),
        (false, _, true) => "刊载出处不详".into(),
    };
    let year = match (d.year(), en) {
        (Some(y), true) => format!("{}{y}", if m.date_approx { "c. " } else { "" }),
        (Some(y), false) => format!("{}{y}年", if m.date_approx { "约" } else { "" }),
        (None, true) => "date unknown".into(),
        (None, false) => "日期不详".into(),
    };
    let (authors, supplied, venue) = (md(&authors), md(supplied), md(&venue));
    if en {
        format!("{authors}, {}{supplied}, {venue}, {year}.", title(d, true))
    } else {
        format!(
            "{authors}：{}{supplied}，{venue}，{year}。",
            title(d, false)
        )
    }
}

/// The address that reopens a note's place (the reader's public hash route); `base` is
/// cleaned of a hash and of characters that would end a Markdown autolink.
pub fn deep_link(base: &str, doc: &str, para: Option<&str>) -> String {
    let route = Route::Doc {
        doc: doc.into(),
        para: para.map(str::to_string),
        quote: None,
    };
    format!(
        "{}{}",
        autolink(base.split('#').next().unwrap_or("")),
        route.to_hash()
    )
}

/// Encodes what cannot stand inside `<…>` in Markdown.
fn autolink(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn excerpt(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

/// Escapes one line of text for Markdown: every character that could start markup or
/// HTML is backslash-escaped, as is a line start that would make a list or heading.
pub fn md(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    let lead = out.len() - out.trim_start().len();
    let rest = &out[lead..];
    if rest.starts_with(['-', '+', '=']) {
        out.insert(lead, '\\');
    } else {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            out.insert(lead + digits, '\\');
        }
    }
    out
}

/// Escapes multi-line text, keeping its line breaks (hard breaks) and blank lines.
fn md_paragraphs(text: &str) -> String {
    let lines: Vec<&str> = text.trim().lines().map(str::trim_end).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&md(line));
        if let Some(next) = lines.get(i + 1) {
            out.push_str(if line.is_empty() || next.is_empty() {
                "\n"
            } else {
                "\\\n"
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::Anchor;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            md("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            md("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("  12. item"), "  12\\. item");
        assert_eq!(md("# 标题 *强调*"), "\\# 标题 \\*强调\\*");
        assert_eq!(md("一带一路 2023"), "一带一路 2023");
        assert_eq!(md_paragraphs("a\nb\n\nc"), "a\\\nb\n\nc");
    }

    #[test]
    fn deep_links_drop_the_old_hash_and_encode_breakers() {
        assert_eq!(
            deep_link("https://x.org/r/index.html#/lib", "doc-a", Some("p3")),
            "https://x.org/r/index.html#/doc/doc-a/p/p3"
        );
        assert_eq!(
            deep_link("file:///My Docs/r.html", "d", None),
            "file:///My%20Docs/r.html#/doc/d"
        );
    }

    #[test]
    fn import_refuses_whole_files_clearly() {
        let e = import_json(&" ".repeat(11), 10).unwrap_err();
        assert_eq!(
            e,
            ImportError::TooLarge {
                size: 11,
                limit: 10
            }
        );
        let e = import_json("x".repeat(6 * 1024 * 1024).as_str(), MAX_IMPORT_BYTES).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the file is 6.0 MB, larger than the 5.0 MB"),
            "{e}"
        );
        assert!(matches!(
            import_json("{\"a\":", 100),
            Err(ImportError::NotJson(_))
        ));
        let e = import_json(r#"{"format":"x"}"#, 100).unwrap_err();
        assert!(
            e.to_string().contains("not a Silk Road Reader notes file"),
            "{e}"
        );
        let e = import_json(
            r#"{"format":"silk-road-reader-notes","version":2,"notes":[]}"#,
            100,
        )
        .unwrap_err();
        assert_eq!(e, ImportError::FutureVersion(2));
    }

    #[test]
    fn import_keeps_good_entries_and_reports_bad_ones() {
        let raw = "\u{feff}".to_string()
            + r#"{"format":"silk-road-reader-notes","version":1,"notes":[
            {"id":"n-1","doc":"d","target":{"kind":"document"},"created":1,"text":"first"},
            {"id":"n-2","doc":"d","target":{"kind":"document"},"created":1,"colour":"teal"},
            {"id":"n-1","doc":"d","target":{"kind":"document"},"created":1,"updated":5,"text":"second"},
            "junk"]}"#;
        let r = import_json(&raw, MAX_IMPORT_BYTES).unwrap();
        assert_eq!(r.notes.len(), 1);
        assert_eq!(
            r.notes[0].text, "second",
            "the newer of two entries with one id"
        );
        assert_eq!(r.duplicates, 1);
        let problems: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "entry 2 (id n-2): field `colour`: unknown colour \"teal\"; expected one of yellow, green, blue, pink, purple",
                "entry 4: expected an object, found a string"
            ]
        );
        let mut store = NoteStore::new();
        assert_eq!(r.merge_into(&mut store).added, 1);
        assert_eq!(
            r.merge_into(&mut store).unchanged,
            1,
            "importing twice adds nothing"
        );
        assert_eq!(r.unknown_docs(&[]), ["d"]);
    }

    #[test]
    fn export_json_leaves_out_deleted_notes_and_other_docs() {
        let mut s = NoteStore::new();
        s.add(Note::new("a", "doc-a", Target::Document, 1)).unwrap();
        s.add(Note::new("b", "doc-b", Target::Document, 1)).unwrap();
        s.add(Note::new("c", "doc-a", Target::Document, 1)).unwrap();
        s.delete("c", 2).unwrap();
        let r = import_json(&export_json(&s, Some("doc-a")), MAX_IMPORT_BYTES).unwrap();
        assert_eq!(
            r.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["a"]
        );
        assert_eq!(
            import_json(&export_json(&s, None), MAX_IMPORT_BYTES)
                .unwrap()
                .notes
                .len(),
            2
        );
    }

    #[test]
    fn markdown_without_the_document_still_cites_and_links() {
        let mut s = NoteStore::new();
        let a = Anchor {
            para: "p1".into(),
            quote: "一带一路".into(),
            ..Anchor::default()
        };
        let mut n = Note::new("a", "doc-x", Target::Passage(a), 1);
        n.text = "<b>bold</b>".into();
        s.add(n).unwrap();
        let bundle = Bundle {
            docs: vec![],
            terms: vec![],
        };
        let md = export_markdown(&s, &bundle, None, Lang::En, "https://r.example/");
        assert!(md.contains("\n## doc-x\n"), "{md}");
        assert!(md.contains("> 一带一路\n"), "{md}");
        assert!(md.contains("\\<b\\>bold\\</b\\>"), "{md}");
        assert!(md.contains("no longer found"), "{md}");
        assert!(md.contains("<https://r.example/#/doc/doc-x>"), "{md}");
    }
}
