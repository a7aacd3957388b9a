//! `chophien`: the catalog from a terminal or a script. Every message comes from the
//! Fluent files (Vietnamese unless `--lang en`); `--json` prints machine-readable
//! results. Exit codes: 0 done, 1 failed (the message says why), 2 the command line
//! itself was wrong.

mod args;
mod commands;
mod context;
mod help;
mod output;

use std::ffi::OsString;
use std::process::ExitCode;

use chophien::args;
use chophien::i18n::{I18n, Lang};
use clap::{CommandFactory, FromArgMatches};

use args::{Cli, TopCommand};
use context::{Context, Failure};

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let requested = requested_lang(&argv);
    let lang = requested
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    let i18n = I18n::new(lang);
    if let Some(code) = requested
        .as_deref()
        .filter(|code| Lang::from_code(code).is_none())
    {
        eprintln!("{}", i18n.tr_args("cli-bad-lang", args!["text" => code]));
        return ExitCode::from(2);
    }
    let command = help::localize(Cli::command(), &i18n);
    let cli = match command
        .try_get_matches_from(argv)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error, &i18n),
    };
    let json = cli.json;
    let db = cli.db.as_deref();
    let outcome = match cli.command {
        // Restoring replaces the catalog file: it must not be open.
        TopCommand::Restore { file } => commands::restore(db, json, &i18n, &file),
        TopCommand::Catalog(command) => {
            Context::open(db, json, &i18n).and_then(|ctx| commands::run(&ctx, command))
        }
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            report_failure(&failure, &i18n, json);
            ExitCode::FAILURE
        }
    }
}

/// The language asked for, read before clap parses so that clap's own help and errors
/// can already speak it: `--lang X`, `--lang=X`, or `CHOPHIEN_LANG`.
fn requested_lang(argv: &[OsString]) -> Option<String> {
    let mut args = argv.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--lang" {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    std::env::var("CHOPHIEN_LANG")
        .ok()
        .filter(|v| !v.is_empty())
}

fn usage_error(error: &clap::Error, i18n: &I18n) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help was asked for (or a group was given without a command): print it.
            let _ = error.print();
            if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        kind => {
            eprintln!(
                "{}",
                i18n.tr_args(
                    "cli-usage-error",
                    args!["detail" => usage_detail(error, kind, i18n)]
                )
            );
            eprintln!("{}", i18n.tr("cli-help-hint"));
            ExitCode::from(2)
        }
    }
}

/// What was wrong with the command line, in the user's language where we know the case.
fn usage_detail(error: &clap::Error, kind: clap::error::ErrorKind, i18n: &I18n) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |wanted: ContextKind| {
        error.get(wanted).map(|value| match value {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(list) => list.join(", "),
            other => other.to_string(),
        })
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    match kind {
        ErrorKind::UnknownArgument => {
            i18n.tr_args("cli-usage-unknown-argument", args!["arg" => arg])
        }
        ErrorKind::InvalidSubcommand => i18n.tr_args(
            "cli-usage-unknown-command",
            args!["command" => context(ContextKind::InvalidSubcommand).unwrap_or_default()],
        ),
        ErrorKind::MissingRequiredArgument => {
            i18n.tr_args("cli-usage-missing", args!["arg" => arg])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => i18n.tr_args(
            "cli-usage-invalid-value",
            args!["arg" => arg, "value" => context(ContextKind::InvalidValue).unwrap_or_default()],
        ),
        ErrorKind::ArgumentConflict => i18n.tr_args(
            "cli-usage-conflict",
            args!["arg" => arg, "other" => context(ContextKind::PriorArg).unwrap_or_default()],
        ),
        _ => {
            let rendered = error.render().to_string();
            rendered
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_owned()
        }
    }
}

fn report_failure(failure: &Failure, i18n: &I18n, json: bool) {
    if json {
        let value =
            serde_json::json!({ "error": { "code": failure.code, "message": failure.message } });
        eprintln!("{value}");
    } else {
        eprintln!(
            "{}",
            i18n.tr_args("cli-error", args!["message" => &failure.message])
        );
    }
}
