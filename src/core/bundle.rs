//! The texts and the glossary as the app ships them: parsed and checked by `build.rs`,
//! embedded as JSON, and decoded once on first use. The wasm embeds the documents without
//! their texts, which arrive one by one (`Bundle::set_text`, fetched by `ui::texts`).

use super::corpus::{Block, Document};
use super::glossary::Term;
use std::sync::OnceLock;

/// The documents with their texts on the host; in the wasm, without them (the reader
/// fetches a text when it is needed: `ui::texts`).
#[cfg(not(target_arch = "wasm32"))]
const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));
#[cfg(target_arch = "wasm32")]
const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus-meta.json"));
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

    /// Whether the text of every document in `docs` is there.
    pub fn texts_loaded(&self, docs: &[usize]) -> bool {
        docs.iter()
            .all(|&i| self.docs.get(i).is_some_and(|d| d.blocks.is_loaded()))
    }

    /// Gives document `doc` its text, fetched from `pre/<id>.json` (see `ui::texts`),
    /// after checking that it is the text this build counted (a stale or damaged file
    /// would otherwise show other counts than the library), and the shared segmenter
    /// the text's part of the dictionary (`dict`, see `segment::dict_part`) before the
    /// text can be segmented. Setting it twice is harmless.
    pub fn set_text(&self, doc: usize, blocks: Vec<Block>, dict: &str) -> Result<(), TextError> {
        let d = self.docs.get(doc).ok_or(TextError::UnknownDocument)?;
        if blocks.len() != d.stats.blocks {
            return Err(TextError::Mismatch {
                expected: d.stats.blocks,
                found: blocks.len(),
            });
        }
        super::segment::extend_shared(dict).map_err(TextError::Dictionary)?;
        d.blocks.set(blocks);
        Ok(())
    }
}

/// Why a fetched text was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    UnknownDocument,
    /// The file holds another number of blocks than this build counted.
    Mismatch {
        expected: usize,
        found: usize,
    },
    /// Its part of the segmentation dictionary could not be loaded.
    Dictionary(String),
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextError::UnknownDocument => write!(f, "no such document in this build"),
            TextError::Mismatch { expected, found } => write!(
                f,
                "the text file has {found} blocks where this build has {expected}: it belongs to another version of the reader; reload the page"
            ),
            TextError::Dictionary(e) => write!(f, "{e}"),
        }
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
