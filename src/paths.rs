//! Where the app keeps its files. Everything goes through [`data_dir`], which honours
//! `CHOPHIEN_DATA_DIR` so that tests, demos and training sessions never touch a real
//! user's catalog.

use std::path::PathBuf;

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "CHOPHIEN_DATA_DIR";
/// Environment variable that overrides the configuration folder (the desktop settings).
pub const CONFIG_DIR_ENV: &str = "CHOPHIEN_CONFIG_DIR";

/// The folder holding the catalog and photos: `$CHOPHIEN_DATA_DIR` if set, else the
/// OS data folder (`~/.local/share/chophien` on Linux, `%APPDATA%\ChoPhien\chophien\data`
/// on Windows, `~/Library/Application Support/vn.ChoPhien.chophien` on macOS).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("vn", "ChoPhien", "chophien")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

/// The catalog file inside a data folder.
pub fn catalog_file(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("catalog.sqlite3")
}

/// The folder holding the desktop app's settings: `$CHOPHIEN_CONFIG_DIR` if set, else the
/// OS configuration folder.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("vn", "ChoPhien", "chophien")
        .map(|dirs| dirs.config_dir().to_path_buf())
}
