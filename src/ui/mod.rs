//! The user interface: Leptos components over `crate::core`. This is the only place that
//! touches the browser; it holds no logic that could live in `core`.

pub mod app;
pub mod bench;
pub mod browser;
pub mod components;
pub mod notes_state;
pub mod pages;
pub mod state;

/// Mounts the app into `<body>` and removes the loading message.
pub fn mount() {
    if let Some(boot) = browser::query("#boot") {
        boot.remove();
    }
    browser::set_root_attribute("data-app-started", "");
    leptos::mount::mount_to_body(app::App);
}
