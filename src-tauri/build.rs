//! Declares the app's own commands to Tauri's permission system: a command not listed
//! here cannot be called from the window at all, and the capability file must allow
//! each one by name (tests/capabilities.rs checks both lists against the registered
//! commands).

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&COMMANDS)),
    )
    .unwrap_or_else(|error| panic!("tauri build step failed: {error:#}"));
}

const COMMANDS: [&str; 52] = [
    "startup",
    "app_info",
    "set_language",
    "retry_startup",
    "start_empty_catalog",
    "use_data_folder",
    "ui_ready",
    "vocabulary",
    "provinces",
    "find_products",
    "load_demo",
    "product_editor",
    "new_product_form",
    "create_product",
    "save_product",
    "delete_product",
    "restore_product",
    "add_variant",
    "save_variant",
    "delete_variant",
    "restore_variant",
    "add_certificate",
    "save_certificate",
    "delete_certificate",
    "restore_certificate",
    "list_cooperatives",
    "new_cooperative_form",
    "create_cooperative",
    "save_cooperative",
    "delete_cooperative",
    "restore_cooperative",
    "product_photos",
    "import_photos",
    "stop_photo_import",
    "move_photo",
    "set_photo_fit",
    "delete_photo",
    "restore_photo",
    "product_listings",
    "save_listing",
    "copy_listing",
    "add_proof",
    "delete_proof",
    "restore_proof",
    "list_scripts",
    "generate_script",
    "script_view",
    "save_script",
    "restore_script_version",
    "delete_script",
    "restore_script",
    "export_script",
];
