//! The `fascia` binary: parse arguments, run the command, map failures to exit codes. Everything
//! it prints outside the full-screen app goes through the sanitiser, so no escape sequence from a
//! file, an argument or the environment reaches the terminal.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use fascia::sanitize::{SafeWriter, sanitize};

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(&e),
    };
    let stdout = std::io::stdout();
    let mut out = SafeWriter::new(stdout.lock());
    let result = cli::run(&cli, &mut out);
    let _ = out.finish();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::Failure::BadInput(message)) => {
            say(&format!("fascia: {}", sanitize(&message)));
            ExitCode::from(2)
        }
        // The shell's convention for a process a signal ended; the terminal was restored.
        Err(cli::Failure::Stopped(signal)) => {
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(1))
        }
        Err(cli::Failure::Internal(error)) => {
            // A closed pipe (`fascia advise ... | head`) is not a failure.
            let pipe = std::io::ErrorKind::BrokenPipe;
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == pipe)
                || error
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
                    == Some(pipe)
            {
                return ExitCode::SUCCESS;
            }
            say(&format!(
                "fascia: internal error: {}",
                sanitize(&format!("{error:#}"))
            ));
            ExitCode::from(1)
        }
    }
}

/// clap's own messages quote the bad argument as given: print them without styling, sanitised.
/// Help and version hold nothing from outside and keep clap's own printing.
fn argument_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit();
    }
    let text = e.render().to_string();
    let text = sanitize(&text);
    if e.use_stderr() {
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        let _ = std::io::stdout().write_all(text.as_bytes());
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Prints a line on stderr; a closed or hung-up terminal is no reason to panic.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}
