//! Writes what the built site needs beside the wasm (Trunk runs it after each build; see
//! Trunk.toml), into `$TRUNK_STAGING_DIR` or the directory given as first argument:
//! - `glossary-<hash>.json`: the full glossary, definitions included (the wasm embeds
//!   only its index and fetches this file when a definition is first shown);
//! - `pre/<doc id>.json`: each document's pre-rendered page, which `boot.js` shows while
//!   the app is loading, with the document's text and its part of the segmentation
//!   dictionary, which the app takes from it (see `core::prerender`, `ui::texts`).

use silk_road_reader::core::bundle::{GLOSSARY_FILE, GLOSSARY_JSON};
use silk_road_reader::core::engine::engine;
use silk_road_reader::core::prerender::{prerender, prerender_path};
use silk_road_reader::core::segment::{dict_part, CORPUS_DICT};
use std::path::Path;

fn write(path: &Path, contents: &str) {
    if let Some(parent) = path.parent() {
        if let Err(e) = std::fs::create_dir_all(parent) {
            eprintln!("error: {}: {e}", parent.display());
            std::process::exit(1);
        }
    }
    if let Err(e) = std::fs::write(path, contents) {
        eprintln!("error: {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    let dir = Path::new(&dir);
    write(&dir.join(GLOSSARY_FILE), GLOSSARY_JSON);
    println!("wrote {GLOSSARY_FILE} ({} bytes)", GLOSSARY_JSON.len());
    let engine = engine();
    let mut total = 0;
    for (i, doc) in engine.bundle.docs.iter().enumerate() {
        let Some(analysis) = engine.analyse(i) else {
            continue;
        };
        let dict = match dict_part(CORPUS_DICT, doc, &engine.bundle.docs) {
            Ok(dict) => dict,
            Err(e) => {
                eprintln!("error: the dictionary part of {}: {e}", doc.meta.id);
                std::process::exit(1);
            }
        };
        let page = prerender(
            doc,
            &analysis,
            &engine.bundle.terms,
            (engine.five_counts(i), engine.five_corpus_counts()),
            dict,
        );
        let json = match serde_json::to_string(&page) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("error: pre-rendering {}: {e}", doc.meta.id);
                std::process::exit(1);
            }
        };
        total += json.len();
        write(&dir.join(prerender_path(&doc.meta.id)), &json);
    }
    println!(
        "wrote {} pre-rendered documents ({total} bytes)",
        engine.bundle.docs.len()
    );
}
