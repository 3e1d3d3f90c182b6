//! The corpus model and the parser for `texts/*.md` (format: `texts/FORMAT.md`).
//!
//! Why a parser of our own: the files are meant to be edited by people, so every rule
//! is checked and every error names the file, the line and the reason. The build script
//! runs this parser over every file (a bad file fails the build) and hands the app the
//! parsed documents as JSON, so the wasm never carries a TOML or Markdown parser.
//! This module depends on serde only, because `build.rs` includes it by path.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

/// Descriptive fields of a document, from the TOML header between `+++` lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocMeta {
    pub id: String,
    pub seed: String,
    pub title: String,
    #[serde(default)]
    pub title_editorial: bool,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub authors_editorial: bool,
    #[serde(default)]
    pub affiliation: Vec<String>,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub venue_en: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub date_approx: bool,
    #[serde(default)]
    pub doi: String,
    pub kind: String,
    pub attribution: String,
    #[serde(default)]
    pub editorial_note: String,
}

/// A correction of an extraction error: `text[start..end]` (bytes) replaced `original`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub start: usize,
    pub end: usize,
    pub original: String,
}

/// Whether a block is a heading or a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    Heading(u8),
    #[default]
    Paragraph,
}

/// One heading or paragraph, with its corrected text and the corrections inside it.
/// Fields at their default are left out of its JSON (the app fetches these).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub id: String,
    #[serde(default, skip_serializing_if = "BlockKind::is_paragraph")]
    pub kind: BlockKind,
    /// The text as the reader shows it (corrections applied).
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// `en` for English blocks; empty means the document language (Chinese).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
    /// Publishing boilerplate, shown in the collapsed "publication details" box.
    #[serde(default, skip_serializing_if = "is_false")]
    pub details: bool,
    /// The source stops mid-sentence after this paragraph.
    #[serde(default, skip_serializing_if = "is_false")]
    pub excerpt_ends: bool,
    /// The line in the source file, for messages (0 where the text was shipped without it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub line: usize,
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl BlockKind {
    fn is_paragraph(&self) -> bool {
        *self == BlockKind::Paragraph
    }
}

impl Block {
    /// The text as the extraction had it (every correction reverted).
    pub fn original_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for c in &self.corrections {
            out.push_str(&self.text[at..c.start]);
            out.push_str(&c.original);
            at = c.end;
        }
        out.push_str(&self.text[at..]);
        out
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// A document's blocks. The app ships documents without them (metadata and [`DocStats`]
/// are enough for lists and counts) and sets them once, when the text has been fetched;
/// until then the list reads as empty and [`Blocks::is_loaded`] is false. Host builds and
/// the build script always have them.
#[derive(Debug, Clone, Default)]
pub struct Blocks(OnceLock<Vec<Block>>);

impl Blocks {
    pub fn new(blocks: Vec<Block>) -> Blocks {
        Blocks(OnceLock::from(blocks))
    }

    pub fn is_loaded(&self) -> bool {
        self.0.get().is_some()
    }

    /// Sets the blocks if they were not set yet; false if they already were.
    pub fn set(&self, blocks: Vec<Block>) -> bool {
        self.0.set(blocks).is_ok()
    }
}

impl std::ops::Deref for Blocks {
    type Target = [Block];
    fn deref(&self) -> &[Block] {
        self.0.get().map_or(&[], Vec::as_slice)
    }
}

impl<'a> IntoIterator for &'a Blocks {
    type Item = &'a Block;
    type IntoIter = std::slice::Iter<'a, Block>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Blocks {
    fn eq(&self, other: &Blocks) -> bool {
        **self == **other && self.is_loaded() == other.is_loaded()
    }
}

impl Serialize for Blocks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Blocks {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Blocks, D::Error> {
        Vec::<Block>::deserialize(d).map(Blocks::new)
    }
}

/// Figures of a document's text, computed by the build script, so that the library and
/// the counts need no text: its length, its blocks and how often each glossary entry
/// occurs in it (by entry id; entries that do not occur are left out).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocStats {
    pub chars: usize,
    pub blocks: usize,
    pub terms: BTreeMap<String, usize>,
}

/// A whole article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: DocMeta,
    #[serde(default)]
    pub stats: DocStats,
    #[serde(default, skip_serializing_if = "Blocks::is_unloaded")]
    pub blocks: Blocks,
}

impl Blocks {
    fn is_unloaded(&self) -> bool {
        !self.is_loaded()
    }
}

impl Document {
    /// A document with its text (its [`DocStats`] empty until the build script fills them).
    pub fn new(meta: DocMeta, blocks: Vec<Block>) -> Document {
        Document {
            meta,
            stats: DocStats::default(),
            blocks: Blocks::new(blocks),
        }
    }

    /// Paragraphs in reading order (headings excluded).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !b.is_heading())
    }

    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }

    /// Number of characters of text, headings included, publication details excluded.
    /// Before the text has been fetched, the figure the build script computed.
    pub fn char_count(&self) -> usize {
        if !self.blocks.is_loaded() {
            return self.stats.chars;
        }
        self.blocks
            .iter()
            .filter(|b| !b.details)
            .map(|b| b.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }

    /// Year as a number, when the date has one.
    pub fn year(&self) -> Option<u16> {
        self.meta.date.get(..4).and_then(|y| y.parse().ok())
    }
}

/// A problem in a corpus file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for ParseError {}

/// Parses the TOML header; given as a function so that this module needs no TOML crate.
pub type HeaderParser<'a> = &'a dyn Fn(&str) -> Result<DocMeta, String>;

/// Parses one corpus file. `file` is its path, for messages; the header is handed to
/// `parse_header` (the build script and the tests pass a TOML deserialiser).
pub fn parse_document(
    file: &str,
    source: &str,
    parse_header: HeaderParser,
) -> Result<Document, ParseError> {
    let err = |line: usize, reason: String| ParseError {
        file: file.to_string(),
        line,
        reason,
    };
    let lines: Vec<&str> = source.lines().collect();
    if lines.first().map(|l| l.trim_end()) != Some("+++") {
        return Err(err(
            1,
            "the file must open with a `+++` line (TOML header)".into(),
        ));
    }
    let header_end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "+++")
        .map(|p| p + 1)
        .ok_or_else(|| err(1, "the header has no closing `+++` line".into()))?;
    let header = lines[1..header_end].join("\n");
    let meta = parse_header(&header).map_err(|e| err(2, format!("header: {e}")))?;
    check_meta(&meta).map_err(|e| err(2, e))?;
    let stem = file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file)
        .trim_end_matches(".md");
    if stem != meta.id {
        return Err(err(
            2,
            format!("id \"{}\" must equal the file name \"{stem}\"", meta.id),
        ));
    }

    let mut blocks: Vec<Block> = Vec::new();
    let mut details_level: Option<u8> = None;
    for (index, raw) in lines.iter().enumerate().skip(header_end + 1) {
        let line_no = index + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() || line.starts_with('%') {
            continue;
        }
        let (level, rest) = if let Some(r) = line.strip_prefix("### ") {
            (Some(3u8), r)
        } else if let Some(r) = line.strip_prefix("## ") {
            (Some(2u8), r)
        } else if line.starts_with('#') {
            return Err(err(
                line_no,
                "headings are `## ` or `### ` followed by text".into(),
            ));
        } else {
            (None, line)
        };
        let mut block = match level {
            Some(level) => parse_heading(rest, level).map_err(|e| err(line_no, e))?,
            None => parse_paragraph(rest).map_err(|e| err(line_no, e))?,
        };
        block.line = line_no;
        if let BlockKind::Heading(level) = block.kind {
            if details_level.is_some_and(|d| level <= d) {
                details_level = None;
            }
            if block.details {
                details_level = Some(level);
            }
        }
        block.details = block.details || details_level.is_some();
        if let Some(prev) = blocks.iter().find(|b| b.id == block.id) {
            return Err(err(
                line_no,
                format!("id \"{}\" is already used on line {}", block.id, prev.line),
            ));
        }
        blocks.push(block);
    }
    if !blocks.iter().any(|b| !b.is_heading()) {
        return Err(err(lines.len(), "the document has no paragraph".into()));
    }
    Ok(Document::new(meta, blocks))
}

fn check_meta(meta: &DocMeta) -> Result<(), String> {
    if !is_id(&meta.id) {
        return Err(format!("id \"{}\" must use a-z, 0-9 and '-' only", meta.id));
    }
    if meta.title.trim().is_empty() {
        return Err("title is empty".into());
    }
    if meta.seed.len() != 3 || !meta.seed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("seed \"{}\" must be three digits", meta.seed));
    }
    let kinds = [
        "journal-article",
        "newspaper-article",
        "book-excerpt",
        "magazine-article",
    ];
    if !kinds.contains(&meta.kind.as_str()) {
        return Err(format!(
            "kind \"{}\" must be one of {}",
            meta.kind,
            kinds.join(", ")
        ));
    }
    if !meta.date.is_empty() && !is_date(&meta.date) {
        return Err(format!(
            "date \"{}\" must be YYYY, YYYY-MM or YYYY-MM-DD",
            meta.date
        ));
    }
    if meta.attribution.trim().is_empty() {
        return Err("attribution is empty: every text carries its attribution".into());
    }
    Ok(())
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let widths = [4, 2, 2];
    !parts.is_empty()
        && parts.len() <= 3
        && parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Ids: non-empty, lowercase ASCII letters, digits and '-'.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits `{#id attr …}` off the end of a heading.
fn parse_heading(rest: &str, level: u8) -> Result<Block, String> {
    let open = rest
        .rfind("{#")
        .ok_or("a heading needs an id at its end, like `## 一、前言 {#s1}`")?;
    let attrs = rest[open..]
        .strip_prefix("{#")
        .and_then(|a| a.strip_suffix('}'))
        .ok_or("the heading's `{#id}` must close with `}` at the end of the line")?;
    let mut block = block_from_attrs(attrs, BlockKind::Heading(level))?;
    let (text, corrections) = parse_inline(rest[..open].trim_end())?;
    if text.trim().is_empty() {
        return Err("the heading has no text".into());
    }
    block.text = text;
    block.corrections = corrections;
    Ok(block)
}

/// Splits the leading `{#id attr …} ` off a paragraph.
fn parse_paragraph(line: &str) -> Result<Block, String> {
    let body = line
        .strip_prefix("{#")
        .ok_or("a paragraph must start with its id, like `{#p12} text`")?;
    let close = body
        .find('}')
        .ok_or("the paragraph's `{#id` is not closed by `}`")?;
    let mut block = block_from_attrs(&body[..close], BlockKind::Paragraph)?;
    let rest = body[close + 1..]
        .strip_prefix(' ')
        .ok_or("one space must follow the paragraph's `{#id}`")?;
    let (text, corrections) = parse_inline(rest.trim_end())?;
    if text.trim().is_empty() {
        return Err("the paragraph has no text".into());
    }
    block.text = text;
    block.corrections = corrections;
    Ok(block)
}

fn block_from_attrs(attrs: &str, kind: BlockKind) -> Result<Block, String> {
    let mut words = attrs.split_whitespace();
    let id = words.next().ok_or("empty `{#}`: an id is required")?;
    if !is_id(id) {
        return Err(format!("id \"{id}\" must use a-z, 0-9 and '-' only"));
    }
    let mut block = Block {
        id: id.to_string(),
        kind,
        ..Block::default()
    };
    for word in words {
        match word {
            "details" if block.is_heading() => block.details = true,
            "excerpt-ends" if !block.is_heading() => block.excerpt_ends = true,
            "lang=en" => block.lang = "en".into(),
            other => return Err(format!("unknown attribute \"{other}\" after id \"{id}\"")),
        }
    }
    Ok(block)
}

/// Resolves `{{corrected|original}}` markers into text plus correction ranges.
pub fn parse_inline(src: &str) -> Result<(String, Vec<Correction>), String> {
    let mut text = String::with_capacity(src.len());
    let mut corrections = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find("{{") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or("`{{` without a closing `}}` (corrections are `{{corrected|original}}`)")?;
        let inner = &after[..close];
        let (corrected, original) = inner
            .split_once('|')
            .ok_or("a correction needs `|` between the corrected and the original text")?;
        if original.contains('|') || inner.contains("{{") {
            return Err("a correction holds exactly one `|` and no nested `{{`".into());
        }
        if corrected == original {
            return Err(format!("correction `{{{{{inner}}}}}` changes nothing"));
        }
        let start = text.len();
        text.push_str(corrected);
        corrections.push(Correction {
            start,
            end: text.len(),
            original: original.to_string(),
        });
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err("`}}` without an opening `{{`".into());
    }
    text.push_str(rest);
    Ok((text, corrections))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(src: &str) -> Result<DocMeta, String> {
        // A tiny stand-in for TOML in unit tests: `key = "value"` lines only.
        let get = |k: &str| {
            src.lines()
                .find_map(|l| l.strip_prefix(&format!("{k} = \"")))
                .map(|v| v.trim_end_matches('"').to_string())
                .unwrap_or_default()
        };
        Ok(DocMeta {
            id: get("id"),
            seed: get("seed"),
            title: get("title"),
            date: get("date"),
            kind: get("kind"),
            attribution: get("attribution"),
            ..DocMeta::default()
        })
    }

    const HEAD: &str = "+++\nid = \"a-doc\"\nseed = \"001\"\ntitle = \"标题\"\nkind = \"journal-article\"\nattribution = \"By us.\"\ndate = \"2019\"\n+++\n";

    fn parse(body: &str) -> Result<Document, ParseError> {
        parse_document("texts/a-doc.md", &format!("{HEAD}{body}"), &header)
    }

    #[test]
    fn parses_headings_paragraphs_and_corrections() {
        let doc = parse("\n## 一、前言 {#s1}\n\n{#p1} {{相比|相七}}之下，建设{{—|一}}培训。\n\n{#p2 lang=en} Abstract text.\n").unwrap();
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(doc.blocks[0].text, "一、前言");
        let p1 = &doc.blocks[1];
        assert_eq!(p1.text, "相比之下，建设—培训。");
        assert_eq!(p1.original_text(), "相七之下，建设一培训。");
        assert_eq!(p1.corrections.len(), 2);
        assert_eq!(
            &p1.text[p1.corrections[0].start..p1.corrections[0].end],
            "相比"
        );
        assert_eq!(doc.blocks[2].lang, "en");
        assert_eq!(doc.year(), Some(2019));
    }

    #[test]
    fn details_sections_run_to_the_next_heading_of_same_level() {
        let doc = parse("## 出版信息 {#pub details}\n{#p1} CIP\n### 小节 {#pub-1}\n{#p2} 定价\n## 正文 {#s1}\n{#p3} 文本\n").unwrap();
        let flags: Vec<bool> = doc.blocks.iter().map(|b| b.details).collect();
        assert_eq!(flags, vec![true, true, true, true, false, false]);
    }

    #[test]
    fn errors_name_file_line_and_reason() {
        let e = parse("{#p1} 一\n\n{#p1} 二\n").unwrap_err();
        assert_eq!(e.file, "texts/a-doc.md");
        assert_eq!(e.line, 11);
        assert!(e.reason.contains("already used on line 9"), "{e}");
        let e = parse("{#p1} 文本 {{错误\n").unwrap_err();
        assert!(
            e.to_string().starts_with("texts/a-doc.md:9: `{{` without"),
            "{e}"
        );
        let e = parse("没有编号的段落\n").unwrap_err();
        assert!(e.reason.contains("must start with its id"));
        let e = parse("{#P1} 文本\n").unwrap_err();
        assert!(e.reason.contains("a-z, 0-9"));
        let e = parse("## 无编号标题\n{#p1} 文本\n").unwrap_err();
        assert!(e.reason.contains("needs an id"));
        let e = parse("{#p1 bold} 文本\n").unwrap_err();
        assert!(e.reason.contains("unknown attribute"));
    }

    #[test]
    fn id_must_match_file_name_and_header_must_close() {
        let e =
            parse_document("texts/other.md", &format!("{HEAD}{{#p1}} 文\n"), &header).unwrap_err();
        assert!(e.reason.contains("must equal the file name"));
        let e = parse_document("texts/a-doc.md", "+++\nid = \"a\"\n", &header).unwrap_err();
        assert!(e.reason.contains("no closing"));
    }

    #[test]
    fn empty_corrections_are_allowed_on_either_side() {
        let (text, c) = parse_inline("甲{{|☆}}乙{{丙|}}").unwrap();
        assert_eq!(text, "甲乙丙");
        assert_eq!(c[0].start, c[0].end);
        assert_eq!(c[1].original, "");
    }
}
