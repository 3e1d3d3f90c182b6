//! Renders a whole document's text (headings, paragraphs, publication-details boxes) to
//! one HTML string. The reader sets it with a single `innerHTML`, and the build writes
//! the same markup into the pre-rendered pages shown before the app has started, so the
//! two cannot drift apart.
//!
//! Why one string and not one component per block: a long document has ~170 blocks, and
//! their reactive bookkeeping was most of a document switch (median 61 → 29 ms with one
//! string, `node tests/bench/browser.mjs --only switching`; see BENCHMARKS.md), for markup
//! that changes only when a setting or a note does.

use super::analysis::DocAnalysis;
use super::corpus::{BlockKind, Document};
use super::glossary::Term;
use super::render::{block_html, escape, Mark, RenderOptions};
use std::collections::HashMap;

/// The few interface words the document markup carries, in the interface language.
#[derive(Debug, Clone, Default)]
pub struct DocLabels {
    /// Summary of a collapsed publication-details box.
    pub publication_details: String,
    /// The note after a paragraph where the source stops mid-text.
    pub excerpt_ends: String,
}

/// Highlights that are not terms (notes, a linked passage), by block id.
pub type MarksByBlock = HashMap<String, Vec<Mark>>;

/// The HTML of every block of `doc`, in order: reading-flow paragraphs numbered from 1
/// (`data-n`), consecutive publication-details blocks wrapped in one closed `<details>`.
pub fn doc_text_html(
    doc: &Document,
    analysis: &DocAnalysis,
    terms: &[Term],
    marks: &MarksByBlock,
    options: &RenderOptions,
    labels: &DocLabels,
) -> String {
    let mut out = String::with_capacity(doc.blocks.iter().map(|b| b.text.len() * 3).sum());
    let mut in_details = false;
    let mut number = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        if block.details != in_details {
            if in_details {
                out.push_str("</details>");
            } else {
                out.push_str("<details class=\"pub-details\"><summary>");
                out.push_str(&escape(&labels.publication_details));
                out.push_str("</summary>");
            }
            in_details = block.details;
        }
        let Some(block_analysis) = analysis.blocks.get(i) else {
            continue;
        };
        let block_marks = marks.get(&block.id).map(Vec::as_slice).unwrap_or(&[]);
        let inner = block_html(block, block_analysis, terms, block_marks, options);
        let id = escape(&block.id);
        // The live reader's hooks; a static copy marks blocks with `data-pre` only.
        let (para_hook, heading_hook) = if options.static_copy {
            ("data-pre", "data-pre")
        } else {
            ("data-para", "data-heading")
        };
        let lang = if block.lang == "en" {
            " lang=\"en\""
        } else {
            ""
        };
        match block.kind {
            BlockKind::Heading(level) => {
                let tag = if level == 2 { "h2" } else { "h3" };
                out.push_str(&format!(
                    "<{tag} class=\"doc-{tag}\" {heading_hook}=\"{id}\"{lang}>{inner}</{tag}>"
                ));
            }
            BlockKind::Paragraph => {
                let n = if block.details {
                    String::new()
                } else {
                    number += 1;
                    format!(" data-n=\"{number}\"")
                };
                // How long the paragraph is, in full-width characters (Latin letters
                // count half): the stylesheet holds that much room for it until it has
                // been laid out (`content-visibility`), so the page does not grow as
                // one scrolls.
                let chars = block
                    .text
                    .chars()
                    .map(|c| if c.is_ascii() { 1 } else { 2 })
                    .sum::<usize>()
                    / 2;
                out.push_str(&format!(
                    "<p class=\"para\" {para_hook}=\"{id}\"{n}{lang} style=\"--chars:{chars}\">{inner}</p>"
                ));
            }
        }
        if block.excerpt_ends {
            out.push_str("<p class=\"excerpt-ends\" role=\"note\">");
            out.push_str(&escape(&labels.excerpt_ends));
            out.push_str("</p>");
        }
    }
    if in_details {
        out.push_str("</details>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::engine;
    use crate::core::render::text_content;

    fn render(doc: usize) -> String {
        let e = engine();
        let analysis = e.analyse(doc).expect("analysis");
        let labels = DocLabels {
            publication_details: "出版信息".into(),
            excerpt_ends: "节选止此".into(),
        };
        doc_text_html(
            &e.bundle.docs[doc],
            &analysis,
            &e.bundle.terms,
            &MarksByBlock::new(),
            &RenderOptions::default(),
            &labels,
        )
    }

    #[test]
    fn every_block_appears_once_with_its_hook_and_text() {
        let e = engine();
        for (d, doc) in e.bundle.docs.iter().enumerate() {
            let html = render(d);
            for b in &doc.blocks {
                let hook = if b.is_heading() {
                    format!("data-heading=\"{}\"", b.id)
                } else {
                    format!("data-para=\"{}\"", b.id)
                };
                assert_eq!(html.matches(&hook).count(), 1, "{} {}", doc.meta.id, b.id);
            }
            let text = text_content(&html);
            for b in &doc.blocks {
                assert!(text.contains(&b.text), "{} {}", doc.meta.id, b.id);
            }
        }
    }

    #[test]
    fn details_boxes_are_balanced_and_their_paragraphs_unnumbered() {
        let e = engine();
        for (d, doc) in e.bundle.docs.iter().enumerate() {
            let html = render(d);
            assert_eq!(
                html.matches("<details").count(),
                html.matches("</details>").count()
            );
            let flow = doc
                .blocks
                .iter()
                .filter(|b| !b.details && !b.is_heading())
                .count();
            assert_eq!(html.matches(" data-n=\"").count(), flow, "{}", doc.meta.id);
            if doc.blocks.iter().any(|b| b.details) {
                assert!(html.contains("<summary>出版信息</summary>"));
            }
        }
    }
}
