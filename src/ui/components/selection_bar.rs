//! The actions for a selection in the text: note it, note its paragraph, copy a citation.
//!
//! It follows `selectionchange`, so mouse, touch and keyboard selections all work. On
//! touch screens the bar sits at the bottom of the screen, clear of the phone's own
//! copy/paste bar (which appears above the selection); with a mouse it sits above the
//! selection's end.

use crate::core::anchor::{anchor_from_selection, Anchor};
use crate::core::corpus::Document;
use crate::core::i18n::Msg;
use crate::core::notes::{Note, Target};
use crate::core::route::{Route, SearchKind};
use crate::ui::browser;
use crate::ui::components::citation_panel::CiteTarget;
use crate::ui::notes_state::{new_id, now, use_notes, Editing};
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// A lookup searches for at most this many characters of the selection (a phrase, not a
/// paragraph: longer selections would find only themselves).
const LOOKUP_MAX_CHARS: usize = 40;

/// A selection inside one block of the open document.
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub anchor: Anchor,
    /// Where to put the bar (CSS), from the selection's rectangle.
    pub style: String,
}

/// The block element (`[data-para]` or `[data-heading]`) holding a node.
fn block_of(node: &Node) -> Option<Element> {
    let el = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    el.closest("[data-para], [data-heading]").ok().flatten()
}

/// UTF-16 offset of (node, offset) from the start of `block`'s text.
fn offset_in(block: &Element, node: &Node, offset: u32) -> Option<usize> {
    let range = browser::document().ok()?.create_range().ok()?;
    range.set_start(block, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(range.to_string().length() as usize)
}

/// Reads the current selection, if it lies in a block of the text.
pub fn read_selection(doc: &Document) -> Option<Picked> {
    let selection = browser::window().ok()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start_block = block_of(&range.start_container().ok()?)?;
    // Only selections in the document's text (not in the header or a list).
    start_block.closest(".doc-text").ok()??;
    let id = start_block
        .get_attribute("data-para")
        .or_else(|| start_block.get_attribute("data-heading"))?;
    let block = doc.block(&id)?;
    let start = offset_in(
        &start_block,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    // A selection running into the next block is cut at the end of its first block.
    let end_container = range.end_container().ok()?;
    let end = match block_of(&end_container) {
        Some(b) if b == start_block => {
            offset_in(&start_block, &end_container, range.end_offset().ok()?)?
        }
        _ => block.text.encode_utf16().count(),
    };
    let anchor = anchor_from_selection(&id, &block.text, start, end);
    if anchor.quote.trim().is_empty() {
        return None;
    }
    let rect = range.get_bounding_client_rect();
    let scroll_y = browser::window().ok()?.scroll_y().unwrap_or(0.0);
    let style = format!(
        "left: {:.0}px; top: {:.0}px",
        (rect.left() + rect.width() / 2.0).max(60.0),
        (rect.top() + scroll_y - 52.0).max(0.0)
    );
    Some(Picked { anchor, style })
}

/// The floating actions for the current selection in `doc`.
#[component]
pub fn SelectionBar(
    /// The open document.
    doc: &'static Document,
    /// Opens the citation panel.
    cite: RwSignal<Option<CiteTarget>>,
) -> impl IntoView {
    let state = use_app();
    let notes = use_notes();
    let picked = RwSignal::new(None::<Picked>);
    let listener = browser::document().ok().map(|d| {
        gloo_events::EventListener::new(&d, "selectionchange", move |_| {
            let selection = read_selection(doc);
            if selection.is_some() {
                // Its buttons open the note editor and the citation panel.
                crate::ui::lazy::warm_parts();
            }
            picked.set(selection);
        })
    });
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || listener.set_value(None));

    let open = move |target: Target| {
        let note = Note::new(new_id(), doc.meta.id.clone(), target, now());
        notes.editing.set(Some(Editing::New(note)));
        picked.set(None);
    };
    move || {
        picked.get().map(|p| {
            let passage = p.anchor.clone();
            let para = p.anchor.para.clone();
            let lookup: String = p.anchor.quote.trim().chars().take(LOOKUP_MAX_CHARS).collect();
            let cite_target = CiteTarget { doc: doc.meta.id.clone(), para: p.anchor.para.clone(), quote: p.anchor.quote.clone() };
            view! {
                <div class="selection-bar" role="toolbar" aria-label=move || state.t(Msg::SelectionActions) style=p.style.clone()>
                    // Keep the selection when the button is pressed.
                    <button type="button" class="tool-btn primary" data-action="note-passage"
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| open(Target::Passage(passage.clone()))>
                        {move || state.t(Msg::AddNote)}
                    </button>
                    <button type="button" class="tool-btn" data-action="note-paragraph"
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| open(Target::Paragraph { para: para.clone() })>
                        {move || state.t(Msg::NoteOnParagraph)}
                    </button>
                    <button type="button" class="tool-btn" data-action="cite"
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| cite.set(Some(cite_target.clone()))>
                        {move || state.t(Msg::Cite)}
                    </button>
                    // Lookup on selection: the exact words (substring search) across the
                    // corpus, with the glossary entries they contain.
                    <button type="button" class="tool-btn" data-action="look-up"
                        title=move || state.t(Msg::LookUpHint)
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| {
                            picked.set(None);
                            state.navigate(Route::Search { query: lookup.clone(), kind: SearchKind::Substring });
                        }>
                        {move || state.t(Msg::LookUp)}
                    </button>
                </div>
            }
        })
    }
}
