//! Entry point: install the panic hook and mount the app. Nothing else lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    silk_road_reader::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The reader runs in the browser: build it with `trunk build` (see README.md).");
}
