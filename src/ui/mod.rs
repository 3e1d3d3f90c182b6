//! The user interface: Leptos components over `crate::core`. This is the only place that
//! touches the browser; it holds no logic that could live in `core`.

pub mod app;
pub mod bench;
pub mod browser;
pub mod components;
pub mod lazy;
pub mod notes_state;
pub mod pages;
pub mod settle;
pub mod state;
pub mod texts;

/// Mounts the app into `<body>` and removes the loading message and the pre-rendered
/// text shown while loading (`public/boot.js`). When `boot.js` is still receiving the
/// rest of the opening's file (the document's text, which the app shows in its place),
/// the opening stays until it has arrived (at most `texts::BOOT_WAIT_MS`), rather than
/// giving way to a "Loading the text…" status.
pub fn mount() {
    // wasm-bindgen's executor: Leptos' own is set up by `mount_to_body`, below.
    wasm_bindgen_futures::spawn_local(async {
        texts::boot_file_arrived().await;
        for placeholder in ["#boot", "#prerender"] {
            if let Some(el) = browser::query(placeholder) {
                el.remove();
            }
        }
        browser::set_root_attribute("data-app-started", "");
        leptos::mount::mount_to_body(app::App);
    });
}
