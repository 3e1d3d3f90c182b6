//! The concordance: every occurrence of a word, phrase or glossary entry as an aligned
//! keyword-in-context line, sortable as concordancers sort, and exportable as CSV.
//!
//! Why CSV with a BOM and CRLF: the export is meant for a spreadsheet, and Excel reads a
//! UTF-8 file as the local code page unless it starts with a byte-order mark; RFC 4180
//! asks for CRLF line ends and doubled quotes inside quoted fields.

use super::{KwicLine, SearchError, SearchIndex, SearchMode};
use crate::core::bundle::Bundle;
use crate::core::citation::deep_link;
use crate::core::i18n::Lang;
use crate::core::order;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// What a concordance lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConcordanceQuery {
    /// The hits of a search.
    Text { query: String, mode: SearchMode },
    /// Every occurrence of a glossary entry (any of its forms), by entry id.
    Term(String),
}

impl ConcordanceQuery {
    /// Reads `#/concordance?q=…`: a glossary id names that entry, anything else is a
    /// word-mode search.
    pub fn from_param(bundle: &Bundle, q: &str) -> ConcordanceQuery {
        let q = q.trim();
        match bundle.term(q) {
            Some(t) => ConcordanceQuery::Term(t.id.clone()),
            None => ConcordanceQuery::Text {
                query: q.to_string(),
                mode: SearchMode::Word,
            },
        }
    }
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// Corpus order: document, block, offset.
    #[default]
    #[serde(rename = "doc")]
    Document,
    /// By the left context read backwards from the keyword (the word just before the
    /// keyword decides first), then the right context.
    Left,
    /// By the right context, then the left.
    Right,
}

impl<'a> SearchIndex<'a> {
    /// The concordance lines for `query`, sorted by `sort`.
    pub fn concordance(
        &self,
        query: &ConcordanceQuery,
        sort: KwicSort,
    ) -> Result<Vec<KwicLine>, SearchError> {
        let mut lines = match query {
            ConcordanceQuery::Text { query, mode } => self.hits(query, *mode)?,
            ConcordanceQuery::Term(id) => {
                let term = self
                    .bundle
                    .terms
                    .iter()
                    .position(|t| &t.id == id)
                    .ok_or_else(|| SearchError::UnknownTerm(id.clone()))?;
                self.term_hits(term)
            }
        };
        sort_kwic(&mut lines, sort);
        Ok(lines)
    }
}

/// Compares two contexts for sorting: Latin letters without case, then code points.
fn cmp_text(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> Ordering {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    a.map(fold).cmp(b.map(fold))
}

fn reading_order(a: &KwicLine, b: &KwicLine) -> Ordering {
    (a.doc, a.block, a.range.start.byte).cmp(&(b.doc, b.block, b.range.start.byte))
}

/// Sorts lines in place. Chinese is compared by code point (a stable, if not a
/// dictionary, order); equal contexts keep corpus order.
pub fn sort_kwic(lines: &mut [KwicLine], sort: KwicSort) {
    match sort {
        KwicSort::Document => order::sort_by(lines, reading_order),
        KwicSort::Left => order::sort_by(lines, |a, b| {
            cmp_text(a.left.chars().rev(), b.left.chars().rev())
                .then_with(|| cmp_text(a.right.chars(), b.right.chars()))
                .then_with(|| reading_order(a, b))
        }),
        KwicSort::Right => order::sort_by(lines, |a, b| {
            cmp_text(a.right.chars(), b.right.chars())
                .then_with(|| cmp_text(a.left.chars().rev(), b.left.chars().rev()))
                .then_with(|| reading_order(a, b))
        }),
    }
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or
/// leading or trailing spaces; quotes inside are doubled.
pub(crate) fn csv_field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The lines as CSV: a UTF-8 byte-order mark, a header row in `lang`, then one row per
/// line: document id, document title, paragraph id, left, keyword, right, and the deep
/// link `<base_url>#/doc/<doc>/p/<para>`. Rows end with CRLF.
pub fn kwic_csv(bundle: &Bundle, lines: &[KwicLine], base_url: &str, lang: Lang) -> String {
    let header: [&str; 7] = match lang {
        Lang::Zh => [
            "文档编号",
            "文档标题",
            "段落编号",
            "左语境",
            "关键词",
            "右语境",
            "链接",
        ],
        Lang::En => [
            "document id",
            "document title",
            "paragraph id",
            "left",
            "keyword",
            "right",
            "link",
        ],
    };
    let mut out = String::from("\u{FEFF}");
    let mut row = |fields: &[&str]| {
        let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    row(&header);
    for line in lines {
        let Some(doc) = bundle.docs.get(line.doc) else {
            continue;
        };
        let link = deep_link(base_url, &doc.meta.id, &line.block_id, None);
        row(&[
            &doc.meta.id,
            &doc.meta.title,
            &line.block_id,
            &line.left,
            &line.keyword,
            &line.right,
            &link,
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::{sample_bundle, seg};

    fn line(doc: usize, start: usize, left: &str, right: &str) -> KwicLine {
        let mut l = KwicLine {
            doc,
            block: 0,
            block_id: "p1".into(),
            range: Default::default(),
            left: left.into(),
            keyword: "合作".into(),
            right: right.into(),
            left_cut: false,
            right_cut: false,
        };
        l.range.start.byte = start;
        l
    }

    #[test]
    fn sorts_by_reversed_left_context_then_right() {
        let mut lines = vec![
            line(0, 0, "国际产能", "甲"),
            line(0, 9, "加强", "乙"),
            line(1, 0, "经济", "丙"),
            line(1, 5, "务实", "丁"),
            line(2, 0, "国际产能", "乙"),
        ];
        sort_kwic(&mut lines, KwicSort::Left);
        // Compared from the keyword leftwards, by code point: 实 < 强 < 济 < 能.
        let lefts: Vec<(&str, &str)> = lines
            .iter()
            .map(|l| (l.left.as_str(), l.right.as_str()))
            .collect();
        assert_eq!(
            lefts,
            [
                ("务实", "丁"),
                ("加强", "乙"),
                ("经济", "丙"),
                ("国际产能", "乙"),
                ("国际产能", "甲")
            ]
        );
        sort_kwic(&mut lines, KwicSort::Right);
        let rights: Vec<&str> = lines.iter().map(|l| l.right.as_str()).collect();
        assert_eq!(rights, ["丁", "丙", "乙", "乙", "甲"]);
        sort_kwic(&mut lines, KwicSort::Document);
        let order: Vec<(usize, usize)> =
            lines.iter().map(|l| (l.doc, l.range.start.byte)).collect();
        assert_eq!(order, [(0, 0), (0, 9), (1, 0), (1, 5), (2, 0)]);
    }

    #[test]
    fn csv_quotes_as_rfc_4180() {
        assert_eq!(csv_field("plain 文本"), "plain 文本");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(" padded"), "\" padded\"");
    }

    #[test]
    fn csv_has_bom_header_and_links() {
        let b = sample_bundle();
        let s = seg();
        let index = SearchIndex::new(&b, Some(&s));
        let q = ConcordanceQuery::Text {
            query: "国际".into(),
            mode: SearchMode::Word,
        };
        let lines = index.concordance(&q, KwicSort::Left).unwrap();
        let csv = kwic_csv(&b, &lines, "https://example.org/r/", Lang::En);
        assert!(csv.starts_with(
            "\u{FEFF}document id,document title,paragraph id,left,keyword,right,link\r\n"
        ));
        assert!(
            csv.ends_with(
                "a,标题a,p1,加强产能合作，,国际,合作。,https://example.org/r/#/doc/a/p/p1\r\n"
            ),
            "{csv}"
        );
        assert!(kwic_csv(&b, &lines, "", Lang::Zh).contains("文档编号,文档标题"));
    }

    #[test]
    fn concordance_by_term_id() {
        let b = sample_bundle();
        let s = seg();
        let index = SearchIndex::new(&b, Some(&s));
        let q = ConcordanceQuery::from_param(&b, "ydyl");
        assert_eq!(q, ConcordanceQuery::Term("ydyl".into()));
        let lines = index.concordance(&q, KwicSort::Document).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].keyword, "一带一路");
        assert_eq!(lines[0].left, "共建");
        let bad = ConcordanceQuery::Term("nope".into());
        assert_eq!(
            index.concordance(&bad, KwicSort::Left),
            Err(SearchError::UnknownTerm("nope".into()))
        );
        assert!(
            matches!(ConcordanceQuery::from_param(&b, " 合作 "), ConcordanceQuery::Text { query, .. } if query == "合作")
        );
    }
}
