//! Small components, one per file.

pub mod chart;
pub mod citation_panel;
pub mod embed_dialog;
pub mod embed_frame;
pub mod embed_notice;
pub mod embed_snippet;
pub mod five_bars;
pub mod footer;
pub mod header;
pub mod kwic;
pub mod legend;
pub mod note_editor;
pub mod notes_banner;
pub mod notes_list;
pub mod popover;
pub mod reading_place;
pub mod search_box;
pub mod selection_bar;
pub mod settings_panel;
pub mod strip;
pub mod term_card;
pub mod toast;
pub mod toc;
