//! The command that continues an upload after Ctrl-C or a failure: the one
//! that was run, as the user typed it, without the files already uploaded
//! (they would be uploaded again, as new videos) and, when a checkpoint was
//! kept, without `--no-resume` (it would start over).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Quotes a word for a POSIX shell where it needs it.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@+".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Options of `vodkit upload` (its own and the global ones) whose value is
/// the next word: that word is no file.
fn options_taking_a_value() -> Vec<String> {
    let root = crate::command();
    let upload = root.find_subcommand("upload").cloned();
    root.get_arguments()
        .chain(upload.iter().flat_map(|u| u.get_arguments()))
        .filter(|a| a.get_action().takes_values() && !a.is_require_equals_set())
        .flat_map(|a| {
            a.get_long()
                .map(|l| format!("--{l}"))
                .into_iter()
                .chain(a.get_short().map(|s| format!("-{s}")))
        })
        .collect()
}

/// `argv` (the program first) as the command that continues.
pub fn continue_command(argv: &[OsString], done: &[PathBuf], checkpoint_kept: bool) -> String {
    let valued = options_taking_a_value();
    let mut done: Vec<&Path> = done.iter().map(PathBuf::as_path).collect();
    let mut words = vec!["vodkit".to_owned()];
    let mut value_next = false;
    let mut positional_only = false;
    let mut seen_subcommand = false;
    for arg in argv.iter().skip(1) {
        let word = arg.to_string_lossy();
        if value_next {
            value_next = false;
        } else if !positional_only && word == "--" {
            positional_only = true;
        } else if !positional_only && word.starts_with('-') && word.len() > 1 {
            if checkpoint_kept && word == "--no-resume" {
                continue;
            }
            value_next = !word.contains('=') && valued.iter().any(|v| *v == word);
        } else if !seen_subcommand {
            seen_subcommand = true;
        } else if let Some(i) = done.iter().position(|d| *d == Path::new(arg)) {
            // A file uploaded already: each one once, as it was named.
            done.remove(i);
            continue;
        }
        words.push(shell_quote(&word));
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn drops_the_files_done_and_no_resume_but_not_option_values() {
        let a = argv(&[
            "/usr/bin/vodkit",
            "--provider",
            "iqiyi",
            "upload",
            "a.mp4",
            "--file-name",
            "a.mp4",
            "--no-resume",
            "b c.mp4",
            "--part-size=64K",
            "d.mp4",
        ]);
        let done = vec![PathBuf::from("a.mp4")];
        assert_eq!(
            continue_command(&a, &done, true),
            "vodkit --provider iqiyi upload --file-name a.mp4 'b c.mp4' --part-size=64K d.mp4"
        );
        assert_eq!(
            continue_command(&a, &[], false),
            "vodkit --provider iqiyi upload a.mp4 --file-name a.mp4 --no-resume 'b c.mp4' --part-size=64K d.mp4"
        );
    }
}
