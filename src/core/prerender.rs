//! The page shown before the app has started: a document's header and opening, written at
//! build time (`pre/<doc id>.json`) and put on screen by `public/boot.js` while the wasm
//! is still loading, so that on a slow connection a reader following a link can start at once.
//! The same file carries the document's text, which the app takes from it (`ui::texts`):
//! the wasm ships without the texts, and a first visit fetches this one file for both.
//!
//! It uses the reader's own markup (`doc_html`) and stylesheets, so that the app replaces
//! it without the text moving; it carries none of the live reader's hooks and is inert
//! (nothing in it can be clicked or focused) until the app takes over.

use super::analysis::DocAnalysis;
use super::corpus::{Block, BlockKind, Document};
use super::doc_html::{doc_text_html, DocLabels, MarksByBlock};
use super::glossary::{Term, FIVE_ENGLISH, FIVE_HEADWORDS};
use super::i18n::{Lang, Msg};
use super::meta_labels::byline_label;
use super::render::{escape, RenderOptions};

/// Where the pre-rendered page of document `id` is, relative to the app.
pub fn prerender_path(id: &str) -> String {
    format!("pre/{id}.json")
}

/// What `boot.js` fetches: the page's chrome in each interface language (the reader's
/// choice is not known at build time), with an empty `div.doc-text` where the text goes,
/// and the document text once.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Prerender {
    /// The site header and the document's header, in Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
    /// The opening of the document text (`doc_html`), the same in both; a link to a
    /// paragraph beyond it gets no pre-rendered page.
    pub text: String,
    /// The whole document's blocks, for the app (without their source lines).
    pub blocks: Vec<Block>,
    /// The document's part of the segmentation dictionary (`segment::dict_part`).
    pub dict: String,
}

/// Both interface languages, for the labels inside the text.
fn both(msg: Msg) -> String {
    format!("{} · {}", msg.text(Lang::Zh), msg.text(Lang::En))
}

/// Characters of reading-flow text the pre-rendered opening holds at least (a couple of
/// screens on a desktop, several on a phone).
pub const OPENING_CHARS: usize = 2400;

/// How many blocks make the opening: through the block that reaches `OPENING_CHARS`
/// characters of reading-flow text (publication details, closed, do not count).
fn opening_len(doc: &Document) -> usize {
    let mut chars = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        if !b.details {
            chars += b.text.chars().count();
        }
        if chars >= OPENING_CHARS {
            return i + 1;
        }
    }
    doc.blocks.len()
}

/// The pre-rendered page of `doc`; `counts` its 五通 counts and the corpus', `dict` its
/// part of the segmentation dictionary.
pub fn prerender(
    doc: &Document,
    analysis: &DocAnalysis,
    terms: &[Term],
    counts: ([usize; 5], [usize; 5]),
    dict: String,
) -> Prerender {
    let (five, five_corpus) = counts;
    let options = RenderOptions {
        static_copy: true,
        ..RenderOptions::default()
    };
    let labels = DocLabels {
        publication_details: both(Msg::PublicationDetails),
        excerpt_ends: both(Msg::ExcerptEnds),
    };
    // Only the opening: what fills the first screens. Laying out a whole long document
    // before the app starts costs the app that much time; the app draws all of it.
    let opening = Document::new(doc.meta.clone(), doc.blocks[..opening_len(doc)].to_vec());
    let text = doc_text_html(
        &opening,
        analysis,
        terms,
        &MarksByBlock::new(),
        &options,
        &labels,
    );
    let chrome = |lang| chrome_html(doc, lang, five, five_corpus);
    Prerender {
        zh: chrome(Lang::Zh),
        en: chrome(Lang::En),
        text,
        blocks: doc
            .blocks
            .iter()
            .map(|b| Block {
                line: 0,
                ..b.clone()
            })
            .collect(),
        dict,
    }
}

/// The site header and the document header, as the app draws them (`Header`,
/// `ReaderPage`, `Legend`): same classes and boxes, so the text starts where the app's
/// will. Controls are drawn as look-alike `span`s, not `button`s and an `input`: nothing
/// in the page works anyway (it is inert), and form controls made its first layout
/// ~25 ms slower (main-thread time in a fresh tab, measured with a trace). The
/// publication details, which the app shows folded behind the byline, are left out.
fn chrome_html(doc: &Document, lang: Lang, five: [usize; 5], five_corpus: [usize; 5]) -> String {
    let t = |m: Msg| escape(m.text(lang));
    let mut h = String::with_capacity(4096);
    h.push_str("<header class=\"site-header\"><a class=\"brand\"><span class=\"brand-zh\" lang=\"zh-Hans\">丝路读本</span><span class=\"brand-en\" lang=\"en\">Silk Road Reader</span></a><nav class=\"main-nav\"><ul>");
    for m in [
        Msg::NavLibrary,
        Msg::NavGlossary,
        Msg::NavNotes,
        Msg::NavAnalytics,
        Msg::NavAbout,
    ] {
        let current = if m == Msg::NavLibrary {
            " aria-current=\"page\""
        } else {
            ""
        };
        h.push_str(&format!("<li><a{current}>{}</a></li>", t(m)));
    }
    h.push_str(&format!(
        "</ul></nav><div class=\"search-box\"><span class=\"search-input\">{}</span><span class=\"tool-btn\">{}</span></div>\
         <div class=\"header-tools\"><span class=\"tool-btn lang-switch\">{}</span><span class=\"tool-btn settings-btn\">⚙ {}</span></div></header>",
        t(Msg::SearchPlaceholder),
        t(Msg::NavSearch),
        if lang == Lang::Zh { "EN" } else { "中文" },
        t(Msg::NavSettings),
    ));
    h.push_str("<div class=\"main\"><div class=\"progress\"></div><div class=\"reader-layout\"><aside class=\"reader-side\">");
    // The contents (`Toc`) and the notes panel as it is with no notes yet (`DocNotes`).
    h.push_str(&format!(
        "<nav class=\"toc\" data-open=\"false\"><div class=\"toc-head\"><h2 class=\"toc-title\">{}</h2>\
         <span class=\"tool-btn toc-close\">{}</span></div><ol class=\"toc-list\" lang=\"zh-Hans\">",
        t(Msg::Contents),
        t(Msg::CloseContents)
    ));
    for b in doc.blocks.iter().filter(|b| b.is_heading() && !b.details) {
        let level = match b.kind {
            BlockKind::Heading(l) => l,
            BlockKind::Paragraph => 2,
        };
        h.push_str(&format!(
            "<li class=\"toc-l{level}\"><a>{}</a></li>",
            escape(&b.text)
        ));
    }
    h.push_str(&format!(
        "</ol></nav><section class=\"doc-notes\"><h2 class=\"side-title\">{} (0)</h2>\
         <span class=\"tool-btn small\">{}</span><ul class=\"note-list\"></ul>\
         <p class=\"side-hint\">{}</p></section></aside><article class=\"reader\"><header class=\"doc-header\">",
        t(Msg::NavNotes),
        t(Msg::NoteOnDocument),
        t(Msg::NotesHint)
    ));
    let meta = &doc.meta;
    h.push_str(&format!(
        "<h1 class=\"doc-title\" lang=\"zh-Hans\">{}</h1>",
        escape(&meta.title)
    ));
    if meta.title_editorial {
        h.push_str(&format!(
            "<p class=\"editorial-tag\">{}</p>",
            t(Msg::EditorialTitle)
        ));
    }
    if !meta.title_en.is_empty() {
        h.push_str(&format!(
            "<p class=\"doc-title-en\" lang=\"en\">{}</p>",
            escape(&meta.title_en)
        ));
    }
    h.push_str(&format!(
        "<div class=\"doc-line\"><span class=\"doc-byline\"><span class=\"byline-text\">{}</span><span class=\"byline-more\">{}</span></span>\
         <div class=\"reader-tools\"><span class=\"tool-btn toc-open\">{}</span><span class=\"tool-btn embed-open-btn\">{}</span></div></div>",
        escape(&byline_label(meta, lang)),
        t(Msg::SourceAndDetails),
        t(Msg::Contents),
        t(Msg::EmbedThis)
    ));
    h.push_str(&format!(
        "<section class=\"legend\"><div class=\"legend-head\"><h2 class=\"legend-title\">{}</h2>\
         <p class=\"legend-key\">{} / {}</p><div class=\"legend-all\"><span class=\"tool-btn\">{}</span> \
         <span class=\"tool-btn\">{}</span></div></div><ul class=\"legend-list\">",
        t(Msg::Legend),
        t(Msg::LegendThisDoc),
        t(Msg::LegendCorpus),
        t(Msg::ShowAll),
        t(Msg::ShowNone)
    ));
    for i in 0..5 {
        let english = if lang == Lang::En {
            format!("<span class=\"legend-en\">{}</span>", FIVE_ENGLISH[i])
        } else {
            String::new()
        };
        h.push_str(&format!(
            "<li><span class=\"legend-item f{i}\"><span class=\"swatch f{i}\"></span>\
             <span class=\"legend-term\" lang=\"zh-Hans\">{}</span>{english}<span class=\"legend-count\"><span class=\"count-doc\">{}</span> / \
             <span class=\"count-corpus\">{}</span></span></span></li>",
            FIVE_HEADWORDS[i], five[i], five_corpus[i]
        ));
    }
    h.push_str(
        "</ul></section></header><div class=\"doc-text\" lang=\"zh-Hans\"></div></article></div></div>",
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::engine;
    use crate::core::render::text_content;

    fn pages() -> Vec<(String, Prerender)> {
        let e = engine();
        (0..e.bundle.docs.len())
            .map(|d| {
                let analysis = e.analyse(d).expect("analysis");
                let page = prerender(
                    &e.bundle.docs[d],
                    &analysis,
                    &e.bundle.terms,
                    (e.five_counts(d), e.five_corpus_counts()),
                    String::new(),
                );
                (e.bundle.docs[d].meta.id.clone(), page)
            })
            .collect()
    }

    /// `boot.js` shows the opening as soon as the file's first fields are in: it cuts the
    /// file at the first `,"blocks":`, which must end exactly `zh`, `en` and `text`.
    #[test]
    fn the_opening_comes_first_in_the_file_and_ends_where_boot_js_cuts() {
        for (id, page) in pages() {
            let json = serde_json::to_string(&page).expect("serialises");
            let cut = json.find(",\"blocks\":").expect("blocks follow");
            assert!(json.starts_with("{\"zh\":"), "{id}");
            let opening: serde_json::Value = serde_json::from_str(&format!("{}}}", &json[..cut]))
                .expect("the opening parses alone");
            assert_eq!(opening["text"].as_str(), Some(page.text.as_str()), "{id}");
            assert_eq!(opening["zh"].as_str(), Some(page.zh.as_str()), "{id}");
            assert_eq!(opening["en"].as_str(), Some(page.en.as_str()), "{id}");
        }
    }

    #[test]
    fn every_document_prerenders_its_opening_without_live_hooks() {
        let e = engine();
        let mut highlighted = 0;
        for ((id, page), doc) in pages().iter().zip(&e.bundle.docs) {
            for html in [&page.zh, &page.en, &page.text] {
                for hook in [
                    "data-para",
                    "data-heading",
                    "data-term",
                    "data-kind",
                    "data-doc",
                    "id=",
                ] {
                    assert!(!html.contains(hook), "{id}: {hook}");
                }
            }
            let text = text_content(&page.text);
            let shown = opening_len(doc);
            assert!(shown >= 1);
            for (i, b) in doc.blocks.iter().enumerate() {
                let hook = format!("data-pre=\"{}\"", b.id);
                assert_eq!(page.text.contains(&hook), i < shown, "{id} {}", b.id);
                if i < shown {
                    assert!(text.contains(&b.text), "{id} {}", b.id);
                }
            }
            let flow: usize = doc.blocks[..shown]
                .iter()
                .filter(|b| !b.details)
                .map(|b| b.text.chars().count())
                .sum();
            assert!(
                flow >= OPENING_CHARS || shown == doc.blocks.len(),
                "{id}: {flow} characters"
            );
            highlighted += page.text.matches("class=\"term five t-").count();
        }
        assert!(highlighted > 0, "the 五通 terms are highlighted");
    }

    #[test]
    fn the_chrome_speaks_the_chosen_language_and_shows_the_legend_counts() {
        let e = engine();
        for (d, (id, page)) in pages().iter().enumerate() {
            assert!(
                page.zh.contains("“五通”图例") || page.zh.contains("图例"),
                "{id}"
            );
            assert!(page.en.contains(Msg::Legend.text(Lang::En)), "{id}");
            assert!(!page.zh.contains(Msg::Legend.text(Lang::En)), "{id}");
            for (i, n) in e.five_counts(d).iter().enumerate() {
                let chip = format!(
                    "{}</span><span class=\"legend-count\"><span class=\"count-doc\">{n}</span>",
                    FIVE_HEADWORDS[i]
                );
                assert!(page.zh.contains(&chip), "{id}: {chip}");
            }
            assert!(page.zh.contains(&escape(&e.bundle.docs[d].meta.title)));
        }
    }
}
