//! The `fascia` binary: parse arguments, run the command, map failures to exit codes.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = cli::run(&cli, &mut out);
    let _ = out.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::Failure::BadInput(message)) => {
            eprintln!("fascia: {message}");
            ExitCode::from(2)
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
            eprintln!("fascia: internal error: {error:#}");
            ExitCode::from(1)
        }
    }
}
