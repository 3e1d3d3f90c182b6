//! Finds glossary entries by Chinese, pinyin or English, for the search page and the
//! glossary filter.
//!
//! Why pinyin is normalised: people type pinyin without tone marks, with or without
//! spaces, and write ü as u or v. Comparing keys reduced to letters and digits makes
//! "xiaoermei", "xiao er mei" and "xiǎo ér měi" the same query.

use super::normalize;
use crate::core::glossary::Term;
use crate::core::order;
use crate::core::terms::TermMatcher;
use serde::{Deserialize, Serialize};

/// Which field of the entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchField {
    Headword,
    Variant,
    Pinyin,
    English,
}

/// How well it matched; better first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchQuality {
    /// The whole field equals the query.
    Exact,
    /// The field starts with the query.
    Prefix,
    /// The query occurs inside the field.
    Contains,
}

/// One entry found by [`glossary_matches`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryMatch {
    /// Index of the entry in the glossary slice.
    pub term: usize,
    pub id: String,
    pub field: MatchField,
    pub quality: MatchQuality,
}

/// Reduces pinyin (or a query) to a comparison key: tone marks stripped, ü written v,
/// lowercase, letters and digits only (spaces, apostrophes and hyphens dropped).
pub fn pinyin_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
            'ń' | 'ň' | 'ǹ' => 'n',
            'ḿ' => 'm',
            // Combining tone marks (a query typed in decomposed form).
            '\u{0300}'..='\u{036F}' => continue,
            c if c.is_ascii_alphanumeric() => c,
            _ => continue,
        };
        out.push(base);
    }
    out
}

fn quality(field: &str, query: &str) -> Option<MatchQuality> {
    if field == query {
        Some(MatchQuality::Exact)
    } else if field.starts_with(query) {
        Some(MatchQuality::Prefix)
    } else if field.contains(query) {
        Some(MatchQuality::Contains)
    } else {
        None
    }
}

/// Lowercase words, without a leading article ("the Belt and Road" = "Belt and Road").
fn words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() > 1 && ["the", "a", "an"].contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

/// How an English rendering matches the query words: exact (same words), prefix (its
/// words start with the query's, in order), contains (every query word starts some word).
fn english_quality(field: &str, query: &[String]) -> Option<(MatchQuality, usize)> {
    let field = words(field);
    if query.is_empty() {
        return None;
    }
    if field == query {
        return Some((MatchQuality::Exact, field.len()));
    }
    let prefix = field.len() >= query.len()
        && query.iter().zip(&field).enumerate().all(|(i, (q, f))| {
            if i + 1 == query.len() {
                f.starts_with(q.as_str())
            } else {
                f == q
            }
        });
    if prefix {
        return Some((MatchQuality::Prefix, field.len()));
    }
    query
        .iter()
        .all(|q| field.iter().any(|f| f.starts_with(q.as_str())))
        .then_some((MatchQuality::Contains, field.len()))
}

/// Entries matching `query` by headword or variant (substring, whitespace and case
/// ignored), pinyin (key substring, see [`pinyin_key`]) or English (`english` and
/// `english_alt`, by words, a leading article ignored). Each entry appears once, with its
/// best match. Exact matches come first, then prefixes, then the rest; within each, the
/// shorter field (the closer match) first, then glossary order.
pub fn glossary_matches(terms: &[Term], query: &str) -> Vec<GlossaryMatch> {
    let chinese = normalize(query);
    if chinese.is_empty() {
        return Vec::new();
    }
    let latin = query
        .chars()
        .any(|c| c.is_alphabetic() && !crate::core::text::is_han(c));
    let pinyin = if latin {
        pinyin_key(query)
    } else {
        String::new()
    };
    let english = if latin { words(query) } else { Vec::new() };
    let with_len = |field: &str, q: &str| quality(field, q).map(|m| (m, field.chars().count()));
    let mut found = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        // (quality, length of the matched field, field)
        let mut best: Option<(MatchQuality, usize, MatchField)> = None;
        let mut consider = |m: Option<(MatchQuality, usize)>, f: MatchField| {
            if let Some((q, len)) = m {
                if best.is_none_or(|b| (q, len, f) < b) {
                    best = Some((q, len, f));
                }
            }
        };
        consider(
            with_len(&normalize(&t.headword), &chinese),
            MatchField::Headword,
        );
        for v in &t.variants {
            consider(with_len(&normalize(v), &chinese), MatchField::Variant);
        }
        if !pinyin.is_empty() && !t.pinyin.is_empty() {
            let key = pinyin_key(&t.pinyin);
            consider(with_len(&key, &pinyin), MatchField::Pinyin);
            // ü typed as u.
            consider(
                with_len(&key.replace('v', "u"), &pinyin),
                MatchField::Pinyin,
            );
        }
        if !english.is_empty() {
            for e in std::iter::once(&t.english).chain(&t.english_alt) {
                consider(english_quality(e, &english), MatchField::English);
            }
        }
        if let Some((quality, len, field)) = best {
            found.push((
                quality,
                len,
                GlossaryMatch {
                    term: i,
                    id: t.id.clone(),
                    field,
                    quality,
                },
            ));
        }
    }
    order::sort_by_key(&mut found, |(q, len, m)| (*q, *len, m.term));
    found.into_iter().map(|(_, _, m)| m).collect()
}

/// The entries a lookup offers, as glossary indices, at most `limit`: those matching the
/// query ([`glossary_matches`]), then those written inside it, in the order they appear
/// (found by `matcher`, the same longest-match rules as the highlighter): a phrase
/// selected in the text ("推进国际产能合作") offers the entry it holds (国际产能合作).
pub fn lookup_entries(
    terms: &[Term],
    matcher: &TermMatcher,
    query: &str,
    limit: usize,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let within = matcher.find(query).into_iter().map(|h| h.term);
    for term in glossary_matches(terms, query)
        .into_iter()
        .map(|m| m.term)
        .chain(within)
    {
        if out.len() == limit {
            break;
        }
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::term;

    fn glossary() -> Vec<Term> {
        let mut lv = term("lv-se", "绿色丝绸之路")
            .with_pinyin("lǜ sè sī chóu zhī lù")
            .with_english("Green Silk Road");
        lv.english_alt = vec!["green BRI".into()];
        vec![
            term("xiao-er-mei", "小而美")
                .with_pinyin("xiǎo ér měi")
                .with_english("small yet smart"),
            term("gong-shang", "共商共建共享")
                .with_variants(&["共商、共建、共享"])
                .with_pinyin("gòng shāng gòng jiàn gòng xiǎng")
                .with_english("extensive consultation, joint contribution and shared benefits"),
            lv,
            term("aeo", "AEO").with_english("Authorised Economic Operator"),
            term("xi-an", "西安")
                .with_pinyin("Xī'ān")
                .with_english("Xi'an"),
        ]
    }

    fn ids(q: &str) -> Vec<String> {
        glossary_matches(&glossary(), q)
            .into_iter()
            .map(|m| m.id)
            .collect()
    }

    #[test]
    fn pinyin_with_or_without_tones_and_spaces() {
        for q in [
            "xiaoermei",
            "xiao er mei",
            "xiǎo ér měi",
            "XIAO'ER'MEI",
            "xia\u{0301}o",
        ] {
            assert_eq!(ids(q), ["xiao-er-mei"], "{q}");
        }
        let m = &glossary_matches(&glossary(), "xiao er mei")[0];
        assert_eq!(
            (m.field, m.quality),
            (MatchField::Pinyin, MatchQuality::Exact)
        );
        assert_eq!(pinyin_key("Xī'ān 2025"), "xian2025");
        // Exact first; 共享 gòng xiǎng contains "xian" too.
        assert_eq!(ids("xian"), ["xi-an", "gong-shang"]);
    }

    #[test]
    fn a_lookup_offers_the_entries_inside_a_phrase_too() {
        let g = glossary();
        let matcher = TermMatcher::new(&g);
        let ids = |q: &str, limit: usize| -> Vec<&str> {
            lookup_entries(&g, &matcher, q, limit)
                .into_iter()
                .map(|i| g[i].id.as_str())
                .collect()
        };
        // Inside the phrase, in reading order; none twice.
        assert_eq!(
            ids("建设小而美的绿色丝绸之路，小而美", 12),
            ["xiao-er-mei", "lv-se"]
        );
        // What matches the query comes first: 西安 (exact pinyin), then 共商共建共享 (contains
        // "xian"), no entry is written inside "xian".
        assert_eq!(ids("xian", 12), ["xi-an", "gong-shang"]);
        // A query that is a part of an entry, and an entry inside it: each once.
        assert_eq!(ids("小而美", 12), ["xiao-er-mei"]);
        assert_eq!(ids("建设小而美的绿色丝绸之路", 1), ["xiao-er-mei"]);
        assert!(ids("制造业", 12).is_empty());
    }

    #[test]
    fn u_umlaut_as_v_or_u() {
        assert_eq!(ids("lvse"), ["lv-se"]);
        assert_eq!(ids("luse"), ["lv-se"]);
        assert_eq!(ids("lǜsè"), ["lv-se"]);
    }

    #[test]
    fn chinese_by_headword_or_variant() {
        assert_eq!(ids("共建"), ["gong-shang"]);
        let m = &glossary_matches(&glossary(), "共商、共建")[0];
        assert_eq!(
            (m.field, m.quality),
            (MatchField::Variant, MatchQuality::Prefix)
        );
        assert_eq!(ids("小 而"), ["xiao-er-mei"]);
        assert!(ids("丝路").is_empty());
    }

    #[test]
    fn english_by_words_case_insensitive() {
        assert_eq!(ids("Joint Contribution"), ["gong-shang"]);
        assert_eq!(ids("green"), ["lv-se"]);
        assert_eq!(ids("bri green"), ["lv-se"]);
        assert_eq!(ids("aeo"), ["aeo"], "headword, case-insensitive");
        assert_eq!(ids("economic operator"), ["aeo"]);
        assert!(
            ids("reen").is_empty(),
            "English matches whole words from their start"
        );
    }

    #[test]
    fn exact_matches_rank_first() {
        // "small" is a prefix of 小而美's English; "xiao" a pinyin prefix; exact beats both.
        let gl = glossary();
        let m = glossary_matches(&gl, "green silk road");
        assert_eq!(
            (m[0].id.as_str(), m[0].quality),
            ("lv-se", MatchQuality::Exact)
        );
        let m = glossary_matches(&gl, "s");
        assert!(m.windows(2).all(|w| w[0].quality <= w[1].quality));
        // A leading article does not count; the shorter field wins among prefixes.
        let mut gl = gl;
        gl.push(term("sym", "座谈会").with_english("Symposium on the Green Silk Road"));
        gl.push(term("gsr", "绿丝路").with_english("the Green Silk Road Fund"));
        let m: Vec<(String, MatchQuality)> = glossary_matches(&gl, "the green silk road")
            .into_iter()
            .map(|m| (m.id, m.quality))
            .collect();
        assert_eq!(
            m,
            [
                ("lv-se".into(), MatchQuality::Exact),
                ("gsr".into(), MatchQuality::Prefix),
                ("sym".into(), MatchQuality::Contains)
            ]
        );
        assert!(glossary_matches(&gl, " ").is_empty());
    }
}
