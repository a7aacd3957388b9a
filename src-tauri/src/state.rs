//! What the app holds while it runs: the open catalog (or why it could not be opened),
//! the translator for the chosen language and the saved preferences.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use chophien::catalog::{Catalog, CatalogError};
use chophien::i18n::{I18n, Lang};
use chophien::paths;
use chophien::photos::PhotoStore;
use chophien::rules::RuleSet;
use chophien::settings::{Settings, SyncMode, settings_file};

use crate::ipc_error::IpcError;

pub struct AppState {
    catalog: RwLock<Result<Arc<Catalog>, CatalogError>>,
    /// The listing rules, read on first use (the built-in packs or newer ones in the
    /// data folder's `rules/`).
    rules: Mutex<Option<Arc<RuleSet>>>,
    i18n: RwLock<Arc<I18n>>,
    settings: Mutex<Settings>,
    config_dir: PathBuf,
    /// When the process started, to log how long the first screen took.
    pub started: Instant,
    /// Set by the window's "Dừng" button; the running photo import stops at the next file.
    pub stop_photo_import: Arc<AtomicBool>,
    /// The same for the running export, import, backup or restore of the "Trao đổi" screen.
    pub stop_exchange: Arc<AtomicBool>,
}

impl AppState {
    /// Loads the preferences and opens the catalog they point to. A catalog that cannot
    /// be opened is not fatal: the app starts and shows why, with ways out.
    pub fn start(started: Instant) -> AppState {
        let config_dir = paths::config_dir().unwrap_or_else(|| PathBuf::from("."));
        let settings = Settings::load(&settings_file(&config_dir));
        let i18n = Arc::new(I18n::new(settings.lang));
        let catalog = open_catalog(&data_dir(&settings));
        if let Ok(open) = &catalog {
            daily_backup(open.clone(), settings.backups_kept);
        }
        AppState {
            catalog: RwLock::new(catalog),
            rules: Mutex::new(None),
            i18n: RwLock::new(i18n),
            settings: Mutex::new(settings),
            config_dir,
            started,
            stop_photo_import: Arc::new(AtomicBool::new(false)),
            stop_exchange: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The open catalog, or the reason it is not open as an error for the UI.
    pub fn catalog(&self) -> Result<Arc<Catalog>, IpcError> {
        match &*self
            .catalog
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
        {
            Ok(catalog) => Ok(catalog.clone()),
            Err(error) => Err(IpcError::new(error, &self.i18n())),
        }
    }

    /// The photo files beside the open catalog.
    pub fn photo_store(&self) -> Result<PhotoStore, IpcError> {
        Ok(PhotoStore::at(self.catalog()?.data_dir()))
    }

    /// The listing rules. A newer pack that cannot be used is logged and the one it
    /// would have replaced is kept; only broken built-in packs (a broken build) fail.
    pub fn rules(&self) -> Result<Arc<RuleSet>, IpcError> {
        let mut rules = self
            .rules
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(loaded) = &*rules {
            return Ok(loaded.clone());
        }
        let dir = self.data_dir().join("rules");
        let (loaded, problems) =
            RuleSet::with_updates(&dir).map_err(|error| IpcError::new(&error, &self.i18n()))?;
        for problem in problems {
            eprintln!("chophien-desktop: {problem}");
        }
        let loaded = Arc::new(loaded);
        *rules = Some(loaded.clone());
        Ok(loaded)
    }

    /// Closes the catalog for a restore, which replaces its file: until [`reopen`], commands
    /// hear that it is busy. Waits up to 10 s for commands still using it.
    ///
    /// [`reopen`]: AppState::reopen
    pub fn close_catalog(&self) -> Result<(), IpcError> {
        let busy = || CatalogError::Busy {
            path: self.catalog_path(),
        };
        let taken = std::mem::replace(
            &mut *self
                .catalog
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            Err(busy()),
        );
        let Ok(mut shared) = taken else {
            return Ok(());
        };
        for _ in 0..500 {
            match Arc::try_unwrap(shared) {
                // Dropping the last handle closes the connection.
                Ok(_closed) => return Ok(()),
                Err(still_used) => shared = still_used,
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        *self
            .catalog
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Ok(shared);
        Err(IpcError::new(&busy(), &self.i18n()))
    }

    /// Opens the catalog again (after the user fixed permissions, freed space…).
    pub fn reopen(&self) {
        *self
            .rules
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        let catalog = open_catalog(&self.data_dir());
        *self
            .catalog
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = catalog;
    }

    pub fn i18n(&self) -> Arc<I18n> {
        self.i18n
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn lang(&self) -> Lang {
        self.i18n().lang()
    }

    /// Switches the language of every message from now on and remembers the choice.
    pub fn set_language(&self, lang: Lang) -> std::io::Result<()> {
        *self
            .i18n
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(I18n::new(lang));
        self.update_settings(|settings| settings.lang = lang)
    }

    /// Moves the catalog to another folder (used as is if it already holds one).
    pub fn set_data_dir(&self, dir: PathBuf) -> std::io::Result<()> {
        self.update_settings(|settings| settings.data_dir = Some(dir))?;
        self.reopen();
        Ok(())
    }

    /// How many automatic daily backups are kept.
    pub fn backups_kept(&self) -> usize {
        self.settings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .backups_kept
    }

    pub fn set_backups_kept(&self, kept: usize) -> std::io::Result<()> {
        self.update_settings(|settings| settings.backups_kept = kept)
    }

    pub fn sync_mode(&self) -> SyncMode {
        self.settings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .sync_mode
    }

    pub fn set_sync_mode(&self, mode: SyncMode) -> std::io::Result<()> {
        self.update_settings(|settings| settings.sync_mode = mode)
    }

    pub fn data_dir(&self) -> PathBuf {
        data_dir(
            &self
                .settings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    pub fn catalog_path(&self) -> PathBuf {
        paths::catalog_file(&self.data_dir())
    }

    pub fn config_dir(&self) -> &Path {
        &self.config_dir
    }

    fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> std::io::Result<()> {
        let mut settings = self
            .settings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        change(&mut settings);
        settings.save(&settings_file(&self.config_dir))
    }
}

/// The data folder: the one the user chose, `CHOPHIEN_DATA_DIR`, or the OS default.
fn data_dir(settings: &Settings) -> PathBuf {
    if std::env::var_os(paths::DATA_DIR_ENV).is_some_and(|d| !d.is_empty()) {
        return paths::data_dir().unwrap_or_default();
    }
    settings
        .data_dir
        .clone()
        .or_else(paths::data_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Makes today's automatic backup in the background, unless one exists, keeping the
/// last `keep` (a failure is logged: it must never stop the app).
fn daily_backup(catalog: Arc<Catalog>, keep: usize) {
    std::thread::spawn(move || {
        if let Err(error) = chophien::exchange::backup::backup_if_due(&catalog, keep) {
            eprintln!("chophien-desktop: daily backup: {error}");
        }
    });
}

/// Opens and checks the catalog (a page-level check costs a few milliseconds and finds
/// damage before the user starts editing).
fn open_catalog(data_dir: &Path) -> Result<Arc<Catalog>, CatalogError> {
    let catalog = Catalog::open(&paths::catalog_file(data_dir))?;
    catalog.verify()?;
    // Makes the photo folders and removes what an interrupted write left; photos are
    // not needed to edit the catalog, so a failure here only shows when one is added.
    if let Err(error) = PhotoStore::open(data_dir) {
        eprintln!("chophien-desktop: photo folder: {error}");
    }
    // What an interrupted restore left beside the catalog (goal G5).
    if let Err(error) = chophien::files::sweep_temporaries(data_dir) {
        eprintln!("chophien-desktop: data folder: {error}");
    }
    Ok(Arc::new(catalog))
}
