//! Citations of a passage: a plain-text and a Markdown quotation with its source, and
//! formatted references in Chicago (note form) and GB/T 7714-2015 style, each with the
//! paragraph number and a deep link back into the reader.
//!
//! Why here and not in the UI: the rules (how many authors before 等 / et al., what to
//! write when the venue or the headline is unknown, how to mark a title the editors
//! supplied) are what readers rely on when they cite, and they are tested on the host
//! against the real metadata. Only what the metadata says is used; the volume, issue and
//! pages of a journal article and the place of a publisher are not header fields, so they
//! are read from the attribution sentence when it states them (`2019, 21(4): 7-13`,
//! `<publisher>, Beijing, …`).

mod percent;
mod styles;

pub use percent::{percent_decode, percent_encode, PercentError};

use super::bundle::Bundle;
use super::corpus::Document;
use super::i18n::Lang;
use super::text::{OffsetMap, TextRange};
use std::fmt;
use styles::{chicago, gbt7714, md_escape, md_url, nest_quotes, source_pieces, Source};

/// The link to a paragraph: `<base>#/doc/<doc>/p/<para>`, with `?q=<quote>` when a
/// non-empty quote is given (the reader marks that passage). Anything after a `#` in
/// `base` is dropped; an empty base gives a link relative to the page.
pub fn deep_link(base: &str, doc: &str, para: &str, quote: Option<&str>) -> String {
    let base = base.split('#').next().unwrap_or("");
    let mut link = format!(
        "{base}#/doc/{}/p/{}",
        percent_encode(doc),
        percent_encode(para)
    );
    if let Some(q) = quote.map(str::trim).filter(|q| !q.is_empty()) {
        link.push_str("?q=");
        link.push_str(&percent_encode(q));
    }
    link
}

/// Finds `quote` in `text`, ignoring whitespace on both sides (a quote copied from the
/// page may gain or lose line breaks); the first occurrence wins.
pub fn locate_quote(text: &str, quote: &str) -> Option<TextRange> {
    let q: Vec<char> = quote.chars().filter(|c| !c.is_whitespace()).collect();
    if q.is_empty() {
        return None;
    }
    let dense: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let start = dense
        .windows(q.len())
        .position(|w| w.iter().zip(&q).all(|((_, a), b)| a == b))?;
    let (first, _) = dense[start];
    let (last, c) = dense[start + q.len() - 1];
    Some(OffsetMap::new(text).range(first, last + c.len_utf8()))
}

/// The 1-based number of a paragraph among the document's paragraphs, headings and
/// publication details not counted (what the reader shows in the margin). `None` for a
/// heading, a details block or an unknown id.
pub fn paragraph_number(doc: &Document, block_id: &str) -> Option<usize> {
    doc.paragraphs()
        .filter(|b| !b.details)
        .position(|b| b.id == block_id)
        .map(|i| i + 1)
}

/// What to cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CiteRequest<'a> {
    pub doc: &'a str,
    /// The block id (a paragraph, or a heading).
    pub para: &'a str,
    /// The quoted passage; empty to cite the paragraph without a quotation.
    pub quote: &'a str,
    /// The reader's address without the hash, e.g. `https://example.org/silk-road/`.
    pub base_url: &'a str,
    /// Language of the labels in `plain` and `markdown` (Chicago is English and GB/T
    /// Chinese whatever the interface language).
    pub lang: Lang,
}

/// A passage cited in four forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The deep link with the quote (`…/p/<para>?q=…`), or without when there is none.
    pub link: String,
    /// The deep link to the paragraph alone (used in the formatted references).
    pub para_link: String,
    /// 1-based among the non-details paragraphs; `None` for a heading.
    pub paragraph: Option<usize>,
    pub plain: String,
    pub markdown: String,
    pub chicago: String,
    pub gbt7714: String,
}

/// Why a passage could not be cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitationError {
    UnknownDoc(String),
    UnknownParagraph {
        doc: String,
        para: String,
    },
    /// The quote is not in the paragraph (whitespace ignored), so a link could not mark it.
    QuoteNotFound {
        doc: String,
        para: String,
    },
}

impl fmt::Display for CitationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CitationError::UnknownDoc(d) => write!(f, "no document has the id \"{d}\""),
            CitationError::UnknownParagraph { doc, para } => {
                write!(f, "document \"{doc}\" has no paragraph \"{para}\"")
            }
            CitationError::QuoteNotFound { doc, para } => {
                write!(
                    f,
                    "the quoted passage is not in paragraph \"{para}\" of \"{doc}\""
                )
            }
        }
    }
}

impl std::error::Error for CitationError {}

/// Cites a passage (or a whole paragraph when the quote is empty).
pub fn cite(bundle: &Bundle, req: &CiteRequest) -> Result<Citation, CitationError> {
    let doc = bundle
        .doc(req.doc)
        .ok_or_else(|| CitationError::UnknownDoc(req.doc.to_string()))?;
    let block = doc
        .block(req.para)
        .ok_or_else(|| CitationError::UnknownParagraph {
            doc: req.doc.to_string(),
            para: req.para.to_string(),
        })?;
    let quote = req.quote.trim();
    if !quote.is_empty() && locate_quote(&block.text, quote).is_none() {
        return Err(CitationError::QuoteNotFound {
            doc: req.doc.to_string(),
            para: req.para.to_string(),
        });
    }
    let paragraph = paragraph_number(doc, &block.id);
    let link = deep_link(req.base_url, &doc.meta.id, &block.id, Some(quote));
    let para_link = deep_link(req.base_url, &doc.meta.id, &block.id, None);
    let src = Source::new(&doc.meta);

    let zh = req.lang == Lang::Zh;
    let (join, dash, stop) = if zh {
        ("，", "——", "。")
    } else {
        (", ", " — ", ".")
    };
    let para_label = paragraph.map(|n| {
        if zh {
            format!("第{n}段")
        } else {
            format!("para. {n}")
        }
    });
    let pieces = source_pieces(&src, req.lang);

    let mut plain_pieces = pieces.clone();
    plain_pieces.extend(para_label.clone());
    let space = if zh { "" } else { " " };
    let source = format!("{}{stop}{space}{link}", plain_pieces.join(join));
    let plain = if quote.is_empty() {
        source
    } else {
        format!("“{}”{dash}{source}", nest_quotes(quote))
    };

    let link_label = para_label.unwrap_or_else(|| if zh { "链接" } else { "link" }.to_string());
    let md_pieces: Vec<String> = pieces.iter().map(|p| md_escape(p)).collect();
    let md_source = format!(
        "{}{join}[{}]({}){stop}",
        md_pieces.join(join),
        md_escape(&link_label),
        md_url(&link)
    );
    let markdown = if quote.is_empty() {
        md_source
    } else {
        let quoted: Vec<String> = quote
            .lines()
            .map(|l| format!("> {}", md_escape(l.trim())))
            .collect();
        format!("{}\n\n{}{md_source}", quoted.join("\n"), dash.trim_start())
    };
    Ok(Citation {
        chicago: chicago(&src, paragraph, &para_link),
        gbt7714: gbt7714(&src, paragraph, &para_link),
        link,
        para_link,
        paragraph,
        plain,
        markdown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::{Block, DocMeta};
    use crate::core::fixtures::{self, block};

    pub(super) fn meta(kind: &str) -> DocMeta {
        DocMeta {
            title: "“一带一路”研究".into(),
            kind: kind.into(),
            ..fixtures::meta("d")
        }
    }

    fn bundle(meta: DocMeta) -> Bundle {
        Bundle {
            docs: vec![Document::new(
                meta,
                vec![
                    Block {
                        details: true,
                        ..block("cip", "定价")
                    },
                    block("s1", "一、前言"),
                    block("p1", "第一段。"),
                    block("p2", "加强 政策沟通, 推进(合作)。"),
                ],
            )],
            terms: vec![],
        }
    }

    fn req<'a>(para: &'a str, quote: &'a str, lang: Lang) -> CiteRequest<'a> {
        CiteRequest {
            doc: "d",
            para,
            quote,
            base_url: "https://x.org/r/",
            lang,
        }
    }

    #[test]
    fn deep_links() {
        assert_eq!(
            deep_link("https://x.org/r/", "d", "p2", None),
            "https://x.org/r/#/doc/d/p/p2"
        );
        assert_eq!(
            deep_link("https://x.org/r/#/library", "d", "p2", Some(" ")),
            "https://x.org/r/#/doc/d/p/p2"
        );
        assert_eq!(
            deep_link("", "d", "p2", Some("合作")),
            "#/doc/d/p/p2?q=%E5%90%88%E4%BD%9C"
        );
    }

    #[test]
    fn quotes_are_located_ignoring_whitespace() {
        let text = "加强 政策沟通, 推进(合作)。";
        let r = locate_quote(text, "强政策\n沟通").unwrap();
        assert_eq!(r.slice(text), "强 政策沟通");
        assert_eq!(r.start.char, 1);
        assert!(locate_quote(text, "合作！").is_none());
        assert!(locate_quote(text, "  ").is_none());
    }

    #[test]
    fn paragraph_numbers_skip_headings_and_details() {
        let b = bundle(meta("journal-article"));
        let doc = &b.docs[0];
        assert_eq!(paragraph_number(doc, "p1"), Some(1));
        assert_eq!(paragraph_number(doc, "p2"), Some(2));
        assert_eq!(paragraph_number(doc, "s1"), None);
        assert_eq!(paragraph_number(doc, "cip"), None);
    }

    #[test]
    fn newspaper_with_unknown_author_venue_and_editorial_title() {
        let mut m = meta("newspaper-article");
        m.title_editorial = true;
        m.date_approx = true;
        let b = bundle(m);
        let c = cite(&b, &req("p2", "政策 沟通", Lang::Zh)).unwrap();
        assert_eq!(c.gbt7714, "佚名. “一带一路”研究[编者拟题][N]. [报纸名不详], [2019]. 第2段. https://x.org/r/#/doc/d/p/p2");
        assert_eq!(
            c.plain,
            "“政策 沟通”——《“一带一路”研究》[编者拟题]，刊载出处不详，约2019年，第2段。https://x.org/r/#/doc/d/p/p2?q=%E6%94%BF%E7%AD%96%20%E6%B2%9F%E9%80%9A"
        );
        assert_eq!(
            c.chicago,
            "“‘一带一路’研究” [title supplied by editors], [venue unknown], ca. 2019, para. 2, Silk Road Reader, https://x.org/r/#/doc/d/p/p2."
        );
        let en = cite(&b, &req("p2", "", Lang::En)).unwrap();
        assert_eq!(
            en.plain,
            "“‘一带一路’研究” [title supplied by editors], venue unknown, c. 2019, para. 2. https://x.org/r/#/doc/d/p/p2"
        );
    }

    #[test]
    fn markdown_escapes_and_links() {
        let b = bundle(meta("journal-article"));
        let c = cite(&b, &req("p2", "推进(合作)", Lang::En)).unwrap();
        assert_eq!(
            c.markdown,
            "> 推进(合作)\n\n— “‘一带一路’研究”, venue unknown, 2019, [para. 2](https://x.org/r/#/doc/d/p/p2?q=%E6%8E%A8%E8%BF%9B%28%E5%90%88%E4%BD%9C%29)."
        );
    }

    #[test]
    fn errors_name_what_is_missing() {
        let b = bundle(meta("journal-article"));
        let e = cite(
            &b,
            &CiteRequest {
                doc: "x",
                ..req("p1", "", Lang::En)
            },
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "no document has the id \"x\"");
        let e = cite(&b, &req("p9", "", Lang::En)).unwrap_err();
        assert_eq!(e.to_string(), "document \"d\" has no paragraph \"p9\"");
        let e = cite(&b, &req("p1", "不在这里", Lang::En)).unwrap_err();
        assert!(matches!(e, CitationError::QuoteNotFound { .. }), "{e}");
        let heading = cite(&b, &req("s1", "", Lang::Zh)).unwrap();
        assert_eq!(heading.paragraph, None);
        assert_eq!(
            heading.plain,
            "《“一带一路”研究》，刊载出处不详，2019年。https://x.org/r/#/doc/d/p/s1"
        );
        assert!(
            heading
                .markdown
                .ends_with("2019年，[链接](https://x.org/r/#/doc/d/p/s1)。"),
            "{}",
            heading.markdown
        );
    }
}
