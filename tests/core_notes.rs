//! Notes end to end: anchors under random edits (and on the real corpus), merge laws,
//! storage and export round trips, migration, damaged and future data, and hostile text.

use proptest::prelude::*;
use silk_road_reader::core::anchor::{
    anchor_from_selection, resolve, Anchor, Resolution, Resolver, Strategy as Found,
};
use silk_road_reader::core::bundle::{bundle, Bundle};
use silk_road_reader::core::corpus::{Block, BlockKind, DocMeta, Document};
use silk_road_reader::core::i18n::Lang;
use silk_road_reader::core::notes::merge::cmp_versions;
use silk_road_reader::core::notes::{
    decode, encode, export_json, export_markdown, import_json, merge, normalize_tags, place,
    Colour, DecodeError, Filter, ImportError, Note, NoteEdit, NoteStore, Sort, Target,
    MAX_IMPORT_BYTES,
};
use silk_road_reader::core::render::escape;
use silk_road_reader::core::text::{OffsetMap, TextRange};
use std::collections::{BTreeMap, BTreeSet};

fn meta(id: &str) -> DocMeta {
    DocMeta {
        id: id.into(),
        seed: "000".into(),
        title: "测试文本".into(),
        title_editorial: false,
        title_en: "A Test Text".into(),
        authors: vec!["李芳芳".into(), "朱健".into()],
        authors_editorial: false,
        affiliation: vec![],
        venue: "电子工业出版社".into(),
        venue_en: String::new(),
        date: "2018-09".into(),
        date_approx: false,
        doi: String::new(),
        kind: "book-excerpt".into(),
        attribution: "x".into(),
        editorial_note: String::new(),
    }
}

/// `doc` with its blocks changed by `edit`.
fn edited(doc: &Document, edit: impl FnOnce(&mut Vec<Block>)) -> Document {
    let mut blocks = doc.blocks.to_vec();
    edit(&mut blocks);
    Document::new(doc.meta.clone(), blocks)
}

fn doc_of(id: &str, paras: &[(&str, &str)]) -> Document {
    Document::new(
        meta(id),
        paras
            .iter()
            .map(|(id, text)| Block {
                id: id.to_string(),
                kind: BlockKind::Paragraph,
                text: text.to_string(),
                corrections: vec![],
                lang: String::new(),
                details: false,
                excerpt_ends: false,
                line: 0,
            })
            .collect(),
    )
}

/// Every offset of a found range is a char boundary of the block and agrees in all units.
fn assert_consistent(r: &Resolution, doc: &Document) {
    if let Resolution::Found { para, range, .. } = r {
        let text = &doc.block(para).expect("the found block exists").text;
        let map = OffsetMap::new(text);
        for o in [range.start, range.end] {
            assert!(text.is_char_boundary(o.byte), "byte {} in {text:?}", o.byte);
            assert_eq!(map.at_byte(o.byte), o);
        }
        assert!(range.start.byte <= range.end.byte);
    }
}

// Characters of one, two and four bytes, and of one and two UTF-16 units; few enough
// that quotes repeat.
const ALPHABET: &[char] = &[
    '一', '带', '路', '，', '。', 'a', 'B', ' ', '𠀀', '𠀁', '“', '”',
];

fn arb_text(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), min..max)
        .prop_map(|v| v.into_iter().collect())
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), arb_text(1, 6)).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 1usize..5).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

/// Applies edits to `chars`, tracking the quote `[s, e)`; returns whether any edit
/// touched the inside of the quote.
fn apply(
    chars: &mut Vec<char>,
    s: &mut usize,
    e: &mut usize,
    edits: &[Edit],
    only_outside: bool,
) -> bool {
    let mut touched = false;
    for edit in edits {
        match edit {
            Edit::Insert(at, text) => {
                let at = at % (chars.len() + 1);
                let inside = at > *s && at < *e;
                if inside && only_outside {
                    continue;
                }
                touched |= inside;
                let n = text.chars().count();
                chars.splice(at..at, text.chars());
                if at <= *s {
                    *s += n;
                    *e += n;
                } else if at < *e {
                    *e += n;
                }
            }
            Edit::Delete(at, n) => {
                if chars.is_empty() {
                    continue;
                }
                let at = at % chars.len();
                let end = (at + n).min(chars.len());
                let overlaps = at < *e && end > *s;
                if overlaps && only_outside {
                    continue;
                }
                touched |= overlaps;
                chars.drain(at..end);
                let shift = |p: usize| if p <= at { p } else { p - (end.min(p) - at) };
                *s = shift(*s);
                *e = shift(*e);
            }
        }
    }
    touched
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn untouched_quotes_are_always_found_exactly(
        text in arb_text(1, 120),
        a in any::<usize>(), b in any::<usize>(),
        edits in prop::collection::vec(arb_edit(), 0..8),
        other in arb_text(0, 60),
    ) {
        let mut chars: Vec<char> = text.chars().collect();
        let (mut s, mut e) = (a % chars.len(), b % chars.len());
        if s > e { std::mem::swap(&mut s, &mut e); }
        e += 1;
        let quote: String = chars[s..e].iter().collect();
        prop_assume!(!quote.trim().is_empty());
        // Select it as the DOM would: UTF-16 offsets.
        let u = |n: usize| chars[..n].iter().map(|c| c.len_utf16()).sum::<usize>();
        let anchor = anchor_from_selection("p2", &text, u(s), u(e));
        let quote = anchor.quote.clone();
        let (mut s, mut e) = (anchor.start_char, anchor.end_char);
        apply(&mut chars, &mut s, &mut e, &edits, true);
        let edited: String = chars.iter().collect();
        prop_assert_eq!(&chars[s..e].iter().collect::<String>(), &quote);
        let doc = doc_of("d", &[("p1", &other), ("p2", &edited)]);
        let r = resolve(&anchor, &doc);
        assert_consistent(&r, &doc);
        prop_assert_eq!(r.para(), Some("p2"));
        prop_assert!(matches!(r.strategy(), Some(Found::Position | Found::Exact)), "{:?}", r);
        prop_assert_eq!(r.range().unwrap().slice(&edited), quote.as_str());
    }

    #[test]
    fn any_edits_never_panic_and_give_consistent_ranges(
        text in arb_text(0, 150),
        a in any::<usize>(), b in any::<usize>(),
        edits in prop::collection::vec(arb_edit(), 0..10),
        drop_para in any::<bool>(),
    ) {
        let units = text.encode_utf16().count() + 2;
        let anchor = anchor_from_selection("p1", &text, a % units, b % units);
        let map = OffsetMap::new(&text);
        prop_assert_eq!(map.at_char(anchor.start_char).utf16, anchor.start_utf16);
        prop_assert_eq!(map.at_char(anchor.end_char).utf16, anchor.end_utf16);
        let mut chars: Vec<char> = text.chars().collect();
        let (mut s, mut e) = (anchor.start_char, anchor.end_char);
        let touched = apply(&mut chars, &mut s, &mut e, &edits, false);
        let edited: String = chars.iter().collect();
        let id = if drop_para { "p9" } else { "p1" };
        let doc = doc_of("d", &[(id, &edited)]);
        let r = resolve(&anchor, &doc);
        assert_consistent(&r, &doc);
        if !touched && !drop_para && !anchor.quote.is_empty() {
            prop_assert_eq!(r.range().unwrap().slice(&edited), anchor.quote.as_str());
        }
    }

    #[test]
    fn arbitrary_anchors_never_panic(
        text in arb_text(0, 80),
        quote in ".{0,12}", prefix in ".{0,40}", suffix in ".{0,40}",
        offsets in prop::array::uniform4(0usize..200),
    ) {
        let anchor = Anchor {
            para: "p1".into(), quote, prefix, suffix,
            start_utf16: offsets[0], end_utf16: offsets[1], start_char: offsets[2], end_char: offsets[3],
        };
        let doc = doc_of("d", &[("p1", &text), ("p2", &text)]);
        assert_consistent(&resolve(&anchor, &doc), &doc);
    }
}

#[test]
fn real_paragraphs_survive_insertions_typo_fixes_splits_and_deletion() {
    let b = bundle();
    assert!(!b.docs.is_empty());
    let mut checked = 0;
    for doc in &b.docs {
        for block in doc
            .paragraphs()
            .enumerate()
            .filter(|(i, _)| i % 7 == 0)
            .map(|(_, b)| b)
        {
            let chars: Vec<char> = block.text.chars().collect();
            if chars.len() < 60 {
                continue;
            }
            let (s, e) = (chars.len() / 3, chars.len() / 3 + 20);
            let map = OffsetMap::new(&block.text);
            let range = TextRange {
                start: map.at_char(s),
                end: map.at_char(e),
            };
            let anchor = Anchor::at(&block.id, &block.text, range);
            let quote = anchor.quote.clone();
            let with = |text: String| {
                edited(doc, |blocks| {
                    blocks.iter_mut().find(|x| x.id == block.id).unwrap().text = text
                })
            };
            // Untouched.
            assert_eq!(resolve(&anchor, doc).strategy(), Some(Found::Position));
            // Insertion before the quote.
            let d = with(format!("（编者按：此处有增补。）{}", block.text));
            let r = resolve(&anchor, &d);
            assert_eq!(
                r.range()
                    .map(|r| r.slice(&d.block(&block.id).unwrap().text).to_string()),
                Some(quote.clone())
            );
            // A typo fixed inside the quote (one character changed).
            let mut typo = chars.clone();
            typo[s + 10] = if typo[s + 10] == '〇' { '零' } else { '〇' };
            let d = with(typo.iter().collect());
            let r = resolve(&anchor, &d);
            assert_eq!(
                r.strategy(),
                Some(Found::Fuzzy),
                "{} {}: {r:?}",
                doc.meta.id,
                block.id
            );
            assert_eq!(r.range().unwrap().start.char, s);
            assert_eq!(r.range().unwrap().end.char, e);
            // Moved to the end of the document, with its id, then under a new id.
            let d = edited(doc, |blocks| {
                let at = blocks.iter().position(|x| x.id == block.id).unwrap();
                let moved = blocks.remove(at);
                blocks.push(moved);
            });
            assert_eq!(resolve(&anchor, &d).strategy(), Some(Found::Position));
            let d = edited(&d, |blocks| {
                blocks.last_mut().unwrap().id = "renamed".into()
            });
            let r = resolve(&anchor, &d);
            assert_eq!(
                (r.strategy(), r.para()),
                (Some(Found::Exact), Some("renamed"))
            );
            assert_eq!(r.range().unwrap().start.char, s);
            // Split before the quote: the second half gets a new id.
            let d = edited(doc, |blocks| {
                let at = blocks.iter().position(|x| x.id == block.id).unwrap();
                let head: String = chars[..s - 2].iter().collect();
                let tail: String = chars[s - 2..].iter().collect();
                blocks[at].text = head;
                let mut second = blocks[at].clone();
                second.id = format!("{}-split", block.id);
                second.text = tail;
                blocks.insert(at + 1, second);
            });
            let r = resolve(&anchor, &d);
            assert_eq!(r.para(), Some(format!("{}-split", block.id).as_str()));
            assert_eq!(r.range().unwrap().start.char, 2);
            // Deleted: an orphan, unless a close copy of the passage stands elsewhere (an
            // abstract repeated in the introduction): then that copy.
            let d = edited(doc, |blocks| blocks.retain(|x| x.id != block.id));
            if let Resolution::Found { para, range, .. } = resolve(&anchor, &d) {
                let found = range.slice(&d.block(&para).unwrap().text).to_string();
                assert!(
                    levenshtein(&found, &quote) * 10 <= 3 * quote.chars().count(),
                    "{} {}: {quote} → {found}",
                    doc.meta.id,
                    block.id
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 10, "checked {checked} paragraphs");
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for j in 1..=b.len() {
            let up = row[j];
            row[j] = (diag + usize::from(ca != b[j - 1]))
                .min(up + 1)
                .min(row[j - 1] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

#[test]
fn deleted_paragraph_makes_an_orphan_that_is_listed_not_dropped() {
    let text = "第二段讲设施联通，包括港口、铁路和油气管道的建设。";
    let before = doc_of(
        "doc-a",
        &[("p1", "第一段。"), ("p2", text), ("p3", "第三段。")],
    );
    let after = doc_of("doc-a", &[("p1", "第一段。"), ("p3", "第三段。")]);
    let mut store = NoteStore::new();
    let byte = text.find("港口").unwrap();
    let range = OffsetMap::new(text).range(byte, byte + "港口、铁路和油气管道".len());
    store
        .add(Note::new(
            "n-1",
            "doc-a",
            Target::Passage(Anchor::at("p2", text, range)),
            1,
        ))
        .unwrap();
    store
        .add(Note::new(
            "n-2",
            "doc-a",
            Target::Paragraph { para: "p2".into() },
            2,
        ))
        .unwrap();
    assert_eq!(place(&store, &before).passages.len(), 1);
    let placed = place(&store, &after);
    assert!(placed.passages.is_empty() && placed.paragraphs.is_empty());
    assert_eq!(
        placed
            .orphans
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>(),
        ["n-1", "n-2"]
    );
    assert_eq!(store.live().count(), 2, "orphans stay in the store");
}

#[test]
fn resolving_every_note_of_the_longest_document_is_fast() {
    let b = bundle();
    let doc = b.docs.iter().max_by_key(|d| d.char_count()).unwrap();
    let resolver = Resolver::new(doc);
    let started = std::time::Instant::now();
    // Worst case: long quotes whose paragraph is gone and whose text was edited, so
    // that every one goes through the fuzzy search of the whole document.
    for block in doc.paragraphs().take(20) {
        let mut quote: String = block.text.chars().take(300).collect();
        if let Some(c) = quote.chars().nth(5) {
            quote = quote.replacen(c, "〇", 1);
        }
        let anchor = Anchor {
            para: "gone".into(),
            quote,
            ..Anchor::default()
        };
        let _ = resolver.resolve(&anchor);
    }
    // Generous for an unoptimised build on a slow machine; natively optimised it is ~100× less.
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn surrogate_pairs_and_empty_quotes() {
    let text = "共建𠀀𠀁“一带一路”𠀂倡议";
    // The selection starts inside 𠀀's surrogate pair and ends inside 𠀂's.
    let a = anchor_from_selection("p1", text, 3, 13);
    assert_eq!(a.quote, "𠀀𠀁“一带一路”𠀂");
    assert_eq!(
        (a.start_char, a.start_utf16, a.end_char, a.end_utf16),
        (2, 2, 11, 14)
    );
    let doc = doc_of("d", &[("p1", text)]);
    assert_eq!(resolve(&a, &doc).strategy(), Some(Found::Position));
    let edited = format!("𠀃{text}");
    let doc = doc_of("d", &[("p1", &edited)]);
    let r = resolve(&a, &doc);
    assert_eq!(r.range().unwrap().slice(&edited), a.quote);
    assert_eq!(r.range().unwrap().start.utf16, 4);

    let empty = anchor_from_selection("p1", text, 5, 5);
    assert!(empty.quote.is_empty());
    assert!(matches!(
        resolve(&empty, &doc),
        Resolution::Found { .. } | Resolution::Orphan
    ));
    let mut store = NoteStore::new();
    store
        .add(Note::new("n-e", "d", Target::Passage(empty), 1))
        .unwrap();
    let p = place(&store, &doc);
    assert!(
        p.marks("p1").is_empty(),
        "an empty range draws no highlight"
    );
}

// ---- Notes, merge, storage ----

const IDS: &[&str] = &["n-1", "n-2", "n-3", "n-4", "n-5", "n-6"];

fn arb_target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Document),
        prop::sample::select(vec!["p1", "p2"]).prop_map(|p| Target::Paragraph { para: p.into() }),
        (
            prop::sample::select(vec!["p1", "p2"]),
            ".{0,10}",
            ".{0,5}",
            0usize..50,
            0usize..10
        )
            .prop_map(|(p, q, ctx, s, n)| {
                Target::Passage(Anchor {
                    para: p.into(),
                    quote: q,
                    prefix: ctx.clone(),
                    suffix: ctx,
                    start_utf16: s,
                    end_utf16: s + n,
                    start_char: s,
                    end_char: s + n,
                })
            }),
    ]
}

fn arb_note() -> impl Strategy<Value = Note> {
    (
        prop::sample::select(IDS),
        prop::sample::select(vec!["doc-a", "doc-b"]),
        arb_target(),
        ".{0,30}",
        prop::sample::select(Colour::ALL.to_vec()),
        prop::collection::vec("[a-zA-Z产能 ]{0,6}", 0..4),
        0i64..1_000,
        0i64..50,
        prop::option::weighted(0.3, 0i64..50),
    )
        .prop_map(
            |(id, doc, target, text, colour, tags, created, age, deleted)| Note {
                id: id.into(),
                doc: doc.into(),
                target,
                text,
                colour,
                tags: normalize_tags(&tags),
                created,
                updated: created + age,
                deleted: deleted.map(|d| created + d),
            },
        )
}

fn by_id(store: &NoteStore) -> BTreeMap<String, Note> {
    store
        .all()
        .iter()
        .map(|n| (n.id.clone(), n.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merge_is_commutative_idempotent_and_loses_nothing(
        a in prop::collection::vec(arb_note(), 0..8),
        b in prop::collection::vec(arb_note(), 0..8),
        c in prop::collection::vec(arb_note(), 0..8),
    ) {
        let (sa, sb) = (NoteStore::from_notes(a.clone()), NoteStore::from_notes(b.clone()));
        let mut ab = sa.clone();
        merge(&mut ab, sb.all());
        let mut ba = sb.clone();
        merge(&mut ba, sa.all());
        prop_assert_eq!(by_id(&ab), by_id(&ba));
        // No id is lost, and each id holds the newest version of either side.
        let ids: BTreeSet<&str> = a.iter().chain(&b).map(|n| n.id.as_str()).collect();
        prop_assert_eq!(ab.all().iter().map(|n| n.id.as_str()).collect::<BTreeSet<_>>(), ids.clone());
        prop_assert_eq!(ab.all().len(), ids.len());
        for n in a.iter().chain(&b) {
            let kept = ab.get(&n.id).unwrap();
            prop_assert_ne!(cmp_versions(n, kept), std::cmp::Ordering::Greater);
        }
        // Idempotent.
        let before = ab.clone();
        let again = merge(&mut ab, sb.all());
        prop_assert!(!again.changed());
        prop_assert_eq!(&ab, &before);
        prop_assert_eq!(again.updated + again.added, 0);
        // Associative (per id): (a+b)+c == a+(b+c).
        let sc = NoteStore::from_notes(c);
        let mut left = ab.clone();
        merge(&mut left, sc.all());
        let mut bc = sb.clone();
        merge(&mut bc, sc.all());
        let mut right = sa.clone();
        merge(&mut right, bc.all());
        prop_assert_eq!(by_id(&left), by_id(&right));
    }

    #[test]
    fn merge_report_adds_up(a in prop::collection::vec(arb_note(), 0..8), b in prop::collection::vec(arb_note(), 0..8)) {
        let mut local = NoteStore::from_notes(a);
        let incoming = NoteStore::from_notes(b);
        let before = local.all().len();
        let r = merge(&mut local, incoming.all());
        prop_assert_eq!(r.added + r.updated + r.unchanged + r.kept_local_newer, incoming.all().len());
        prop_assert_eq!(local.all().len(), before + r.added);
        prop_assert_eq!(r.local_only, before - (incoming.all().len() - r.added));
        prop_assert!(r.deleted + r.revived <= r.updated);
    }

    #[test]
    fn storage_and_export_round_trip(notes in prop::collection::vec(arb_note(), 0..10)) {
        let store = NoteStore::from_notes(notes);
        let decoded = decode(&encode(&store)).unwrap().into_store();
        prop_assert_eq!(&decoded, &store);
        let imported = import_json(&export_json(&store, None), MAX_IMPORT_BYTES).unwrap();
        prop_assert!(imported.problems.is_empty());
        let live: Vec<Note> = store.live().cloned().collect();
        prop_assert_eq!(&imported.notes, &live);
        let only_a = import_json(&export_json(&store, Some("doc-a")), MAX_IMPORT_BYTES).unwrap();
        prop_assert!(only_a.notes.iter().all(|n| n.doc == "doc-a"));
        // Importing into the store it came from changes nothing.
        let mut again = store.clone();
        prop_assert!(!imported.merge_into(&mut again).changed());
        prop_assert_eq!(again, store);
    }

    #[test]
    fn damaged_input_never_panics(raw in ".{0,200}", cut in any::<prop::sample::Index>()) {
        let _ = decode(&raw);
        let _ = import_json(&raw, MAX_IMPORT_BYTES);
        // Every truncation of a valid file is refused, never half read.
        let mut store = NoteStore::new();
        let mut n = Note::new("n-1", "doc-a", Target::Document, 5);
        n.text = raw;
        store.add(n).unwrap();
        let full = encode(&store);
        let boundaries: Vec<usize> = (0..full.len()).filter(|&i| full.is_char_boundary(i)).collect();
        let at = boundaries[cut.index(boundaries.len())];
        prop_assert!(matches!(decode(&full[..at]), Err(DecodeError::Corrupt(_))));
    }

    #[test]
    fn future_versions_are_refused_not_read(version in 2u64..1_000_000) {
        let raw = format!(r#"{{"format":"silk-road-reader-notes","version":{version},"notes":[{{"id":"x"}}]}}"#);
        prop_assert_eq!(decode(&raw), Err(DecodeError::FutureVersion(version)));
        prop_assert_eq!(import_json(&raw, MAX_IMPORT_BYTES), Err(ImportError::FutureVersion(version)));
    }
}

#[test]
fn migration_from_version_0_keeps_notes_resolvable() {
    let text = "𠀀共建“一带一路”倡议一经提出，就得到全球范围的积极响应。";
    let doc = doc_of("doc-a", &[("p1", text)]);
    // v0 stored UTF-16 offsets only: 一带一路 starts at unit 4 (𠀀 is two units), char 3.
    let raw = r#"[
        {"id":"old-1","doc":"doc-a","para":"p1","quote":"一带一路","start":5,"end":9,"note":"旧","color":"blue","time":1600000000000},
        {"id":"old-2","doc":"doc-a","para":"p1","time":1600000000001},
        {"id":"old-3","doc":"doc-a","note":"全文笔记","tags":["a","a "],"time":1600000000002}
    ]"#;
    let env = decode(raw).unwrap();
    assert_eq!(env.version, 1);
    let store = env.into_store();
    assert_eq!(store.all().len(), 3);
    assert_eq!(store.get("old-3").unwrap().tags, vec!["a"]);
    let Target::Passage(a) = &store.get("old-1").unwrap().target else {
        panic!()
    };
    let r = resolve(a, &doc);
    assert_eq!(
        r.strategy(),
        Some(Found::Position),
        "found by its UTF-16 offsets"
    );
    assert_eq!(r.range().unwrap().slice(text), "一带一路");
    assert_eq!(r.range().unwrap().start.char, 4);
    // Saved again, it is version 1, and importing the old file gives the same notes.
    assert!(encode(&store).contains(r#""version":1"#));
    let imported = import_json(raw, MAX_IMPORT_BYTES).unwrap();
    assert_eq!((imported.version, imported.notes.len()), (0, 3));
    assert_eq!(NoteStore::from_notes(imported.notes), store);
}

#[test]
fn import_reports_each_bad_entry_and_keeps_the_rest() {
    let raw = r#"{"format":"silk-road-reader-notes","version":1,"notes":[
        {"id":"n-1","doc":"doc-a","target":{"kind":"document"},"created":1},
        {"id":"n-2","doc":"doc-a","target":{"kind":"paragraph","para":"P 1"},"created":1},
        {"id":"n-17","doc":"doc-a","target":{"kind":"document"},"created":1,"colour":"red"},
        {"id":"n-4","doc":"doc-a","target":{"kind":"passage","para":"p1","quote":"x","start_utf16":3,"end_utf16":1},"created":1},
        {"id":"n-5","doc":"doc-a","target":{"kind":"document"}},
        {"id":"<img src=x onerror=alert(1)>","doc":"doc-a","target":{"kind":"document"},"created":1},
        {"id":"n-7","doc":"doc-a","target":{"kind":"document"},"created":1,"updated":99999999999999999}
    ]}"#;
    let r = import_json(raw, MAX_IMPORT_BYTES).unwrap();
    assert_eq!(
        r.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["n-1"]
    );
    let problems: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems[0],
        "entry 2 (id n-2): field `target.para`: \"P 1\" is not a paragraph id (a-z, 0-9 and '-')"
    );
    assert_eq!(
        problems[1],
        "entry 3 (id n-17): field `colour`: unknown colour \"red\"; expected one of yellow, green, blue, pink, purple"
    );
    assert_eq!(
        problems[2],
        "entry 4 (id n-4): field `target.start_char`: the passage ends before it starts"
    );
    assert_eq!(problems[3], "entry 5 (id n-5): field `created`: is missing");
    assert!(
        problems[4].starts_with("entry 6 (id <img src=x onerror=alert(1)>): field `id`"),
        "{}",
        problems[4]
    );
    assert!(
        problems[5].contains("field `updated`") && problems[5].contains("between 1970 and 9999"),
        "{}",
        problems[5]
    );
    // A file that is not an envelope at all is refused whole.
    assert!(matches!(
        import_json(r#"{"notes":[]}"#, MAX_IMPORT_BYTES),
        Err(ImportError::NotNotes(_))
    ));
    assert!(matches!(
        import_json("not json", MAX_IMPORT_BYTES),
        Err(ImportError::NotJson(_))
    ));
    let big = format!("[{}]", " ".repeat(MAX_IMPORT_BYTES));
    let e = import_json(&big, MAX_IMPORT_BYTES).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge { .. }));
    assert!(e.to_string().contains("5.0 MB"), "{e}");
}

#[test]
fn import_never_overwrites_newer_local_notes_silently() {
    let mut local = NoteStore::new();
    local
        .add(Note::new("n-1", "doc-a", Target::Document, 100))
        .unwrap();
    local
        .edit(
            "n-1",
            NoteEdit {
                text: Some("my newer words".into()),
                ..Default::default()
            },
            500,
        )
        .unwrap();
    local
        .add(Note::new("n-2", "doc-a", Target::Document, 100))
        .unwrap();
    let mut theirs = NoteStore::new();
    let mut old = Note::new("n-1", "doc-a", Target::Document, 100);
    old.text = "their older words".into();
    old.updated = 200;
    theirs.add(old).unwrap();
    let mut newer = Note::new("n-2", "doc-a", Target::Document, 100);
    newer.updated = 900;
    newer.deleted = Some(900);
    theirs.add(newer).unwrap();
    let mut file = theirs.clone();
    file.undo_delete("n-2", 901).unwrap();
    file.delete("n-2", 902).unwrap();
    // An exported file holds live notes only, so their deletion does not travel in files...
    let r = import_json(&export_json(&theirs, None), MAX_IMPORT_BYTES)
        .unwrap()
        .merge_into(&mut local);
    assert_eq!(
        (r.kept_local_newer, r.added, r.updated, r.deleted),
        (1, 0, 0, 0)
    );
    assert_eq!(local.get("n-1").unwrap().text, "my newer words");
    // ...while another tab's saved store (tombstones included) does, counted and undoable.
    let r = merge(&mut local, &decode(&encode(&theirs)).unwrap().notes);
    assert_eq!((r.updated, r.deleted), (1, 1));
    local.undo_delete("n-2", 1000).unwrap();
    assert!(local.get("n-2").unwrap().is_live());
}

// ---- Hostile text ----

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "\"><script>alert(document.cookie)</script>",
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<style>body{display:none}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;",
    "<!-- comment -->",
    "]]><script>alert(1)</script>",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "<details open ontoggle=alert(1)>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "\u{202e}evil\u{202d}",
    "line\nbreak <b>bold</b>\n\n- not a list",
    "# not a heading <h1>",
    "`code` *em* _em_ <u>u</u> | table |",
    "<base href=\"https://evil.example/\">",
    "\\<script>alert(1)\\</script>",
];

#[test]
fn hostile_text_survives_round_trips_as_literal_text() {
    let mut store = NoteStore::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let anchor = Anchor {
            para: "p1".into(),
            quote: p.to_string(),
            prefix: p.to_string(),
            suffix: p.to_string(),
            ..Anchor::default()
        };
        let mut n = Note::new(format!("x-{i}"), "doc-a", Target::Passage(anchor), i as i64);
        n.text = p.to_string();
        n.tags = vec![p.to_string()];
        store.add(n).unwrap();
    }
    assert_eq!(store.all().len(), PAYLOADS.len());
    // Storage and file round trips keep every byte.
    assert_eq!(decode(&encode(&store)).unwrap().into_store(), store);
    let imported = import_json(&export_json(&store, None), MAX_IMPORT_BYTES).unwrap();
    assert!(imported.problems.is_empty());
    for (n, p) in imported.notes.iter().zip(PAYLOADS) {
        assert_eq!(n.text, *p);
        assert_eq!(n.target.quote(), Some(*p));
        assert_eq!(n.tags, normalize_tags(&[p]));
    }
    // Searching treats payloads as words.
    let hits = store.list(
        &Filter {
            query: "<script>".into(),
            ..Default::default()
        },
        Sort::Position,
        &[],
    );
    assert!(hits.len() >= 4);
    // Through the escaping function, no tag can open.
    for p in PAYLOADS {
        assert!(!escape(p).contains('<') && !escape(p).contains('"'));
    }
    // In Markdown no raw HTML and no live link survive: every `<` is escaped, except
    // the autolinks the export writes itself.
    let docs = Bundle {
        docs: vec![doc_of("doc-a", &[("p1", "正文。")])],
        terms: vec![],
    };
    for lang in [Lang::Zh, Lang::En] {
        let md = export_markdown(&store, &docs, None, lang, "https://reader.example/app/");
        for (i, _) in md.match_indices('<') {
            let backslashes = md[..i].chars().rev().take_while(|&c| c == '\\').count();
            let escaped = backslashes % 2 == 1;
            assert!(
                escaped || md[i..].starts_with("<https://reader.example/app/#/doc/"),
                "raw `<` at {i}: {}",
                &md[i..]
            );
        }
        for (i, _) in md.match_indices("](") {
            let backslashes = md[..i].chars().rev().take_while(|&c| c == '\\').count();
            assert!(
                backslashes % 2 == 1,
                "no live link: {}",
                &md[i.saturating_sub(20)..]
            );
        }
        for p in PAYLOADS.iter().filter(|p| !p.contains('\n')) {
            let literal: String = p.chars().filter(|c| c.is_alphanumeric()).collect();
            let shown: String = md.chars().filter(|c| c.is_alphanumeric()).collect();
            assert!(shown.contains(&literal), "{p:?} is kept as text");
        }
    }
}

#[test]
fn markdown_export_of_real_notes_cites_and_links() {
    let b = bundle();
    let doc = &b.docs[0];
    let para = doc
        .paragraphs()
        .find(|p| !p.details && p.text.chars().count() > 40)
        .unwrap();
    let mut store = NoteStore::new();
    let mut n = Note::new(
        "n-1",
        &doc.meta.id,
        Target::Passage(anchor_from_selection(&para.id, &para.text, 4, 16)),
        1,
    );
    n.text = "要点：第一行\n第二行".into();
    n.tags = vec!["产能".into(), "BRI".into()];
    n.colour = Colour::Green;
    store.add(n).unwrap();
    store
        .add(Note::new("n-2", &doc.meta.id, Target::Document, 2))
        .unwrap();
    store
        .add(Note::new(
            "n-3",
            &doc.meta.id,
            Target::Paragraph {
                para: "no-such-para".into(),
            },
            3,
        ))
        .unwrap();
    store
        .add(Note::new("n-4", "another-doc", Target::Document, 4))
        .unwrap();
    let zh = export_markdown(
        &store,
        b,
        Some(&doc.meta.id),
        Lang::Zh,
        "https://r.example/index.html#/notes",
    );
    assert!(
        zh.starts_with("# 丝路读本 · 笔记\n\n共 3 条笔记。\n"),
        "{zh}"
    );
    assert!(
        zh.contains(&format!(
            "https://r.example/index.html#/doc/{}/p/{}>",
            doc.meta.id, para.id
        )),
        "{zh}"
    );
    assert!(
        zh.contains(&format!(
            "<https://r.example/index.html#/doc/{}>",
            doc.meta.id
        )),
        "{zh}"
    );
    assert!(zh.contains("标签：产能、BRI"), "{zh}");
    assert!(zh.contains("要点：第一行\\\n第二行"), "{zh}");
    assert!(
        zh.contains("当前文本中已找不到"),
        "the lost paragraph note is flagged: {zh}"
    );
    assert!(zh.contains(&doc.meta.title.replace('*', "\\*")), "{zh}");
    if doc.meta.authors.len() > 3 {
        let first = format!("{}等：《", doc.meta.authors[0]);
        assert!(
            zh.contains(&first),
            "a whole-text note cites like the citations do: {zh}"
        );
    }
    assert!(!zh.contains("another-doc"), "the filter keeps one document");
    let en = export_markdown(&store, b, None, Lang::En, "https://r.example/");
    assert!(en.contains("4 notes."), "{en}");
    assert!(en.contains("Tags: 产能, BRI"), "{en}");
    assert!(en.contains("\n## another-doc\n"), "{en}");
}
