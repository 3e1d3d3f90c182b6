//! 丝路读本 · Silk Road Reader: an in-browser reader for Chinese policy texts on the Belt
//! and Road Initiative.
//!
//! - [`core`]: the corpus, text engine, glossary, notes and search, as pure Rust tested on
//!   the host with `cargo test`.
//! - `ui`: the Leptos components (wasm only), a thin layer over `core`.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
