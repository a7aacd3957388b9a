//! What every command needs: the open catalog, the translator, today's date and how to
//! print.

use std::path::{Path, PathBuf};

use chophien::catalog::Catalog;
use chophien::i18n::{I18n, Localize, dates};
use chophien::rules::RuleSet;
use time::Date;

/// A failure already put into words for the user, with its stable code for scripts.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(code: &'static str, message: String) -> Failure {
        Failure { code, message }
    }
}

/// The catalog file: `--db`, else the one in the data folder.
pub(crate) fn catalog_path(db: Option<&Path>, i18n: &I18n) -> Result<PathBuf, Failure> {
    match db {
        Some(path) => Ok(path.to_path_buf()),
        None => chophien::paths::data_dir()
            .map(|dir| chophien::paths::catalog_file(&dir))
            .ok_or_else(|| Failure::new("cli.no-data-dir", i18n.tr("cli-no-data-dir"))),
    }
}

pub(crate) struct Context<'a> {
    pub(crate) catalog: Catalog,
    pub(crate) i18n: &'a I18n,
    pub(crate) json: bool,
    pub(crate) today: Date,
}

impl<'a> Context<'a> {
    pub(crate) fn open(
        db: Option<&Path>,
        json: bool,
        i18n: &'a I18n,
    ) -> Result<Context<'a>, Failure> {
        let path = catalog_path(db, i18n)?;
        let catalog = Catalog::open(&path).map_err(|e| Failure::new(e.code(), e.localize(i18n)))?;
        Ok(Context {
            catalog,
            i18n,
            json,
            today: dates::today(dates::local_offset()),
        })
    }

    /// The rule packs: the built-in ones, or newer ones put in the data folder's `rules/`.
    /// A newer pack that cannot be read is reported and the built-in one used.
    pub(crate) fn rules(&self) -> Result<RuleSet, Failure> {
        let dir = self.catalog.data_dir().join("rules");
        let (rules, problems) = RuleSet::with_updates(&dir).map_err(|e| self.fail(&e))?;
        for problem in problems {
            eprintln!("{}", problem.localize(self.i18n));
        }
        Ok(rules)
    }

    /// Puts an error into the user's words.
    pub(crate) fn fail(&self, error: &impl Localize) -> Failure {
        Failure::new(error.code(), error.localize(self.i18n))
    }

    /// A failure from one of the CLI's own messages.
    pub(crate) fn fail_with(
        &self,
        code: &'static str,
        id: &str,
        args: &[(&str, chophien::i18n::Arg)],
    ) -> Failure {
        Failure::new(code, self.i18n.tr_args(id, args))
    }

    pub(crate) fn tr(&self, id: &str) -> String {
        self.i18n.tr(id)
    }

    pub(crate) fn tr_args(&self, id: &str, args: &[(&str, chophien::i18n::Arg)]) -> String {
        self.i18n.tr_args(id, args)
    }
}
