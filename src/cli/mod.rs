//! The command line: argument definitions and dispatch to the non-interactive commands.

mod advise;
mod browse;
mod forget;
mod history;
mod kb_cmd;
mod questions;

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use fascia::engine::DEFAULT_EMERGENCY;
use fascia::kb::{KnowledgeBase, LoadError};

/// How a command failed: bad input (exit 2), a fault of ours (exit 1), or a stop signal that
/// ended the app after it restored the terminal (exit 128 + the signal's number).
#[derive(Debug)]
pub enum Failure {
    BadInput(String),
    Internal(anyhow::Error),
    Stopped(i32),
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::BadInput(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Internal(e.into())
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Internal(e.into())
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "fascia",
    version,
    about = "Safe self-myofascial release: screening, a routine for your tools, and a technique library",
    long_about = "fascia helps you use foam rollers, balls, sticks and your hands safely on tight or sore \
muscles. It asks where it hurts and about risk factors, screens out what should not be pressed \
and refers you when needed, then builds a short routine with the tools you own.\n\n\
Run it without a command for the full-screen app.\n\n\
It is not a diagnosis and not for emergencies: in an emergency call your local emergency number."
)]
pub struct Cli {
    /// Knowledge base to use instead of the built-in one
    #[arg(long, global = true, env = "FASCIA_KB", value_name = "PATH")]
    pub kb: Option<PathBuf>,

    /// What to tell people to call in an emergency (default: "your local emergency number (e.g. 911, 112, 999)")
    #[arg(
        long,
        global = true,
        env = "FASCIA_EMERGENCY_NUMBER",
        value_name = "TEXT"
    )]
    pub emergency_number: Option<String>,

    /// No terminal bell during guided sessions
    #[arg(long, global = true)]
    pub quiet: bool,

    /// Neither read nor write the remembered answers (by default, stable answers are kept for up
    /// to 12 months on this computer; `fascia forget` deletes them)
    #[arg(long, global = true, env = "FASCIA_NO_REMEMBER", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_remember: bool,

    /// Plain mode: a line-by-line conversation for screen readers, dumb terminals and scripts
    /// (automatic when TERM=dumb)
    #[arg(long)]
    pub plain: bool,

    /// In plain mode, save the answers of each finished check to FILE (replay with `advise`)
    #[arg(long, value_name = "FILE", requires = "plain")]
    pub save_answers: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Screen a file of answers and print the outcome and the routine
    Advise {
        /// The answers, as JSON (see ANSWERS.md in the README)
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = AdviseFormat::Text)]
        format: AdviseFormat,
        /// Write the output to FILE (atomically) instead of printing it, and say where; given a
        /// folder, the file in it is named for what it is (e.g. fascia-routine-2026-11-27.md)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The date on the hand-off (markdown) and the answers (fhir), as YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DATE")]
        date: Option<jiff::civil::Date>,
    },
    /// The technique library: by region, tool, kind or search (skips the safety check)
    Browse {
        /// A region id (its techniques) or a technique id (that technique in full)
        target: Option<String>,
        /// Only techniques that use this tool (or that it can stand in for)
        #[arg(long, value_name = "TOOL")]
        tool: Option<String>,
        /// Only direct or only indirect techniques
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Fuzzy search in technique, area and muscle names
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The saved guided sessions, newest first, with ratings before and after
    #[command(args_conflicts_with_subcommands = true)]
    History {
        /// Output format: text, json, csv (one row per area per session) or fhir (FHIR R4
        /// Observations in a Bundle)
        #[arg(long, value_enum, default_value_t = HistoryFormat::Text)]
        format: HistoryFormat,
        #[command(subcommand)]
        command: Option<HistoryCommand>,
    },
    /// Check or summarise a knowledge base
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
    /// Delete the remembered answers (and, if you say so, the session history)
    Forget {
        /// Also delete the session history, without asking
        #[arg(long)]
        history: bool,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `fascia man | man -l -`
    Man,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Delete one saved session (its id is in `fascia history`); every other session is kept
    Delete {
        /// The session's id
        id: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Text,
    Json,
    Csv,
    Fhir,
}

// Doc comments here are the --help text, so they stay free of Markdown.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Validate a knowledge base: every problem with its JSON path; exit 0 only if clean
    Check {
        /// The file to check (default: --kb, FASCIA_KB, or the built-in one)
        path: Option<PathBuf>,
    },
    /// Count what the knowledge base holds
    Stats {
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also list every question of the check, in order and whole: each checklist line with
        /// the item it answers, its tier and when to answer no
        #[arg(long)]
        questions: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Direct,
    Indirect,
}

// Doc comments here are the --help text, so they stay free of Markdown.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AdviseFormat {
    Text,
    Json,
    Markdown,
    /// The answers as a FHIR R4 QuestionnaireResponse (JSON)
    Fhir,
}

impl Cli {
    fn emergency(&self) -> &str {
        self.emergency_number
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(DEFAULT_EMERGENCY)
    }

    /// Where the remembered answers are kept, unless `--no-remember`.
    fn profiles(&self) -> Option<fascia::profile::ProfileStore> {
        if self.no_remember {
            None
        } else {
            forget::profiles()
        }
    }

    /// Loads the knowledge base chosen by `--kb` / `FASCIA_KB`, or the built-in one.
    fn load_kb(&self) -> Result<KnowledgeBase, LoadError> {
        match &self.kb {
            Some(path) => KnowledgeBase::from_path(path),
            None => KnowledgeBase::embedded(),
        }
    }
}

/// Runs a command and writes its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    if let Some(text) = cli
        .emergency_number
        .as_ref()
        .filter(|t| !t.trim().is_empty())
        && let Some(why) = fascia::sanitize::unreadable(text)
    {
        return Err(Failure::BadInput(format!(
            "the emergency number (--emergency-number or FASCIA_EMERGENCY_NUMBER) must be short \
             plain text a person can read, and `{text}` is not: {why}"
        )));
    }
    let Some(command) = &cli.command else {
        return interactive(cli, out);
    };
    match command {
        Command::Kb {
            command: KbCommand::Check { path },
        } => {
            let path = path.as_ref().or(cli.kb.as_ref());
            kb_cmd::check(path.map(PathBuf::as_path), out)
        }
        Command::Kb {
            command: KbCommand::Stats { format, questions },
        } => kb_cmd::stats(&cli.load_kb()?, *format, *questions, out),
        Command::Advise {
            answers,
            format,
            output,
            date,
        } => advise_command(cli, answers, *format, output.as_deref(), *date, out),
        Command::Browse {
            target,
            tool,
            kind,
            search,
            format,
        } => {
            let kb = cli.load_kb()?;
            let request = browse::Request {
                target: target.as_deref(),
                tool: tool.as_deref(),
                kind: kind.map(|k| match k {
                    KindArg::Direct => fascia::kb::Kind::Direct,
                    KindArg::Indirect => fascia::kb::Kind::Indirect,
                }),
                search: search.as_deref(),
                format: *format,
                emergency: cli.emergency(),
            };
            browse::run(&kb, &request, out)
        }
        Command::History {
            command: Some(HistoryCommand::Delete { id }),
            ..
        } => history::delete(id, out),
        Command::History {
            format,
            command: None,
        } => history::run(&cli.load_kb()?, *format, out),
        Command::Forget { history } => forget::run(*history, out),
        Command::Completions { shell } => {
            // clap_complete panics when a write fails (a closed pipe): write it here instead.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "fascia", &mut script);
            out.write_all(&script)?;
            Ok(())
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out.write_all(&page)?;
            Ok(())
        }
    }
}

/// No command: the full-screen app, or plain mode (`--plain`, or `TERM=dumb`).
fn interactive(cli: &Cli, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    // Everything that can fail on input happens before the terminal is touched.
    if cli.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        let kb = cli.load_kb()?;
        let stdin = std::io::stdin();
        return fascia::plain::run(
            &kb,
            cli.emergency(),
            stdin.lock(),
            out,
            fascia::plain::Options {
                save_answers: cli.save_answers.as_deref(),
                profiles: cli.profiles(),
                ..fascia::plain::Options::from_env()
            },
        )
        .map_err(|e| match e {
            fascia::plain::PlainError::InputEnded => Failure::BadInput(e.to_string()),
            fascia::plain::PlainError::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                Failure::BadInput(
                    "the input is not UTF-8 text; type (or pipe) UTF-8 text only".to_owned(),
                )
            }
            fascia::plain::PlainError::Io(io) => Failure::Internal(io.into()),
        });
    }
    // A knowledge base from a file is read and checked now; the built-in one (which `cargo test`
    // checks) is parsed once the first frame is on the screen.
    let kb = match &cli.kb {
        Some(path) => fascia::tui::Kb::Ready(Box::new(KnowledgeBase::from_path(path)?)),
        None => fascia::tui::Kb::Embedded,
    };
    fascia::tui::run(kb, cli.emergency(), cli.quiet, cli.profiles()).map_err(|e| match e {
        fascia::tui::TuiError::NoTerminal | fascia::tui::TuiError::Kb(_) => {
            Failure::BadInput(e.to_string())
        }
        fascia::tui::TuiError::Io(io) => Failure::Internal(io.into()),
        fascia::tui::TuiError::Stopped(signal) => Failure::Stopped(signal),
    })
}

/// `fascia advise`: prints the advice, or writes it to a file (named for what it is when given a
/// folder) and says where.
fn advise_command(
    cli: &Cli,
    answers: &std::path::Path,
    format: AdviseFormat,
    output: Option<&std::path::Path>,
    date: Option<jiff::civil::Date>,
    out: &mut dyn std::io::Write,
) -> Result<(), Failure> {
    let kb = cli.load_kb()?;
    let request = advise::Request {
        path: answers,
        format,
        emergency: cli.emergency(),
        date: date.unwrap_or_else(|| jiff::Zoned::now().date()),
    };
    let Some(path) = output else {
        return advise::run(&kb, &request, out).map(|_| ());
    };
    let mut buffer = Vec::new();
    let outcome = advise::run(&kb, &request, &mut buffer)?;
    let text = String::from_utf8(buffer).map_err(|e| Failure::Internal(e.into()))?;
    let path = if path.is_dir() {
        path.join(advise::file_name(format, outcome, request.date))
    } else {
        path.to_path_buf()
    };
    fascia::export::replace(&path, &text)
        .map_err(|e| Failure::BadInput(format!("cannot write {}: {e}", path.display())))?;
    writeln!(out, "Saved to {}", path.display())?;
    Ok(())
}
