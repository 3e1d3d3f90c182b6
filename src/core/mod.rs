//! Pure logic: no leptos, web-sys or wasm-bindgen here, so all of it is tested with a
//! plain `cargo test` on the host. The UI (`crate::ui`) is a thin layer over these.

pub mod analysis;
pub mod anchor;
pub mod bundle;
pub mod citation;
pub mod corpus;
pub mod dictionary;
pub mod doc_html;
pub mod embed;
pub mod engine;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod glossary;
pub mod i18n;
pub mod meta_labels;
pub mod notes;
pub mod order;
pub mod prerender;
pub mod reading;
pub mod render;
pub mod route;
pub mod search;
pub mod sections;
pub mod segment;
pub mod settings;
pub mod strip;
pub mod terms;
pub mod text;
