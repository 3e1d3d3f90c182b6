//! Renders a block to HTML: term highlights, corrections, marks (notes, search hits) and
//! word boundaries, from the analysis. Pure string building, tested on the host.
//!
//! Why HTML strings and not one component per word: a long document has ~15,000 words;
//! one `innerHTML` per paragraph paints as fast as static HTML, and the markup adds no
//! text, so a paragraph's `textContent` equals its text and DOM selection offsets map to
//! text offsets directly (the notes rely on that).
//!
//! Nesting, outermost first: a term (never split), then marks, then a correction; marks
//! and corrections that cross a term's edge are split in two.
//!
//! A term is a `span` with `role="button"` (focusable; the reader turns Enter and Space
//! into a click), not a `button`: browsers lay a button out as one unbreakable box, so a
//! line could not break inside a term, justified lines were stretched around it and an
//! opening quote was left at a line's end; and each such box costs the first layout.

use super::analysis::BlockAnalysis;
use super::corpus::Block;
use super::glossary::Term;
use std::collections::BTreeSet;

/// How glossary terms (other than the five) are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum GlossaryMode {
    /// Every occurrence is a button.
    #[default]
    All,
    /// Only the first occurrence of each entry in a paragraph.
    FirstPerParagraph,
    /// No glossary buttons (the five 五通 terms stay highlighted).
    Off,
}

/// A highlighted range that is not a term: a note, a search hit, a cited passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// CSS classes, e.g. `note c-yellow`.
    pub class: String,
    /// Written to `data-mark` (e.g. the note id).
    pub id: String,
}

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub boundaries: bool,
    pub glossary: GlossaryMode,
    /// Interface language for the few words the markup carries (`zh` or `en`).
    pub ui_lang: String,
    /// A static copy (the page shown before the app starts): no test and embed hooks
    /// (`data-term`, `data-kind`, `data-para` …), which belong to the live reader alone.
    pub static_copy: bool,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Which term hits are shown as buttons, given the mode.
fn shown_hits(analysis: &BlockAnalysis, terms: &[Term], mode: GlossaryMode) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    analysis
        .hits
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            let t = &terms[h.term];
            t.is_five()
                || match mode {
                    GlossaryMode::All => true,
                    GlossaryMode::Off => false,
                    GlossaryMode::FirstPerParagraph => seen.insert(h.term),
                }
        })
        .map(|(i, _)| i)
        .collect()
}

/// The inner HTML of one block.
pub fn block_html(
    block: &Block,
    analysis: &BlockAnalysis,
    terms: &[Term],
    marks: &[Mark],
    options: &RenderOptions,
) -> String {
    let text = &block.text;
    let hits: Vec<(usize, usize, usize)> = shown_hits(analysis, terms, options.glossary)
        .into_iter()
        .map(|i| {
            let h = &analysis.hits[i];
            (h.range.start.byte, h.range.end.byte, h.term)
        })
        .collect();
    // Every position where something opens, closes or a word starts.
    let mut cuts: BTreeSet<usize> = [0, text.len()].into();
    let word_starts: BTreeSet<usize> = analysis
        .words
        .iter()
        .map(|w| w.start.byte)
        .skip(1)
        .collect();
    if options.boundaries {
        cuts.extend(&word_starts);
    }
    for &(s, e, _) in &hits {
        cuts.extend([s, e]);
    }
    for c in &block.corrections {
        cuts.extend([c.start, c.end]);
    }
    for m in marks {
        cuts.extend([m.start.min(text.len()), m.end.min(text.len())]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));

    let mut out = String::with_capacity(text.len() * 2);
    let mut open_hit: Option<usize> = None;
    let mut open_marks: Vec<usize> = Vec::new();
    let mut open_corr: Option<usize> = None;
    let cuts: Vec<usize> = cuts.into_iter().collect();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let hit = hits.iter().position(|&(s, e, _)| s <= start && end <= e);
        let mark_set: Vec<usize> = (0..marks.len())
            .filter(|&i| {
                marks[i].start <= start && end <= marks[i].end && marks[i].start < marks[i].end
            })
            .collect();
        let corr = block
            .corrections
            .iter()
            .position(|c| c.start <= start && end <= c.end && c.start < c.end);
        let hit_changes = hit != open_hit;
        let marks_change = hit_changes || mark_set != open_marks;
        let corr_changes = marks_change || corr != open_corr;
        if corr_changes && open_corr.take().is_some() {
            out.push_str("</ins>");
        }
        if marks_change && !open_marks.is_empty() {
            out.push_str("</mark>");
            open_marks.clear();
        }
        if hit_changes && open_hit.take().is_some() {
            out.push_str("</span>");
        }
        if options.boundaries && word_starts.contains(&start) {
            out.push_str("<i class=\"wb\" aria-hidden=\"true\"></i>");
        }
        if hit_changes {
            if let Some(h) = hit {
                open_term(&mut out, &terms[hits[h].2], options.static_copy);
                open_hit = Some(h);
            }
        }
        if marks_change && !mark_set.is_empty() {
            let class: Vec<&str> = mark_set.iter().map(|&i| marks[i].class.as_str()).collect();
            let ids: Vec<&str> = mark_set.iter().map(|&i| marks[i].id.as_str()).collect();
            out.push_str(&format!(
                "<mark class=\"{}\" data-mark=\"{}\">",
                escape(&class.join(" ")),
                escape(&ids.join(" "))
            ));
            open_marks = mark_set;
        }
        if corr_changes {
            if let Some(c) = corr {
                open_correction(&mut out, &block.corrections[c].original, &options.ui_lang);
                open_corr = Some(c);
            }
        }
        out.push_str(&escape(&text[start..end]));
    }
    if open_corr.is_some() {
        out.push_str("</ins>");
    }
    if !open_marks.is_empty() {
        out.push_str("</mark>");
    }
    if open_hit.is_some() {
        out.push_str("</span>");
    }
    // Zero-width corrections (a dropped character) get a visible marker of their own.
    if block.corrections.iter().any(|c| c.start == c.end) {
        out = insert_empty_corrections(block, out, &options.ui_lang);
    }
    out
}

fn open_term(out: &mut String, term: &Term, static_copy: bool) {
    let kind = if term.is_five() { "five" } else { "glossary" };
    if static_copy {
        // Inert, like the rest of the pre-rendered opening: no role, not focusable.
        out.push_str(&format!(
            "<span class=\"term {kind} t-{id}\">",
            id = escape(&term.id)
        ));
        return;
    }
    out.push_str(&format!(
        "<span class=\"term {kind} t-{id}\" role=\"button\" tabindex=\"0\" data-term=\"{hw}\" data-kind=\"{kind}\" data-id=\"{id}\" aria-expanded=\"false\">",
        id = escape(&term.id),
        hw = escape(&term.headword),
    ));
}

fn open_correction(out: &mut String, original: &str, ui_lang: &str) {
    let shown = if original.trim().is_empty() {
        "␣"
    } else {
        original
    };
    let title = if ui_lang == "en" {
        format!("Corrected extraction error; the source file reads: {shown}")
    } else {
        format!("已更正提取错误，原文作：{shown}")
    };
    out.push_str(&format!(
        "<ins class=\"corr\" tabindex=\"0\" data-orig=\"{}\" title=\"{}\">",
        escape(shown),
        escape(&title)
    ));
}

/// Corrections that removed text have no text to wrap; they are rare, so they are
/// inserted afterwards as empty markers at the right text position.
fn insert_empty_corrections(block: &Block, html: String, ui_lang: &str) -> String {
    // Walk the HTML, counting text bytes outside tags and entities.
    let mut pending: Vec<(usize, &str)> = block
        .corrections
        .iter()
        .filter(|c| c.start == c.end)
        .map(|c| (c.start, c.original.as_str()))
        .collect();
    pending.reverse();
    let mut out = String::with_capacity(html.len() + 64);
    let mut text_pos = 0;
    let mut chars = html.char_indices().peekable();
    let flush = |out: &mut String, pending: &mut Vec<(usize, &str)>, text_pos: usize| {
        while pending.last().is_some_and(|p| p.0 == text_pos) {
            if let Some((_, orig)) = pending.pop() {
                let mut marker = String::new();
                open_correction(&mut marker, orig, ui_lang);
                out.push_str(&marker);
                out.push_str("</ins>");
            }
        }
    };
    while let Some((_, c)) = chars.next() {
        match c {
            '<' => {
                flush(&mut out, &mut pending, text_pos);
                out.push(c);
                for (_, t) in chars.by_ref() {
                    out.push(t);
                    if t == '>' {
                        break;
                    }
                }
            }
            '&' => {
                flush(&mut out, &mut pending, text_pos);
                let mut entity = String::from("&");
                for (_, t) in chars.by_ref() {
                    entity.push(t);
                    if t == ';' {
                        break;
                    }
                }
                let decoded = match entity.as_str() {
                    "&amp;" => "&",
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&quot;" => "\"",
                    _ => "'",
                };
                out.push_str(&entity);
                text_pos += decoded.len();
            }
            c => {
                flush(&mut out, &mut pending, text_pos);
                out.push(c);
                text_pos += c.len_utf8();
            }
        }
    }
    flush(&mut out, &mut pending, text_pos);
    out
}

/// Strips tags and decodes the entities `escape` writes: the text a browser would show.
pub fn text_content(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::parse_inline;
    use crate::core::fixtures::{self, term};
    use crate::core::terms::TermMatcher;
    use crate::core::text::OffsetMap;

    fn block(src: &str) -> Block {
        let (text, corrections) = parse_inline(src).unwrap();
        Block {
            corrections,
            line: 1,
            ..fixtures::block("p1", &text)
        }
    }

    fn analysis(block: &Block, terms: &[Term], words: &[&str]) -> BlockAnalysis {
        let map = OffsetMap::new(&block.text);
        let mut at = 0;
        let words = words
            .iter()
            .map(|w| {
                let r = map.range(at, at + w.len());
                at += w.len();
                r
            })
            .collect();
        BlockAnalysis {
            words,
            hits: TermMatcher::new(terms).find(&block.text),
        }
    }

    fn render(
        src: &str,
        words: &[&str],
        marks: &[Mark],
        boundaries: bool,
        mode: GlossaryMode,
    ) -> String {
        let terms = [
            term("she-shi-lian-tong", "设施联通"),
            term("xiao-er-mei", "小而美"),
        ];
        let b = block(src);
        let a = analysis(&b, &terms, words);
        let options = RenderOptions {
            boundaries,
            glossary: mode,
            ui_lang: "en".into(),
            static_copy: false,
        };
        block_html(&b, &a, &terms, marks, &options)
    }

    #[test]
    fn five_terms_and_glossary_terms_are_focusable_buttons_with_hooks() {
        let html = render(
            "促进设施联通和“小而美”",
            &["促进", "设施", "联通", "和", "“", "小而美", "”"],
            &[],
            false,
            GlossaryMode::All,
        );
        assert!(html
            .contains("data-term=\"设施联通\" data-kind=\"five\" data-id=\"she-shi-lian-tong\""));
        assert!(html.contains("<span class=\"term five t-she-shi-lian-tong\" role=\"button\" tabindex=\"0\" data-term=\"设施联通\""));
        assert!(html.contains(
            "data-kind=\"glossary\" data-id=\"xiao-er-mei\" aria-expanded=\"false\">小而美</span>”"
        ));
        assert_eq!(text_content(&html), "促进设施联通和“小而美”");
    }

    #[test]
    fn boundaries_add_no_text() {
        let html = render(
            "促进设施联通",
            &["促进", "设施", "联通"],
            &[],
            true,
            GlossaryMode::All,
        );
        assert_eq!(html.matches("class=\"wb\"").count(), 2, "{html}");
        assert_eq!(text_content(&html), "促进设施联通");
    }

    #[test]
    fn glossary_modes() {
        let src = "小而美，小而美，设施联通，设施联通";
        let words = [src];
        let first = render(src, &words, &[], false, GlossaryMode::FirstPerParagraph);
        assert_eq!(first.matches("data-kind=\"glossary\"").count(), 1);
        assert_eq!(
            first.matches("data-kind=\"five\"").count(),
            2,
            "the five stay"
        );
        let off = render(src, &words, &[], false, GlossaryMode::Off);
        assert_eq!(off.matches("data-kind=\"glossary\"").count(), 0);
    }

    #[test]
    fn corrections_show_the_original_and_escape_it() {
        let html = render(
            "{{相比|相<七}}之下",
            &["相比", "之下"],
            &[],
            false,
            GlossaryMode::All,
        );
        assert!(
            html.starts_with("<ins class=\"corr\" tabindex=\"0\" data-orig=\"相&lt;七\""),
            "{html}"
        );
        assert_eq!(text_content(&html), "相比之下");
        let dropped = render("甲{{|☆}}乙", &["甲", "乙"], &[], false, GlossaryMode::All);
        assert!(
            dropped.contains("甲<ins class=\"corr\" tabindex=\"0\" data-orig=\"☆\""),
            "{dropped}"
        );
        assert_eq!(text_content(&dropped), "甲乙");
    }

    #[test]
    fn marks_split_around_terms_and_escape_everything() {
        let marks = [Mark {
            start: 0,
            end: 9,
            class: "note c-yellow".into(),
            id: "n\"1".into(),
        }];
        let html = render(
            "促进设施联通<b>",
            &["促进", "设施联通", "<b>"],
            &marks,
            false,
            GlossaryMode::All,
        );
        assert!(
            html.starts_with(
                "<mark class=\"note c-yellow\" data-mark=\"n&quot;1\">促进</mark><span class=\"term"
            ),
            "{html}"
        );
        assert!(
            html.contains("<mark class=\"note c-yellow\" data-mark=\"n&quot;1\">设</mark>"),
            "{html}"
        );
        assert!(html.ends_with("&lt;b&gt;"));
        assert_eq!(text_content(&html), "促进设施联通<b>");
    }
}
