//! Puts the Fluent help texts onto clap's command tree, so `--help` speaks the chosen
//! language. A command's text is `cli-help-<path>` (`cli-help-coop-add`); an option's
//! is `cli-help-<path>-<name>` if that exists, else `cli-help-<name>`; a positional
//! argument's is `cli-help-arg-<name>`.

use chophien::i18n::I18n;
use clap::{Arg, Command};

pub(crate) fn localize(command: Command, i18n: &I18n) -> Command {
    let template = format!(
        "{{about}}\n\n{}: {{usage}}\n\n{{all-args}}\n",
        i18n.tr("cli-usage-heading")
    );
    localize_at(command, i18n, &[], &template)
        .about(i18n.tr("cli-about"))
        .next_help_heading(i18n.tr("cli-options-heading"))
}

fn localize_at(mut command: Command, i18n: &I18n, path: &[String], template: &str) -> Command {
    let path_key = path.join("-");
    if !path.is_empty() {
        command = command.about(i18n.tr(&format!("cli-help-{path_key}")));
    }
    command = command
        .help_template(template.to_owned())
        .subcommand_help_heading(i18n.tr("cli-commands-heading"))
        .mut_args(|arg| localize_arg(arg, i18n, &path_key));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        command = command.mut_subcommand(&name, |sub| localize_at(sub, i18n, &sub_path, template));
    }
    command
}

fn localize_arg(arg: Arg, i18n: &I18n, path_key: &str) -> Arg {
    let name = arg
        .get_id()
        .as_str()
        .trim_end_matches("_arg")
        .replace('_', "-");
    let key = if arg.is_positional() {
        format!("cli-help-arg-{name}")
    } else {
        let specific = format!("cli-help-{path_key}-{name}");
        if i18n.has(&specific) {
            specific
        } else {
            format!("cli-help-{name}")
        }
    };
    let heading = if arg.is_positional() {
        "cli-arguments-heading"
    } else {
        "cli-options-heading"
    };
    if i18n.has(&key) {
        arg.help(i18n.tr(&key)).help_heading(i18n.tr(heading))
    } else {
        arg.help_heading(i18n.tr(heading))
    }
}
