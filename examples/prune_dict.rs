//! Writes `dict/corpus.dict`: jieba's dictionary pruned to the bundled texts, with the
//! glossary's domain words added. Run after editing `texts/` or `glossary/`:
//! `cargo run --example prune_dict`.

use silk_road_reader::core::{bundle::bundle, dictionary};

fn main() {
    let result =
        dictionary::full_dictionary_text().and_then(|full| dictionary::generate(&full, bundle()));
    match result {
        Ok(pruned) => {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dict/corpus.dict");
            if let Err(e) = std::fs::write(path, &pruned.text) {
                eprintln!("error: {path}: {e}");
                std::process::exit(1);
            }
            println!(
                "wrote {path}: {} entries kept, {} domain words, {} bytes",
                pruned.kept,
                pruned.domain.len(),
                pruned.text.len()
            );
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
