//! The Chợ Phiên desktop shell: one window over the `chophien` core. Commands are thin
//! (parse, call the core, map the error); the window may call nothing else (see
//! `capabilities/main.json`).

mod bindings;
mod commands;
mod ipc_error;
mod market_state;
mod photo_protocol;
mod state;

pub use bindings::export as export_bindings;

use std::time::Instant;

/// Environment defaults for the web view, given how to read the environment: only
/// values the user has not set. WebKitGTK's DMA-BUF renderer leaves the window blank on
/// many NVIDIA and some Wayland set-ups (the commonest Tauri-on-Linux complaint), and
/// turning it off costs nothing elsewhere.
pub fn renderer_defaults(
    get: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Vec<(&'static str, &'static str)> {
    let wanted: &[(&str, &str)] = if cfg!(target_os = "linux") {
        &[("WEBKIT_DISABLE_DMABUF_RENDERER", "1")]
    } else {
        &[]
    };
    wanted
        .iter()
        .copied()
        .filter(|(name, _)| get(name).is_none())
        .collect()
}

/// Starts the app. `started` is when `main` began, for the start-up time log.
pub fn run(started: Instant) {
    let builder = bindings::builder();
    let state = state::AppState::start(started);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .register_asynchronous_uri_scheme_protocol(photo_protocol::SCHEME, photo_protocol::handle)
        .manage(state)
        .manage(market_state::MarketState::new())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("chophien-desktop: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn renderer_defaults_never_override_the_user() {
        assert_eq!(
            renderer_defaults(|_| None),
            vec![("WEBKIT_DISABLE_DMABUF_RENDERER", "1")]
        );
        assert!(renderer_defaults(|_| Some("0".into())).is_empty());
    }
}
