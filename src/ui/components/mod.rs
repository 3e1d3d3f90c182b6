//! Small components, one per file.

pub mod five_bars;
pub mod footer;
pub mod header;
pub mod legend;
pub mod settings_panel;
pub mod strip;
pub mod toast;
pub mod toc;
pub mod popover;
pub mod term_card;
