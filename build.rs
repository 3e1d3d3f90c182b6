//! Reads and checks the corpus (`texts/*.md`) and the glossary (`glossary/*.toml`) at
//! compile time and writes them as JSON for the app to embed. A malformed file stops the
//! build here, with its path, line (or entry) and the reason.

use std::{env, fs, path::Path, process};

// The parsers and the term matcher are the app's own modules, included by path (they
// depend on serde and std only).
#[allow(dead_code)]
mod src {
    pub mod core {
        pub mod corpus;
        pub mod glossary;
        pub mod order;
        pub mod terms;
        pub mod text;
    }
}
use src::core::{corpus, glossary, terms};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    term: Vec<glossary::Term>,
}

fn sorted_files(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| fail(&format!("{dir}: cannot read the folder: {e}")))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n == "FORMAT.md" || n == "README.md")
        })
        .collect();
    files.sort();
    files
}

fn fail(message: &str) -> ! {
    eprintln!("\nerror: {message}\n");
    process::exit(1);
}

fn main() {
    println!("cargo:rerun-if-changed=texts");
    println!("cargo:rerun-if-changed=glossary");
    println!("cargo:rerun-if-changed=src/core/corpus.rs");
    println!("cargo:rerun-if-changed=src/core/glossary.rs");
    println!("cargo:rerun-if-changed=src/core/order.rs");
    println!("cargo:rerun-if-changed=src/core/terms.rs");
    println!("cargo:rerun-if-changed=src/core/text.rs");
    let out = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));

    let mut errors = Vec::new();
    let mut docs = Vec::new();
    for path in sorted_files("texts", "md") {
        let name = path.display().to_string();
        println!("cargo:rerun-if-changed={name}");
        let source = fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
        let header = |h: &str| toml::from_str::<corpus::DocMeta>(h).map_err(|e| e.to_string());
        match corpus::parse_document(&name, &source, &header) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e.to_string()),
        }
    }
    docs.sort_by(|a, b| (&a.meta.seed, &a.meta.id).cmp(&(&b.meta.seed, &b.meta.id)));

    let mut terms = Vec::new();
    for path in sorted_files("glossary", "toml") {
        let name = path.display().to_string();
        println!("cargo:rerun-if-changed={name}");
        let source = fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
        match toml::from_str::<GlossaryFile>(&source) {
            Ok(file) => terms.extend(file.term.into_iter().map(|mut t| {
                t.file = name.clone();
                t
            })),
            Err(e) => errors.push(format!("{name}: {e}")),
        }
    }
    let haystack: String = docs
        .iter()
        .flat_map(|d| d.blocks.iter())
        .flat_map(|b| b.text.chars().filter(|c| !c.is_whitespace()).chain(['\n']))
        .collect();
    let occurs = |form: &str| haystack.contains(form);
    errors.extend(
        glossary::validate(&terms, &occurs)
            .iter()
            .map(ToString::to_string),
    );

    if !errors.is_empty() {
        fail(&format!(
            "{} problem(s) in the corpus or glossary:\n  {}",
            errors.len(),
            errors.join("\n  ")
        ));
    }
    let write = |file: &str, json: String| {
        fs::write(Path::new(&out).join(file), json)
            .unwrap_or_else(|e| fail(&format!("{file}: {e}")))
    };
    // What lists and counts need without the text (see corpus::DocStats): the app ships
    // the documents without their blocks and fetches a document's text when it is read.
    let matcher = terms::TermMatcher::new(&terms);
    for doc in &mut docs {
        let mut counts = std::collections::BTreeMap::new();
        for block in doc.blocks.iter() {
            for hit in matcher.find(&block.text) {
                *counts.entry(terms[hit.term].id.clone()).or_insert(0) += 1;
            }
        }
        doc.stats = corpus::DocStats {
            chars: doc.char_count(),
            blocks: doc.blocks.len(),
            terms: counts,
        };
    }
    write(
        "corpus.json",
        serde_json::to_string(&docs).unwrap_or_else(|e| fail(&e.to_string())),
    );
    let shells: Vec<corpus::Document> = docs
        .iter()
        .map(|d| corpus::Document {
            meta: d.meta.clone(),
            stats: d.stats.clone(),
            blocks: corpus::Blocks::default(),
        })
        .collect();
    write(
        "corpus-meta.json",
        serde_json::to_string(&shells).unwrap_or_else(|e| fail(&e.to_string())),
    );
    let full = serde_json::to_string(&terms).unwrap_or_else(|e| fail(&e.to_string()));
    // The wasm embeds only what highlighting and lists need; the definitions are a
    // separate, content-hashed file fetched on first use (see core::bundle).
    let index: Vec<glossary::Term> = terms.iter().map(glossary::Term::index_only).collect();
    write(
        "glossary-index.json",
        serde_json::to_string(&index).unwrap_or_else(|e| fail(&e.to_string())),
    );
    write(
        "glossary-file.txt",
        format!("glossary-{:016x}.json", glossary::content_hash(&full)),
    );
    write("glossary.json", full);
}
