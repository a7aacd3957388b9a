//! Entry point of the desktop app.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let started = std::time::Instant::now();
    for (name, value) in chophien_desktop::renderer_defaults(|name| std::env::var_os(name)) {
        // SAFETY: first thing in main, while the process has a single thread.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(name, value);
        }
    }
    chophien_desktop::run(started);
}
