//! Writes the full glossary (definitions included) into the built site, as
//! `<dir>/glossary-<hash>.json`: the wasm embeds only the glossary's index and fetches
//! this file when a definition is first shown. Trunk runs it after each build (see
//! Trunk.toml); the directory is `$TRUNK_STAGING_DIR`, or the first argument.

use silk_road_reader::core::bundle::{GLOSSARY_FILE, GLOSSARY_JSON};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    let path = std::path::Path::new(&dir).join(GLOSSARY_FILE);
    if let Err(e) = std::fs::write(&path, GLOSSARY_JSON) {
        eprintln!("error: {}: {e}", path.display());
        std::process::exit(1);
    }
    println!("wrote {} ({} bytes)", path.display(), GLOSSARY_JSON.len());
}
