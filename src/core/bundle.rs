//! The texts and the glossary as the app ships them: parsed and checked by `build.rs`,
//! embedded as JSON, and decoded once on first use.

use super::corpus::Document;
use super::glossary::Term;
use std::sync::OnceLock;

const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));
/// The whole glossary. The wasm embeds only the index (no definitions) and fetches
/// [`GLOSSARY_FILE`] when a definition is first needed; host builds embed everything.
#[cfg(not(target_arch = "wasm32"))]
pub const GLOSSARY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.json"));
#[cfg(target_arch = "wasm32")]
const GLOSSARY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary-index.json"));
/// The file name (content-hashed) under which `dist/` serves the full glossary.
pub const GLOSSARY_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary-file.txt"));

/// Everything the reader bundles.
#[derive(Debug)]
pub struct Bundle {
    pub docs: Vec<Document>,
    pub terms: Vec<Term>,
}

impl Bundle {
    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.meta.id == id)
    }

    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.meta.id == id)
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }
}

/// The bundled corpus and glossary. `build.rs` has already validated both, so decoding
/// can only fail if the build itself is broken; then the reader shows an empty library
/// rather than crashing.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle {
        docs: serde_json::from_str(CORPUS_JSON).unwrap_or_default(),
        terms: serde_json::from_str(GLOSSARY_JSON).unwrap_or_default(),
    })
}
