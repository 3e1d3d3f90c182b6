//! The glossary data: at least 100 checked entries, the five 五通 terms with their
//! formula, the priority entries the issue names, and errors that name file, entry and
//! reason when an entry is wrong.

use silk_road_reader::core::bundle::bundle;
use silk_road_reader::core::glossary::{validate, Term, FIVE_IDS};
use silk_road_reader::core::text::strip_whitespace;

fn corpus_has(form: &str) -> bool {
    bundle()
        .docs
        .iter()
        .flat_map(|d| d.blocks.iter())
        .any(|b| strip_whitespace(&b.text).contains(form))
}

#[test]
fn the_shipped_glossary_is_valid_and_large_enough() {
    let terms = &bundle().terms;
    assert!(terms.len() >= 100, "{} entries", terms.len());
    let errors = validate(terms, &corpus_has);
    assert!(
        errors.is_empty(),
        "{}",
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn five_connectivities_and_priority_entries_are_complete() {
    let b = bundle();
    let wu_tong = b.term("wu-tong").expect("五通");
    assert_eq!(wu_tong.parts, FIVE_IDS.map(String::from).to_vec());
    for id in FIVE_IDS {
        let t = b.term(id).expect(id);
        assert!(!t.def_en.is_empty() && !t.def_zh.is_empty() && !t.pinyin.is_empty());
    }
    for headword in [
        "一轴两翼",
        "小而美",
        "硬联通",
        "软联通",
        "心联通",
        "六廊六路多国多港",
        "五通三同",
        "三同",
        "走出去",
        "AEO",
        "PPP",
    ] {
        let t = b
            .terms
            .iter()
            .find(|t| t.headword == headword)
            .unwrap_or_else(|| panic!("{headword} is in the glossary"));
        assert!(
            !t.origin_en.is_empty() || !t.origin_zh.is_empty(),
            "{headword} has an origin"
        );
        assert!(!t.sources.is_empty(), "{headword} cites sources");
    }
    let xiao = b.term("xiao-er-mei").unwrap();
    assert_eq!(xiao.english, "small yet smart");
    assert!(xiao
        .english_alt
        .iter()
        .any(|a| a.contains("small and beautiful")));
    let yzly = b.term("yi-zhou-liang-yi").unwrap();
    assert!(
        !yzly.context_en.is_empty(),
        "一轴两翼 says which sense applies here"
    );
    let san_tong = b.term("san-tong").unwrap();
    assert_eq!(san_tong.parts.len(), 3, "三同 → three communities");
}

#[test]
fn a_bad_file_is_reported_with_file_entry_and_reason() {
    // The same deserialisation build.rs uses: a TOML error names the line.
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct File {
        term: Vec<Term>,
    }
    let err = toml::from_str::<File>("[[term]]\nid = \"x\"\nheadword = 3\n")
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("line 3"), "{err}");
    let mut t = bundle().term("xiao-er-mei").unwrap().clone();
    t.file = "glossary/slogans.toml".into();
    t.related = vec!["no-such-entry".into()];
    t.pinyin = "xiao er mei".into();
    let errors: Vec<String> = validate(&[t], &corpus_has)
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.iter().any(|e| e.starts_with(
            "glossary/slogans.toml: entry \"xiao-er-mei\": related names \"no-such-entry\""
        )),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("no tone marks")),
        "{errors:?}"
    );
}
