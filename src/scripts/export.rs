//! A script for the host away from the app: a print page (A4, one table per product
//! cycle with minute markers, what to say, what to show, what to do) and plain text for
//! a phone.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::{ScriptDraft, clock};
use crate::args;
use crate::files::write_atomic;
use crate::i18n::{I18n, Localize};

/// A script file that could not be written where the user asked.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

impl Localize for WriteError {
    fn code(&self) -> &'static str {
        "scripts.write-failed"
    }

    fn localize(&self, i18n: &I18n) -> String {
        i18n.tr_args(
            "errors-write-failed",
            args!["path" => self.path.display().to_string(), "reason" => self.source.to_string()],
        )
    }
}

/// Writes an exported script to `path` whole or not at all.
pub fn write(path: &Path, text: &str) -> Result<(), WriteError> {
    write_atomic(path, text.as_bytes()).map_err(|source| WriteError {
        path: path.to_owned(),
        source,
    })
}

/// The segments with their start times.
fn timed(draft: &ScriptDraft) -> impl Iterator<Item = (u32, &super::Segment)> {
    draft.segments.iter().scan(0u32, |at, segment| {
        let start = *at;
        *at += segment.seconds;
        Some((start, segment))
    })
}

/// The heading line: kind, length, tone, pace.
fn summary(draft: &ScriptDraft, i18n: &I18n) -> String {
    format!(
        "{} · {} · {} · {}",
        i18n.tr(&draft.kind.message_id()),
        clock(draft.planned_seconds()),
        i18n.tr(&draft.tone.message_id()),
        i18n.tr_args(
            "scripts-pace",
            crate::args!["wpm" => draft.words_per_minute]
        ),
    )
}

/// Plain text: one block per segment, for reading on a phone.
pub fn text(draft: &ScriptDraft, i18n: &I18n) -> String {
    let mut out = format!("{}\n{}\n", draft.title, summary(draft, i18n));
    for (start, segment) in timed(draft) {
        let _ = write!(
            out,
            "\n[{}] {} ({} s)\n{}\n",
            clock(start),
            i18n.tr(&segment.purpose.message_id()).to_uppercase(),
            segment.seconds,
            segment.lines
        );
        for (label, value) in [
            ("scripts-label-screen", &segment.on_screen),
            ("scripts-label-notes", &segment.notes),
        ] {
            if !value.trim().is_empty() {
                let _ = writeln!(out, "{}: {value}", i18n.tr(label));
            }
        }
    }
    if !draft.hashtags.is_empty() {
        let _ = writeln!(out, "\n{}", draft.hashtags.join(" "));
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            other => out.push(other),
        }
    }
    out
}

/// A self-contained page to print on A4 (no script, no remote content).
pub fn html(draft: &ScriptDraft, i18n: &I18n) -> String {
    let mut rows = String::new();
    for (start, segment) in timed(draft) {
        let _ = writeln!(
            rows,
            "<tr class=\"{}\"><td class=\"time\">{}<br><small>{} s</small></td><th>{}</th>\
             <td class=\"say\">{}</td><td>{}</td><td>{}</td></tr>",
            segment.purpose.code(),
            clock(start),
            segment.seconds,
            escape(&i18n.tr(&segment.purpose.message_id())),
            escape(&segment.lines),
            escape(&segment.on_screen),
            escape(&segment.notes),
        );
    }
    let hashtags = if draft.hashtags.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"tags\">{}</p>",
            escape(&draft.hashtags.join(" "))
        )
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\
         <h1>{title}</h1><p class=\"summary\">{summary}</p>\
         <table><thead><tr><th>{time}</th><th>{part}</th><th>{say}</th><th>{screen}</th><th>{notes}</th></tr></thead>\
         <tbody>\n{rows}</tbody></table>{hashtags}</body></html>\n",
        lang = draft.lang.code(),
        title = escape(&draft.title),
        summary = escape(&summary(draft, i18n)),
        time = escape(&i18n.tr("scripts-label-time")),
        part = escape(&i18n.tr("scripts-label-part")),
        say = escape(&i18n.tr("scripts-label-say")),
        screen = escape(&i18n.tr("scripts-label-screen")),
        notes = escape(&i18n.tr("scripts-label-notes")),
    )
}

const STYLE: &str = "@page{size:A4;margin:14mm}\
body{font-family:'Be Vietnam Pro','Noto Sans',sans-serif;font-size:11pt;color:#1d1d1b}\
h1{font-size:16pt;margin:0 0 4pt}.summary{color:#555;margin:0 0 10pt}\
table{width:100%;border-collapse:collapse}th,td{border:1px solid #bbb;padding:4pt 5pt;vertical-align:top;text-align:left}\
thead th{background:#e4f1e8}tr{page-break-inside:avoid}.time{white-space:nowrap;width:14mm}\
.say{width:45%;font-size:12pt}tbody th{width:22mm}tr.hook th,tr.welcome th,tr.rehook th{color:#c2410c}\
.tags{margin-top:10pt;color:#175634}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_line_is_shown_not_run() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
