//! Mounts the app; everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    ceasefire_map::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ceasefire-map runs in the browser: build it with `make serve` or `make dist`.");
}
