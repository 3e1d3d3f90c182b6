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
/// text shown while loading (`public/boot.js`).
pub fn mount() {
    for placeholder in ["#boot", "#prerender"] {
        if let Some(el) = browser::query(placeholder) {
            el.remove();
        }
    }
    browser::set_root_attribute("data-app-started", "");
    leptos::mount::mount_to_body(app::App);
}
