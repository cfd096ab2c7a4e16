//! Arguments, configuration, the run over documents, exit codes.
//!
//! Exit status: 0 when no finding reaches the deny level, 1 when one does,
//! 2 for usage, configuration or rule-file errors.

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tickmark::check::Severity;
use tickmark::config::Config;
use tickmark::ingest::{self, Input};
use tickmark::report::{self, human::Human, jsonl, Summary};
use tickmark::rule_tests::Verdict;
use tickmark::rules::RuleSet;

#[derive(Parser, Debug)]
#[command(
    name = "tickmark",
    version,
    about = "Ticks and ties earnings releases: footing, cross-statement ties, EPS and narrative claims",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check documents (files, folders, or - for standard input).
    Check(CheckArgs),
    /// Show a document as tickmark reads it: tables, columns, periods, rows.
    Inspect {
        /// The document to show.
        path: PathBuf,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// List the rules in force.
    Rules {
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run rules' own tests (the `tests:` of each rule in PATH, or of the
    /// built-in rules when no PATH is given).
    TestRules {
        /// Rule files or folders whose rules to test.
        paths: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Print a rule's documentation.
    Explain {
        /// The rule id, as `tickmark rules` lists it.
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(clap::Args, Debug)]
struct RuleArgs {
    /// Add rules from a YAML file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    no_default_rules: bool,
    /// Configuration file (default: the nearest tickmark.yaml or
    /// .tickmark.yaml from the working directory up).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Graphical diagnostics with source snippets.
    Human,
    /// One JSON object per line (findings, documents, failures, summary).
    Jsonl,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum DenyLevel {
    Errors,
    Warnings,
    Advice,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Documents or folders to check; - reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = DenyLevel::Errors)]
    deny: DenyLevel,
    /// Refuse documents larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ingest::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Print only findings (no summary line).
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e:?}");
            ExitCode::from(2)
        }
    }
}

fn load_rules(args: &RuleArgs) -> miette::Result<RuleSet> {
    load_rules_with(args, &[])
}

/// The rule set for a run: built-in rules (unless dropped), the
/// configuration's rule paths, `--rules`, and `extra`, then the
/// configuration's severity overrides.
fn load_rules_with(args: &RuleArgs, extra: &[PathBuf]) -> miette::Result<RuleSet> {
    let mut set = if args.no_default_rules {
        RuleSet::empty()
    } else {
        RuleSet::builtin()
    }
    .map_err(|e| miette::Report::new(*e))?;
    let config_path = if args.no_config {
        None
    } else {
        match &args.config {
            Some(p) => Some(p.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| tickmark::config::discover(&d)),
        }
    };
    let config = match config_path {
        Some(p) => {
            let text = ingest::read_text_file(&p).map_err(|e| miette::miette!("{e}"))?;
            Some(Config::parse(&p, &text).map_err(|e| miette::Report::new(*e))?)
        }
        None => None,
    };
    let mut paths: Vec<PathBuf> = config.iter().flat_map(|c| c.rules.clone()).collect();
    paths.extend(args.rules.iter().cloned());
    paths.extend(extra.iter().cloned());
    for (name, text) in ingest::read_rule_files(&paths).map_err(|e| miette::miette!("{e}"))? {
        set.add_file(&name, &text)
            .map_err(|e| miette::Report::new(*e))?;
    }
    if let Some(c) = &config {
        c.apply(&mut set).map_err(|e| miette::Report::new(*e))?;
    }
    Ok(set)
}

fn test_rules(paths: &[PathBuf], args: &RuleArgs) -> miette::Result<ExitCode> {
    let rules = load_rules_with(args, paths)?;
    let origins: Vec<String> = ingest::read_rule_files(paths)
        .map_err(|e| miette::miette!("{e}"))?
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let selected = |r: &tickmark::rules::Rule| {
        if paths.is_empty() {
            tickmark::rules::BUILTIN.iter().any(|(n, _)| *n == r.origin)
        } else {
            origins.contains(&r.origin)
        }
    };
    let results = tickmark::rule_tests::run(&rules, selected);
    let mut failed = 0;
    for r in &results {
        match &r.verdict {
            Verdict::Pass => println!("ok    {:<32} {}", r.rule, r.document.display()),
            Verdict::Fail {
                expected,
                found,
                messages,
            } => {
                failed += 1;
                println!(
                    "FAIL  {:<32} {}: expected {expected} finding{}, found {found}",
                    r.rule,
                    r.document.display(),
                    if *expected == 1 { "" } else { "s" }
                );
                for m in messages {
                    println!("        {m}");
                }
            }
            Verdict::Broken(m) => {
                failed += 1;
                println!("FAIL  {:<32} {}: {m}", r.rule, r.document.display());
            }
        }
    }
    let untested = rules
        .rules()
        .iter()
        .filter(|r| selected(r) && r.tests.is_empty())
        .count();
    println!(
        "{} test{}: {} passed, {failed} failed{}",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        results.len() - failed,
        if untested > 0 {
            format!("; {untested} rule(s) without tests")
        } else {
            String::new()
        }
    );
    Ok(if failed > 0 || results.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run(cli: Cli) -> miette::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::TestRules { paths, rules } => test_rules(&paths, &rules),
        Command::Inspect { path, rules } => {
            let rules = load_rules(&rules)?;
            let input = Input::File(path);
            let audit = match tickmark::audit_input(&input, ingest::DEFAULT_MAX_FILE_SIZE, &rules) {
                Ok(a) => a,
                Err(f) => {
                    eprintln!("{}: failed: {}", f.path, f.message);
                    return Ok(ExitCode::from(1));
                }
            };
            print!(
                "{}",
                report::inspect::render(&audit.document, &audit.outcome)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { rules } => {
            let rules = load_rules(&rules)?;
            let mut out = io::stdout().lock();
            for r in rules.rules() {
                let _ = writeln!(
                    out,
                    "{:<36} {:<10} {:<8} {}",
                    r.id,
                    r.kind.as_str(),
                    r.severity.as_str(),
                    r.summary
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { id, rules } => {
            let rules = load_rules(&rules)?;
            match rules.get(&id) {
                Some(r) => {
                    println!(
                        "{} ({}, {})\n\n{}\n",
                        r.id,
                        r.kind.as_str(),
                        r.severity,
                        r.summary
                    );
                    if !r.description.is_empty() {
                        println!("{}\n", r.description);
                    }
                    println!("Defined in {}.", r.origin);
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    let ids: Vec<&str> = rules.rules().iter().map(|r| r.id.as_str()).collect();
                    let hint = tickmark::rules::did_you_mean(&id, &ids)
                        .map(|m| format!(" (did you mean `{m}`?)"))
                        .unwrap_or_default();
                    eprintln!("error: no rule `{id}`{hint}; `tickmark rules` lists them");
                    Ok(ExitCode::from(2))
                }
            }
        }
    }
}

fn check(args: CheckArgs) -> miette::Result<ExitCode> {
    let started = Instant::now();
    let rules = load_rules(&args.rules)?;
    let stdin_count = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(miette::miette!(
            "`-` (standard input) can be given only once"
        ));
    }
    let (inputs, walk_errors) = ingest::discover(&args.paths);
    if let Some(n) = args.jobs {
        // A pool that already exists (tests) is fine to reuse.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let max = args.max_file_size;
    let results: Vec<Result<report::DocReport, report::Failure>> = inputs
        .par_iter()
        .map(|input| tickmark::audit_input(input, max, &rules).map(|a| a.report()))
        .collect();

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let human = Human::new(color);
    let mut summary = Summary::default();
    let mut failures: Vec<report::Failure> = walk_errors
        .into_iter()
        .map(|e| report::Failure {
            path: e.path,
            message: e.message,
        })
        .collect();
    let write = |out: &mut io::BufWriter<io::StdoutLock>,
                 r: &Result<report::DocReport, report::Failure>|
     -> io::Result<()> {
        match (args.format, r) {
            (OutputFormat::Jsonl, Ok(d)) => jsonl::write_document(out, d),
            (OutputFormat::Jsonl, Err(f)) => jsonl::write_failure(out, f),
            (OutputFormat::Human, Ok(d)) => human.write_document(out, d),
            (OutputFormat::Human, Err(f)) => human.write_failure(out, f),
        }
    };
    let mut io_result = Ok(());
    for f in failures.drain(..) {
        summary.add_failure();
        io_result = io_result.and_then(|_| write(&mut out, &Err(f)));
    }
    for r in &results {
        match r {
            Ok(d) => summary.add(d),
            Err(_) => summary.add_failure(),
        }
        io_result = io_result.and_then(|_| write(&mut out, r));
    }
    io_result = io_result.and_then(|_| match args.format {
        OutputFormat::Jsonl => jsonl::write_summary(&mut out, &summary),
        OutputFormat::Human if !args.quiet => {
            human.write_summary(&mut out, &summary, started.elapsed().as_secs_f64())
        }
        OutputFormat::Human => Ok(()),
    });
    io_result = io_result.and_then(|_| out.flush());
    if let Err(e) = io_result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(miette::miette!("cannot write output: {e}"));
        }
    }
    let deny = match args.deny {
        DenyLevel::Errors => Severity::Error,
        DenyLevel::Warnings => Severity::Warning,
        DenyLevel::Advice => Severity::Advice,
    };
    let denied = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .flat_map(|d| &d.findings)
        .any(|f| f.severity >= deny);
    Ok(if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
