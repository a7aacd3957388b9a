//! The desktop app's preferences: the language, how many daily backups to keep and, if
//! the user moved it, the data folder. Kept as a small JSON file in the OS configuration folder (not in the data
//! folder, since it says where that is), written atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::write_atomic;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// Where the catalog lives, when not in the default data folder.
    pub data_dir: Option<PathBuf>,
    /// What happens when a marketplace becomes reachable with work waiting.
    pub sync_mode: SyncMode,
    /// How many automatic daily backups to keep in the data folder's `backups/`.
    pub backups_kept: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::default(),
            data_dir: None,
            sync_mode: SyncMode::default(),
            // A week of days to go back to, at the size of one catalog each.
            backups_kept: 7,
        }
    }
}

/// When the outbox is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SyncMode {
    /// As soon as a marketplace is reachable.
    #[default]
    Automatic,
    /// Ask first (a metered phone hotspot).
    Ask,
    /// Only when the user says so.
    Manual,
}

impl Settings {
    /// Reads the settings; a missing or unreadable file gives the defaults (a broken
    /// preferences file must never keep the app from starting).
    pub fn load(path: &Path) -> Settings {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(path, &json)
    }
}

/// The settings file inside a configuration folder.
pub fn settings_file(config_dir: &Path) -> PathBuf {
    config_dir.join("settings.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_survives_garbage() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = settings_file(dir.path());
        assert_eq!(Settings::load(&path), Settings::default());
        let settings = Settings {
            lang: Lang::En,
            data_dir: Some(dir.path().join("data")),
            sync_mode: SyncMode::Ask,
            backups_kept: 3,
        };
        settings.save(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Settings::load(&path), settings);
        std::fs::write(&path, b"{not json").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Settings::load(&path), Settings::default());
    }
}
