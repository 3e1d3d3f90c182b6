//! The glossary model (`glossary/*.toml`, format in `glossary/FORMAT.md`) and its checks.
//!
//! Entries are written by people and read by people who rely on them, so the checks are
//! strict: unique ids, existing cross-references, well-formed pinyin, and every form that
//! the highlighter is asked to find must really occur in the corpus (or be marked
//! reference-only). Like `corpus`, this module depends on serde only: `build.rs` includes it.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The categories an entry can have, in the order the glossary page lists them.
pub const CATEGORIES: [&str; 7] = [
    "five-connectivity",
    "slogan",
    "programme",
    "institution",
    "acronym",
    "place-project",
    "concept",
];

/// One glossary entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub headword: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reference_only: bool,
    pub pinyin: String,
    pub category: String,
    pub english: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub english_official: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub english_alt: Vec<String>,
    pub def_zh: String,
    pub def_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin_zh: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context_zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_zh: String,
    pub confidence: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The file the entry came from (filled in by the loader, for messages).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

impl Term {
    /// Every written form the highlighter looks for: the headword first, then the variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.headword.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// The entry without its long texts (definitions, origin, context, flags, sources) and
    /// its links (parts, related): what the wasm embeds for highlighting, lists and search.
    /// Empty fields are left out of its JSON (11.3 → 9.2 kB brotli with the links).
    pub fn index_only(&self) -> Term {
        Term {
            def_zh: String::new(),
            def_en: String::new(),
            origin_en: String::new(),
            origin_zh: String::new(),
            context_en: String::new(),
            context_zh: String::new(),
            flag_en: String::new(),
            flag_zh: String::new(),
            english_official: String::new(),
            sources: Vec::new(),
            file: String::new(),
            // Links to other entries: shown only with the definitions.
            parts: Vec::new(),
            related: Vec::new(),
            ..self.clone()
        }
    }

    /// The five connectivity priorities (五通) get their own highlight colours.
    pub fn is_five(&self) -> bool {
        FIVE_IDS.contains(&self.id.as_str())
    }
}

/// The ids of the five 五通 terms, in their canonical order.
pub const FIVE_IDS: [&str; 5] = [
    "zheng-ce-gou-tong",
    "she-shi-lian-tong",
    "mao-yi-chang-tong",
    "zi-jin-rong-tong",
    "min-xin-xiang-tong",
];

/// The five 五通 headwords, in the order of [`FIVE_IDS`].
pub const FIVE_HEADWORDS: [&str; 5] = ["政策沟通", "设施联通", "贸易畅通", "资金融通", "民心相通"];
/// Their official English renderings (Vision and Actions, 2015), same order.
pub const FIVE_ENGLISH: [&str; 5] = [
    "policy coordination",
    "facilities connectivity",
    "unimpeded trade",
    "financial integration",
    "people-to-people bonds",
];

/// FNV-1a (64 bit) of a text: names the glossary file after its content, so a browser
/// or service worker never serves a stale one.
pub fn content_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A problem with one entry, naming the file, the entry and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryError {
    pub file: String,
    pub entry: String,
    pub reason: String,
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: entry \"{}\": {}",
            self.file, self.entry, self.reason
        )
    }
}

impl std::error::Error for GlossaryError {}

/// Checks the whole glossary. `occurs` tells whether a whitespace-free form occurs in the
/// corpus. Returns every problem found, not just the first.
pub fn validate(terms: &[Term], occurs: &dyn Fn(&str) -> bool) -> Vec<GlossaryError> {
    let mut errors = Vec::new();
    let mut push = |t: &Term, reason: String| {
        errors.push(GlossaryError {
            file: t.file.clone(),
            entry: if t.id.is_empty() {
                t.headword.clone()
            } else {
                t.id.clone()
            },
            reason,
        })
    };
    let mut seen_ids: HashMap<&str, &str> = HashMap::new();
    let mut seen_forms: HashMap<&str, &str> = HashMap::new();
    let ids: HashSet<&str> = terms.iter().map(|t| t.id.as_str()).collect();
    for t in terms {
        if !crate_is_id(&t.id) {
            push(t, "id must use a-z, 0-9 and '-' only".into());
        }
        if let Some(file) = seen_ids.insert(&t.id, &t.file) {
            push(t, format!("id is used twice (also in {file})"));
        }
        if !CATEGORIES.contains(&t.category.as_str()) {
            push(
                t,
                format!(
                    "category \"{}\" is not one of {}",
                    t.category,
                    CATEGORIES.join(", ")
                ),
            );
        }
        if !["high", "medium", "low"].contains(&t.confidence.as_str()) {
            push(
                t,
                format!(
                    "confidence \"{}\" must be high, medium or low",
                    t.confidence
                ),
            );
        }
        for (field, value) in [
            ("headword", &t.headword),
            ("english", &t.english),
            ("def_zh", &t.def_zh),
            ("def_en", &t.def_en),
        ] {
            if value.trim().is_empty() {
                push(t, format!("{field} is empty"));
            }
        }
        if let Err(reason) = check_pinyin(&t.pinyin, &t.headword) {
            push(t, reason);
        }
        for form in t.forms() {
            if form.chars().any(char::is_whitespace) {
                push(
                    t,
                    format!("form \"{form}\" must be written without whitespace"),
                );
            }
            if let Some(other) = seen_forms.insert(form, &t.id) {
                if other != t.id {
                    push(
                        t,
                        format!("form \"{form}\" also belongs to entry \"{other}\""),
                    );
                }
            }
        }
        let found: Vec<&str> = t.forms().filter(|f| occurs(f)).collect();
        if t.reference_only && !found.is_empty() {
            push(
                t,
                format!(
                    "marked reference_only, but \"{}\" occurs in the corpus",
                    found[0]
                ),
            );
        }
        if !t.reference_only {
            for form in t.forms().filter(|f| !occurs(f)) {
                push(t, format!("\"{form}\" does not occur in the corpus (fix it, or mark the entry reference_only)"));
            }
        }
        for (field, list) in [("parts", &t.parts), ("related", &t.related)] {
            for target in list {
                if !ids.contains(target.as_str()) {
                    push(
                        t,
                        format!("{field} names \"{target}\", which is not an entry"),
                    );
                } else if target == &t.id {
                    push(t, format!("{field} names the entry itself"));
                }
            }
        }
    }
    errors
}

fn crate_is_id(s: &str) -> bool {
    super::corpus::is_id(s)
}

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// Pinyin: lowercase (capitals allowed for proper nouns) syllables of Latin letters with
/// tone marks, separated by single spaces (words may join syllables: Zhōngguó); digits and
/// a few joiners pass through for headwords such as 中国制造2025. Empty only for headwords
/// written in Latin script (acronyms).
pub fn check_pinyin(pinyin: &str, headword: &str) -> Result<(), String> {
    let has_han = headword.chars().any(is_han);
    if pinyin.is_empty() {
        return if has_han {
            Err("pinyin is empty for a Chinese headword".into())
        } else {
            Ok(())
        };
    }
    if pinyin.starts_with(' ') || pinyin.ends_with(' ') || pinyin.contains("  ") {
        return Err(format!(
            "pinyin \"{pinyin}\": syllables are separated by single spaces"
        ));
    }
    for syllable in pinyin.split(' ') {
        if let Some(bad) = syllable.chars().find(|c| {
            !(c.is_ascii_alphanumeric() || TONED.contains(*c) || "-'·.+–—/,、()".contains(*c))
        }) {
            return Err(format!("pinyin \"{pinyin}\": unexpected character '{bad}'"));
        }
    }
    let han = headword.chars().filter(|c| is_han(*c)).count();
    let toned = pinyin
        .split([' ', '-', '\''])
        .filter(|s| s.chars().any(|c| TONED.contains(c)))
        .count();
    if han > 0 && toned == 0 {
        return Err(format!("pinyin \"{pinyin}\" has no tone marks"));
    }
    Ok(())
}

/// CJK unified ideographs, including the extensions.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures;

    /// A complete entry: it passes every check when its headword occurs in the corpus.
    fn term(id: &str, headword: &str) -> Term {
        Term {
            def_zh: "定义".into(),
            def_en: "definition".into(),
            file: "glossary/slogans.toml".into(),
            ..fixtures::term(id, headword)
                .with_pinyin("xiǎo ér měi")
                .with_english("small yet smart")
        }
    }

    #[test]
    fn a_good_entry_passes() {
        let errors = validate(&[term("xiao-er-mei", "小而美")], &|f| f == "小而美");
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn names_file_entry_and_reason() {
        let mut a = term("xiao-er-mei", "小而美");
        a.related = vec!["missing".into()];
        let b = term("xiao-er-mei", "小而美项目");
        let errors = validate(&[a, b], &|_| true);
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(text.iter().any(|e| e
            == "glossary/slogans.toml: entry \"xiao-er-mei\": related names \"missing\", which is not an entry"));
        assert!(text.iter().any(|e| e.contains("id is used twice")));
    }

    #[test]
    fn forms_must_occur_unless_reference_only() {
        let errors = validate(&[term("ya-tou-hang", "亚投行")], &|_| false);
        assert!(errors[0].reason.contains("does not occur"));
        let mut t = term("ya-tou-hang", "亚投行");
        t.reference_only = true;
        assert!(validate(&[t], &|_| false).is_empty());
    }

    #[test]
    fn pinyin_rules() {
        assert!(check_pinyin("yī dài yī lù", "一带一路").is_ok());
        assert!(check_pinyin("Zhōngguó Zhìzào 2025", "中国制造2025").is_ok());
        assert!(check_pinyin("", "AEO").is_ok());
        assert!(check_pinyin("", "一带一路").is_err());
        assert!(check_pinyin("yi dai yi lu", "一带一路").is_err());
        assert!(check_pinyin("yī  dài", "一带").is_err());
        assert!(check_pinyin("yi1 dai4", "一带").is_err());
        assert!(check_pinyin("yī dài 一", "一带").is_err());
    }
}
