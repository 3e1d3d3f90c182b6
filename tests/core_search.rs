//! Search, concordance, glossary lookup, term analytics and citations against the real
//! bundled corpus and glossary. No timings here: speed belongs to a benchmark.

use silk_road_reader::core::analysis;
use silk_road_reader::core::bundle::{bundle, Bundle};
use silk_road_reader::core::citation::{self, cite, deep_link, percent_decode, CiteRequest};
use silk_road_reader::core::i18n::Lang;
use silk_road_reader::core::route::Route;
use silk_road_reader::core::search::{
    self, glossary_matches, grouped_bar_chart, index, kwic_csv, normalize, ChartSpec,
    ConcordanceQuery, KwicLine, KwicSort, MatchField, SearchIndex, SearchMode, KWIC_WIDTH,
};
use silk_road_reader::core::terms::TermMatcher;

const BASE: &str = "https://example.org/silk-road/";

/// The index of the whole corpus (the host build embeds every text).
fn full_index() -> &'static SearchIndex<'static> {
    index().expect("the host build has every text")
}

fn b() -> &'static Bundle {
    bundle()
}

/// Occurrences of `needle` in the whitespace-free text of each document's blocks.
fn naive_counts(needle: &str) -> Vec<usize> {
    b().docs
        .iter()
        .map(|d| {
            d.blocks
                .iter()
                .map(|bl| normalize(&bl.text).matches(needle).count())
                .sum()
        })
        .collect()
}

fn text_of(line: &KwicLine) -> &'static str {
    &b().docs[line.doc].blocks[line.block].text
}

#[test]
fn the_corpus_and_glossary_are_there() {
    assert_eq!(b().docs.len(), 8);
    assert!(b().terms.len() > 50);
}

#[test]
fn word_mode_excludes_he_zuo_inside_chan_neng_he_zuo_substring_includes_it() {
    let word = full_index().hits("合作", SearchMode::Word).unwrap();
    let sub = full_index().hits("合作", SearchMode::Substring).unwrap();
    let after_chan_neng =
        |hits: &[KwicLine]| hits.iter().filter(|h| h.left.ends_with("产能")).count();
    assert!(
        after_chan_neng(&sub) > 20,
        "产能合作 is frequent in the corpus"
    );
    assert_eq!(
        after_chan_neng(&word),
        0,
        "the word 合作, never the end of 产能合作"
    );
    assert!(word.len() < sub.len());
    // Every word hit is also a substring hit.
    for w in &word {
        assert!(sub
            .iter()
            .any(|s| s.doc == w.doc && s.block == w.block && s.range == w.range));
    }
    // Substring mode finds exactly what a plain count finds.
    assert_eq!(sub.len(), naive_counts("合作").iter().sum::<usize>());
    // 产能合作 itself is found as a word.
    assert!(
        full_index()
            .hits("产能合作", SearchMode::Word)
            .unwrap()
            .len()
            > 20
    );
}

#[test]
fn yi_dai_yi_lu_is_found_wherever_it_occurs() {
    let results = full_index().search("一带一路", SearchMode::Word).unwrap();
    let expected = naive_counts("一带一路");
    for (d, doc) in b().docs.iter().enumerate() {
        let found = results
            .docs
            .iter()
            .find(|h| h.doc == d)
            .map_or(0, |h| h.count());
        assert_eq!(found, expected[d], "{}", doc.meta.id);
    }
    // Five of the eight texts are about the Belt and Road; three (industrial policy) never
    // name it.
    let with: Vec<&str> = results.docs.iter().map(|d| d.doc_id.as_str()).collect();
    assert_eq!(with.len(), 5, "{with:?}");
    for id in [
        "lv-liu-manufacturing-quality",
        "industrial-internet-2023",
        "modern-industrial-system-2023",
    ] {
        assert!(!with.contains(&id));
    }
    assert_eq!(
        results.total,
        full_index()
            .hits("一带一路", SearchMode::Substring)
            .unwrap()
            .len()
    );
}

#[test]
fn kwic_lines_are_consistent_with_the_text() {
    for (q, mode) in [
        ("合作", SearchMode::Word),
        ("一带一路", SearchMode::Word),
        ("高质量发展", SearchMode::Substring),
        ("设施联通", SearchMode::Word),
        ("的", SearchMode::Substring),
    ] {
        let hits = full_index().hits(q, mode).unwrap();
        assert!(!hits.is_empty(), "{q}");
        for h in &hits {
            let text = text_of(h);
            assert_eq!(h.keyword, q, "the keyword is the query");
            assert_eq!(h.range.slice(text), h.keyword);
            assert_eq!(b().docs[h.doc].blocks[h.block].id, h.block_id);
            assert!(h.left.chars().count() <= KWIC_WIDTH && h.right.chars().count() <= KWIC_WIDTH);
            assert!(text[..h.range.start.byte].ends_with(&h.left));
            assert!(text[h.range.end.byte..].starts_with(&h.right));
            assert_eq!(h.left_cut, h.left.len() < h.range.start.byte);
            assert_eq!(h.right_cut, h.right.len() < text.len() - h.range.end.byte);
            let utf16: usize = text[..h.range.start.byte].encode_utf16().count();
            assert_eq!(h.range.start.utf16, utf16);
            assert_eq!(
                h.range.start.char,
                text[..h.range.start.byte].chars().count()
            );
        }
    }
}

#[test]
fn documents_rank_by_hits_and_hits_stay_in_reading_order() {
    let r = full_index().search("合作", SearchMode::Substring).unwrap();
    assert_eq!(r.total, r.docs.iter().map(|d| d.count()).sum::<usize>());
    for w in r.docs.windows(2) {
        assert!(
            w[0].count() > w[1].count() || (w[0].count() == w[1].count() && w[0].doc < w[1].doc)
        );
    }
    for d in &r.docs {
        assert!(d
            .hits
            .windows(2)
            .all(|w| (w[0].block, w[0].range.start.byte) < (w[1].block, w[1].range.start.byte)));
        assert!(d.hits.iter().all(|h| h.doc == d.doc));
    }
}

#[test]
fn latin_text_is_found_without_regard_to_case() {
    let upper = full_index().hits("APEC", SearchMode::Word).unwrap();
    assert!(!upper.is_empty());
    assert_eq!(full_index().hits("apec", SearchMode::Word).unwrap(), upper);
    assert_eq!(upper[0].keyword, "APEC");
}

#[test]
fn word_mode_finds_every_glossary_form_the_highlighter_finds() {
    let matcher = TermMatcher::new(&b().terms);
    for (t, term) in b().terms.iter().enumerate() {
        for form in term.forms() {
            let hits = full_index().hits(form, SearchMode::Word).unwrap();
            for occ in analysis::occurrences(b(), &matcher, t) {
                let text = &b().docs[occ.doc].blocks[occ.block].text;
                if normalize(occ.range.slice(text)) != normalize(form) {
                    continue;
                }
                assert!(
                    hits.iter()
                        .any(|h| h.doc == occ.doc && h.block == occ.block && h.range == occ.range),
                    "{form} in {} {}",
                    b().docs[occ.doc].meta.id,
                    b().docs[occ.doc].blocks[occ.block].id
                );
            }
        }
    }
}

#[test]
fn concordance_of_a_term_lists_every_occurrence_sorted() {
    let matcher = TermMatcher::new(&b().terms);
    let t = b()
        .terms
        .iter()
        .position(|t| t.id == "yi-dai-yi-lu")
        .expect("the entry 一带一路");
    let q = ConcordanceQuery::from_param(b(), "yi-dai-yi-lu");
    let lines = full_index().concordance(&q, KwicSort::Left).unwrap();
    assert_eq!(lines.len(), analysis::occurrences(b(), &matcher, t).len());
    let key = |l: &KwicLine| l.left.chars().rev().collect::<String>();
    assert!(lines.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
    let by_right = full_index().concordance(&q, KwicSort::Right).unwrap();
    assert!(by_right.windows(2).all(|w| w[0].right <= w[1].right));
    let q = ConcordanceQuery::from_param(b(), "产能合作");
    assert_eq!(
        q,
        ConcordanceQuery::Text {
            query: "产能合作".into(),
            mode: SearchMode::Word
        }
    );
}

/// A small RFC 4180 reader, to check that the export reads back field for field.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_export_quotes_commas_quotes_and_newlines() {
    let mut lines = full_index()
        .concordance(
            &ConcordanceQuery::Term("yi-dai-yi-lu".into()),
            KwicSort::Document,
        )
        .unwrap();
    lines.truncate(3);
    lines[0].left = "a, \"b\"".into();
    lines[1].right = "line one\nline two".into();
    let csv = kwic_csv(b(), &lines, BASE, Lang::En);
    assert!(csv.starts_with('\u{FEFF}'), "a BOM for Excel");
    assert!(csv.contains("\"a, \"\"b\"\"\""));
    assert!(csv.contains("\"line one\nline two\""));
    assert!(csv.ends_with("\r\n"));
    let rows = parse_csv(csv.trim_start_matches('\u{FEFF}'));
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        [
            "document id",
            "document title",
            "paragraph id",
            "left",
            "keyword",
            "right",
            "link"
        ]
    );
    for (row, line) in rows[1..].iter().zip(&lines) {
        let doc = &b().docs[line.doc];
        assert_eq!(row[0], doc.meta.id);
        assert_eq!(row[1], doc.meta.title, "titles with “” survive");
        assert_eq!(row[2], line.block_id);
        assert_eq!(
            (&row[3], &row[4], &row[5]),
            (&line.left, &line.keyword, &line.right)
        );
        assert_eq!(
            row[6],
            format!("{BASE}#/doc/{}/p/{}", doc.meta.id, line.block_id)
        );
    }
}

#[test]
fn glossary_lookup_by_pinyin_without_tones_chinese_and_english() {
    for q in ["xiaoermei", "xiao er mei", "xiǎo ér měi", "XiaoErMei"] {
        let m = glossary_matches(&b().terms, q);
        assert_eq!(m.first().map(|m| m.id.as_str()), Some("xiao-er-mei"), "{q}");
        assert_eq!(m[0].field, MatchField::Pinyin);
    }
    assert_eq!(
        glossary_matches(&b().terms, "yidaiyilu")[0].id,
        "yi-dai-yi-lu"
    );
    assert_eq!(glossary_matches(&b().terms, "小而美")[0].id, "xiao-er-mei");
    assert_eq!(
        glossary_matches(&b().terms, "Belt and Road")[0].id,
        "yi-dai-yi-lu"
    );
    assert_eq!(
        glossary_matches(&b().terms, "policy coordination")[0].id,
        "zheng-ce-gou-tong"
    );
    assert!(glossary_matches(&b().terms, "zzzz").is_empty());
}

#[test]
fn term_analytics_and_chart() {
    let five = full_index().five_counts();
    assert_eq!(five.len(), 8);
    let pan = b().doc_index("pan-2019-manufacturing").unwrap();
    assert!(
        five[pan].iter().all(|&c| c > 0),
        "the journal article names all five"
    );
    let stats = full_index().term_stats(5);
    assert_eq!(stats[pan].five, five[pan]);
    assert!(stats
        .iter()
        .all(|s| s.top.len() <= 5 && s.top.windows(2).all(|w| w[0].count >= w[1].count)));
    assert_eq!(full_index().top_terms(pan, 1)[0].id, "yi-dai-yi-lu");
    let values: Vec<Vec<f64>> = five
        .iter()
        .map(|f| f.iter().map(|&c| c as f64).collect())
        .collect();
    let chart = grouped_bar_chart(&values, &ChartSpec::default());
    assert_eq!(chart.bars.len(), 40);
    assert_eq!(chart.groups.len(), 8);
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    assert!(chart.axis_max >= max);
    let baseline = chart.plot.y + chart.plot.height;
    for bar in &chart.bars {
        assert!((bar.rect.y + bar.rect.height - baseline).abs() < 0.02);
        assert!(
            bar.rect.x >= chart.plot.x
                && bar.rect.x + bar.rect.width <= chart.plot.x + chart.plot.width + 0.01
        );
    }
}

/// Cites the first `chars` characters of a paragraph; returns the citation and the quote.
fn cite_first_words(
    doc: &str,
    para: &str,
    chars: usize,
    lang: Lang,
) -> (citation::Citation, String) {
    let d = b().doc(doc).unwrap();
    let quote: String = d.block(para).unwrap().text.chars().take(chars).collect();
    let c = cite(
        b(),
        &CiteRequest {
            doc,
            para,
            quote: &quote,
            base_url: BASE,
            lang,
        },
    )
    .unwrap();
    (c, quote)
}

#[test]
fn citation_of_the_journal_article() {
    let (c, quote) = cite_first_words("pan-2019-manufacturing", "p1", 12, Lang::Zh);
    assert_eq!(c.paragraph, Some(1));
    assert_eq!(
        c.gbt7714,
        "潘云鹤, LIU X, MING X, 等. “一带一路”倡议下中国制造业国际合作的机遇与挑战[编者拟题][J]. 中国工程科学, 2019, 21(4): 7-13. DOI:10.15302/J-SSCAE-2019.04.002. 第1段. https://example.org/silk-road/#/doc/pan-2019-manufacturing/p/p1"
    );
    assert_eq!(
        c.chicago,
        "潘云鹤 et al., “‘一带一路’倡议下中国制造业国际合作的机遇与挑战” [Opportunities and Challenges for International Cooperation of China’s Manufacturing Industry under the Belt and Road Initiative] [title supplied by editors], 中国工程科学 [Strategic Study of CAE] 21, no. 4 (2019): 7–13, para. 1, https://doi.org/10.15302/J-SSCAE-2019.04.002, Silk Road Reader, https://example.org/silk-road/#/doc/pan-2019-manufacturing/p/p1."
    );
    assert_eq!(
        c.plain,
        format!("“{quote}”——潘云鹤等：《“一带一路”倡议下中国制造业国际合作的机遇与挑战》[编者拟题]，《中国工程科学》，2019年，第1段。{}", c.link)
    );
    assert_eq!(
        c.link,
        format!("{}?q={}", c.para_link, citation::percent_encode(&quote))
    );
    assert_eq!(
        c.markdown,
        format!("> {quote}\n\n——潘云鹤等：《“一带一路”倡议下中国制造业国际合作的机遇与挑战》\\[编者拟题\\]，《中国工程科学》，2019年，[第1段]({})。", c.link)
    );
    let (en, _) = cite_first_words("pan-2019-manufacturing", "p1", 12, Lang::En);
    assert!(
        en.plain.contains(" — 潘云鹤 et al., “‘一带一路’倡议下"),
        "{}",
        en.plain
    );
    assert!(en
        .plain
        .contains("[title supplied by editors], Strategic Study of CAE, 2019, para. 1. https://"));
    assert_eq!(
        en.chicago, c.chicago,
        "Chicago is English whatever the interface language"
    );
}

#[test]
fn citation_of_a_newspaper_piece_with_an_editorial_title() {
    let (c, _) = cite_first_words("finance-bri-lanzhou", "p1", 10, Lang::Zh);
    assert_eq!(
        c.gbt7714,
        "佚名. 金融支持共建“一带一路”[编者拟题][N]. [报纸名不详], [2019]. 第1段. https://example.org/silk-road/#/doc/finance-bri-lanzhou/p/p1"
    );
    assert!(
        c.plain
            .contains("——《金融支持共建“一带一路”》[编者拟题]，刊载出处不详，约2019年，第1段。"),
        "{}",
        c.plain
    );
    assert!(
        c.chicago
            .starts_with("“金融支持共建‘一带一路’” [Financial support"),
        "{}",
        c.chicago
    );
    assert!(c
        .chicago
        .contains("[title supplied by editors], [venue unknown], ca. 2019, para. 1,"));
    let (en, _) = cite_first_words("finance-bri-lanzhou", "p1", 10, Lang::En);
    assert!(
        en.plain
            .contains("[title supplied by editors], venue unknown, c. 2019, para. 1. https://"),
        "{}",
        en.plain
    );
    // A signed newspaper article with a known title.
    let (c, _) = cite_first_words("lv-liu-manufacturing-quality", "p1", 10, Lang::Zh);
    assert!(
        c.gbt7714.starts_with(
            "吕铁, 刘丹. 我国制造业高质量发展的基本思路与举措[N]. [报纸名不详], [2019]. 第1段. "
        ),
        "{}",
        c.gbt7714
    );
}

#[test]
fn citation_of_the_book() {
    let doc = b().doc("li-zhu-2018-capacity-book").unwrap();
    let first = doc.paragraphs().find(|p| !p.details).unwrap();
    let c = cite(
        b(),
        &CiteRequest {
            doc: &doc.meta.id,
            para: &first.id,
            quote: "",
            base_url: BASE,
            lang: Lang::Zh,
        },
    )
    .unwrap();
    assert_eq!(c.paragraph, Some(1));
    let link = format!(
        "https://example.org/silk-road/#/doc/li-zhu-2018-capacity-book/p/{}",
        first.id
    );
    assert_eq!(c.link, link, "no quote, no ?q=");
    assert_eq!(c.gbt7714, format!("李芳芳, 朱健. “一带一路”工业文明·产能合作[M]. 北京: 电子工业出版社, 2018. 第1段. {link}"));
    assert_eq!(
        c.chicago,
        format!("李芳芳 and 朱健, “一带一路”工业文明·产能合作 [\"The Belt and Road\" Industrial Civilization: Production Capacity Cooperation] (Beijing: 电子工业出版社 [Publishing House of Electronics Industry], 2018), para. 1, Silk Road Reader, {link}.")
    );
    assert_eq!(c.plain, format!("李芳芳、朱健：《“一带一路”工业文明·产能合作》，电子工业出版社，2018年9月，第1段。{link}"));
}

#[test]
fn every_paragraph_of_every_document_can_be_cited_and_linked_back() {
    for doc in &b().docs {
        for (n, p) in doc.paragraphs().filter(|p| !p.details).enumerate() {
            let quote: String = if p.text.chars().count() > 6 {
                p.text.chars().skip(2).take(15).collect()
            } else {
                p.text.clone()
            };
            for lang in [Lang::Zh, Lang::En] {
                let req = CiteRequest {
                    doc: &doc.meta.id,
                    para: &p.id,
                    quote: &quote,
                    base_url: BASE,
                    lang,
                };
                let c = cite(b(), &req).unwrap();
                assert_eq!(c.paragraph, Some(n + 1));
                assert!(c.plain.contains(&c.link) && c.gbt7714.ends_with(&c.para_link));
                // The reader's router reads the link back, quote included.
                let hash = &c.link[BASE.len()..];
                match Route::parse(hash) {
                    Route::Doc {
                        doc: d,
                        para: Some(para),
                        quote: Some(q),
                    } => {
                        assert_eq!(
                            (d.as_str(), para.as_str(), q.as_str()),
                            (doc.meta.id.as_str(), p.id.as_str(), quote.trim())
                        );
                    }
                    other => panic!("{hash} parsed as {other:?}"),
                }
                let encoded = c.link.split("?q=").nth(1).unwrap();
                assert_eq!(percent_decode(encoded).unwrap(), quote.trim());
                assert!(citation::locate_quote(&p.text, &quote).is_some());
            }
        }
    }
    assert_eq!(
        deep_link(BASE, "a", "p1", None),
        format!("{BASE}#/doc/a/p/p1")
    );
}

#[test]
fn the_shared_index_is_the_bundle_index() {
    assert!(std::ptr::eq(full_index().bundle(), b()));
    assert_eq!(
        search::SearchMode::from_param("sub"),
        Ok(SearchMode::Substring)
    );
}
