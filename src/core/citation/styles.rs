//! The citation styles: GB/T 7714-2015, Chicago notes, and the source line of the plain
//! and Markdown quotations, from a document's metadata.
//!
//! Why apart from `citation`: each style is a set of small rules (author lists, unknown
//! venues, approximate dates, supplied titles) that is easier to read, and to test, on its
//! own.

use crate::core::corpus::DocMeta;
use crate::core::i18n::Lang;

/// The kind of publication, as the styles distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Journal,
    Magazine,
    Newspaper,
    Book,
}

/// Volume, issue and pages of a journal article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Locator {
    volume: String,
    issue: String,
    pages: String,
}

/// Reads `21(4): 7-13` (volume, issue, pages) from an attribution sentence.
fn journal_locator(attribution: &str) -> Option<Locator> {
    let c: Vec<char> = attribution.chars().collect();
    let digits = |from: usize| {
        (from..c.len())
            .take_while(|&k| c[k].is_ascii_digit())
            .count()
    };
    for open in (0..c.len()).filter(|&i| c[i] == '(') {
        let volume_len = (0..open)
            .rev()
            .take_while(|&k| c[k].is_ascii_digit())
            .count();
        let issue_len = digits(open + 1);
        let close = open + 1 + issue_len;
        if volume_len == 0
            || issue_len == 0
            || c.get(close) != Some(&')')
            || c.get(close + 1) != Some(&':')
        {
            continue;
        }
        let mut p = close + 2;
        while c.get(p) == Some(&' ') {
            p += 1;
        }
        let pages: String = c[p..]
            .iter()
            .take_while(|ch| ch.is_ascii_digit() || matches!(ch, '-' | '–'))
            .collect();
        let pages = pages.trim_end_matches(['-', '–']).replace('–', "-");
        if pages.is_empty() {
            continue;
        }
        return Some(Locator {
            volume: c[open - volume_len..open].iter().collect(),
            issue: c[open + 1..close].iter().collect(),
            pages,
        });
    }
    None
}

/// Publishing places that occur in attributions, in English and Chinese.
const PLACES: [(&str, &str); 10] = [
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
    ("Tianjin", "天津"),
    ("Chongqing", "重庆"),
    ("Guangzhou", "广州"),
    ("Nanjing", "南京"),
    ("Hangzhou", "杭州"),
    ("Wuhan", "武汉"),
    ("Chengdu", "成都"),
    ("Xi'an", "西安"),
];

/// The place of publication of a book: the word after `<venue_en>, ` in the attribution,
/// when it is a known place. Returns (English, Chinese).
fn book_place(meta: &DocMeta) -> Option<(&'static str, &'static str)> {
    if meta.venue_en.is_empty() {
        return None;
    }
    let at = meta.attribution.find(&meta.venue_en)? + meta.venue_en.len();
    let rest = meta.attribution[at..].strip_prefix(", ")?;
    let word = rest.split([',', '.', ';', '(']).next()?.trim();
    PLACES.iter().copied().find(|(en, _)| *en == word)
}

/// Everything the formats need, read once from the metadata.
pub(super) struct Source<'a> {
    meta: &'a DocMeta,
    kind: Kind,
    year: Option<&'a str>,
    locator: Option<Locator>,
    place: Option<(&'static str, &'static str)>,
}

impl<'a> Source<'a> {
    pub(super) fn new(meta: &'a DocMeta) -> Source<'a> {
        let kind = match meta.kind.as_str() {
            "journal-article" => Kind::Journal,
            "newspaper-article" => Kind::Newspaper,
            "book-excerpt" => Kind::Book,
            _ => Kind::Magazine,
        };
        Source {
            meta,
            kind,
            year: meta
                .date
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit())),
            locator: if matches!(kind, Kind::Journal | Kind::Magazine) {
                journal_locator(&meta.attribution)
            } else {
                None
            },
            place: if kind == Kind::Book {
                book_place(meta)
            } else {
                None
            },
        }
    }

    fn authors(&self) -> Vec<&'a str> {
        self.meta
            .authors
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .collect()
    }
}

fn has_han(s: &str) -> bool {
    s.chars().any(crate::core::text::is_han)
}

/// A Latin name in GB/T form: `Xihui Liu` → `LIU X` (surname in capitals, initials of the
/// given names without points). Chinese names stay as written.
fn gbt_name(name: &str) -> String {
    if has_han(name) {
        return name.to_string();
    }
    let parts: Vec<&str> = name.split_whitespace().collect();
    match parts.split_last() {
        Some((surname, given)) if !given.is_empty() => {
            let initials: Vec<String> = given
                .iter()
                .flat_map(|g| g.split('-'))
                .filter_map(|g| g.chars().next())
                .map(|c| c.to_uppercase().to_string())
                .collect();
            format!("{} {}", surname.to_uppercase(), initials.join(" "))
        }
        _ => name.to_uppercase(),
    }
}

/// Swaps the double quotes inside a title for single ones, for titles set in “…”.
pub(super) fn nest_quotes(title: &str) -> String {
    title.replace('“', "‘").replace('”', "’")
}

/// Escapes what Markdown would read as markup: emphasis, code, links and HTML anywhere,
/// and a heading, list or quote marker at the start.
pub(super) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.char_indices() {
        let at_start = i == 0 && "#+->".contains(c);
        let list_number = digits > 0 && i == digits && ".)".contains(c);
        if at_start || list_number || "\\`*_[]<>~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as a Markdown link target: spaces and parentheses encoded.
pub(super) fn md_url(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

/// The GB/T 7714-2015 reference, with the paragraph and the link appended.
pub(super) fn gbt7714(src: &Source, paragraph: Option<usize>, link: &str) -> String {
    let m = src.meta;
    let authors = src.authors();
    let mut names: Vec<String> = authors.iter().take(3).map(|a| gbt_name(a)).collect();
    if authors.len() > 3 {
        names.push("等".into());
    }
    let who = if names.is_empty() {
        "佚名".to_string()
    } else {
        names.join(", ")
    };
    let marker = if m.title_editorial {
        "[编者拟题]"
    } else {
        ""
    };
    let code = match src.kind {
        Kind::Journal | Kind::Magazine => "J",
        Kind::Newspaper => "N",
        Kind::Book => "M",
    };
    let year = match (src.year, m.date_approx) {
        (None, _) => "[出版年不详]".to_string(),
        (Some(y), true) => format!("[{y}]"),
        (Some(_), false) if src.kind == Kind::Newspaper && m.date.len() == 10 => m.date.clone(),
        (Some(y), false) => y.to_string(),
    };
    let mut s = format!("{who}. {}{marker}[{code}]. ", m.title.trim());
    match src.kind {
        Kind::Book => {
            let place = src.place.map_or("[出版地不详]", |p| p.1);
            let publisher = if m.venue.is_empty() {
                "[出版者不详]"
            } else {
                m.venue.as_str()
            };
            s.push_str(&format!("{place}: {publisher}, {year}."));
        }
        Kind::Newspaper => {
            let paper = if m.venue.is_empty() {
                "[报纸名不详]"
            } else {
                m.venue.as_str()
            };
            s.push_str(&format!("{paper}, {year}."));
        }
        Kind::Journal | Kind::Magazine => {
            let journal = if m.venue.is_empty() {
                "[刊名不详]"
            } else {
                m.venue.as_str()
            };
            s.push_str(&format!("{journal}, {year}"));
            if let Some(l) = &src.locator {
                s.push_str(&format!(", {}({}): {}", l.volume, l.issue, l.pages));
            }
            s.push('.');
        }
    }
    if !m.doi.is_empty() {
        s.push_str(&format!(" DOI:{}.", m.doi));
    }
    if let Some(n) = paragraph {
        s.push_str(&format!(" 第{n}段."));
    }
    s.push(' ');
    s.push_str(link);
    s
}

/// Authors in an English sentence: `A`, `A and B`, `A, B, and C`, `A et al.` (four or more).
fn english_authors(authors: &[&str]) -> String {
    match authors {
        [] => String::new(),
        [a] => a.to_string(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b}, and {c}"),
        [a, ..] => format!("{a} et al."),
    }
}

/// The Chicago (17th ed.) note for the passage.
pub(super) fn chicago(src: &Source, paragraph: Option<usize>, link: &str) -> String {
    let m = src.meta;
    let mut parts: Vec<String> = Vec::new();
    let authors = english_authors(&src.authors());
    if !authors.is_empty() {
        parts.push(authors);
    }
    let mut title = match src.kind {
        // Book titles are italic in Chicago; plain text cannot show it, so no quotes.
        Kind::Book => m.title.trim().to_string(),
        _ => format!("“{}”", nest_quotes(m.title.trim())),
    };
    if !m.title_en.is_empty() {
        title.push_str(&format!(" [{}]", m.title_en.trim()));
    }
    if m.title_editorial {
        title.push_str(" [title supplied by editors]");
    }
    let date = match (src.year, m.date_approx) {
        (None, _) => "n.d.".to_string(),
        (Some(y), true) => format!("ca. {y}"),
        (Some(_), false) if src.kind == Kind::Newspaper && m.date.len() >= 7 => m.date.clone(),
        (Some(y), false) => y.to_string(),
    };
    let venue = match (m.venue.is_empty(), m.venue_en.is_empty()) {
        (true, _) => "[venue unknown]".to_string(),
        (false, true) => m.venue.clone(),
        (false, false) => format!("{} [{}]", m.venue, m.venue_en),
    };
    match src.kind {
        Kind::Book => {
            let place = src.place.map_or("n.p.", |p| p.0);
            let publisher = if m.venue.is_empty() {
                "[publisher unknown]".to_string()
            } else {
                venue
            };
            parts.push(format!("{title} ({place}: {publisher}, {date})"));
        }
        Kind::Newspaper => parts.extend([title, venue, date]),
        Kind::Journal | Kind::Magazine => {
            parts.push(title);
            match &src.locator {
                Some(l) => parts.push(format!(
                    "{venue} {}, no. {} ({date}): {}",
                    l.volume,
                    l.issue,
                    l.pages.replace('-', "–")
                )),
                None => parts.push(format!("{venue} ({date})")),
            }
        }
    }
    if let Some(n) = paragraph {
        parts.push(format!("para. {n}"));
    }
    if !m.doi.is_empty() {
        parts.push(format!("https://doi.org/{}", m.doi));
    }
    parts.push(format!("Silk Road Reader, {link}"));
    format!("{}.", parts.join(", "))
}

/// The parts of the source line of the plain and Markdown forms: who and what, where,
/// when (the paragraph and the link are added by the caller).
pub(super) fn source_pieces(src: &Source, lang: Lang) -> Vec<String> {
    let m = src.meta;
    let authors = src.authors();
    match lang {
        Lang::Zh => {
            let who = match authors.len() {
                0 => String::new(),
                1..=3 => format!("{}：", authors.join("、")),
                _ => format!("{}等：", authors[0]),
            };
            let marker = if m.title_editorial {
                "[编者拟题]"
            } else {
                ""
            };
            let venue = match (src.kind, m.venue.is_empty()) {
                (_, true) => "刊载出处不详".to_string(),
                (Kind::Book, false) => m.venue.clone(),
                (_, false) => format!("《{}》", m.venue),
            };
            let date = match src.year {
                None => "日期不详".to_string(),
                Some(y) => {
                    let mut d = format!("{}{y}年", if m.date_approx { "约" } else { "" });
                    if let Some(mm) = m.date.get(5..7).and_then(|v| v.parse::<u8>().ok()) {
                        d.push_str(&format!("{mm}月"));
                    }
                    if let Some(dd) = m.date.get(8..10).and_then(|v| v.parse::<u8>().ok()) {
                        d.push_str(&format!("{dd}日"));
                    }
                    d
                }
            };
            vec![format!("{who}《{}》{marker}", m.title.trim()), venue, date]
        }
        Lang::En => {
            let mut pieces = Vec::new();
            if !authors.is_empty() {
                pieces.push(english_authors(&authors));
            }
            let mut title = format!("“{}”", nest_quotes(m.title.trim()));
            if !m.title_en.is_empty() {
                title.push_str(&format!(" ({})", m.title_en.trim()));
            }
            if m.title_editorial {
                title.push_str(" [title supplied by editors]");
            }
            pieces.push(title);
            pieces.push(match (m.venue_en.is_empty(), m.venue.is_empty()) {
                (false, _) => m.venue_en.clone(),
                (true, false) => m.venue.clone(),
                (true, true) => "venue unknown".to_string(),
            });
            pieces.push(match (src.year, m.date_approx) {
                (None, _) => "date unknown".to_string(),
                (Some(y), true) => format!("c. {y}"),
                (Some(_), false) => m.date.clone(),
            });
            pieces
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(kind: &str) -> DocMeta {
        super::super::tests::meta(kind)
    }

    #[test]
    fn journal_locator_and_book_place_from_the_attribution() {
        let l = journal_locator(
            "Article by X, published in 中国工程科学 (Strategic Study of CAE), 2019, 21(4): 7-13.",
        )
        .unwrap();
        assert_eq!(
            (l.volume.as_str(), l.issue.as_str(), l.pages.as_str()),
            ("21", "4", "7-13")
        );
        assert!(journal_locator("Pan (潘云鹤) wrote (2019): nothing").is_none());
        let mut m = meta("book-excerpt");
        m.venue_en = "Publishing House of Electronics Industry".into();
        m.attribution =
            "published by the Publishing House of Electronics Industry, Beijing, 1st edition"
                .into();
        assert_eq!(book_place(&m), Some(("Beijing", "北京")));
        m.attribution = "published by the Publishing House of Electronics Industry.".into();
        assert_eq!(book_place(&m), None);
    }

    #[test]
    fn gbt_names_and_author_lists() {
        assert_eq!(gbt_name("Xihui Liu"), "LIU X");
        assert_eq!(gbt_name("Jean-Paul Sartre"), "SARTRE J P");
        assert_eq!(gbt_name("潘云鹤"), "潘云鹤");
        assert_eq!(english_authors(&["A", "B", "C"]), "A, B, and C");
        assert_eq!(english_authors(&["A", "B", "C", "D"]), "A et al.");
    }

    #[test]
    fn markdown_escapes_only_what_markdown_reads() {
        assert_eq!(
            md_escape("1. *a* [b] (c) d-e."),
            "1\\. \\*a\\* \\[b\\] (c) d-e."
        );
        assert_eq!(md_escape("# 标题"), "\\# 标题");
        assert_eq!(md_escape("- 一"), "\\- 一");
        assert_eq!(md_escape("2025年"), "2025年");
        assert_eq!(md_url("https://x.org/a b(c)"), "https://x.org/a%20b%28c%29");
    }
}
