//! Arguments, configuration, the run over documents, exit codes.
//!
//! Exit status: 0 when no finding reaches the deny level, 1 when one does,
//! 2 for usage, configuration or rule-file errors.

use clap::{Parser, Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tickmark::baseline::{Baseline, Recorder};
use tickmark::check::Severity;
use tickmark::config::Config;
use tickmark::ingest::{self, Input};
use tickmark::report::{self, Summary};
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
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// One JSON object per line (findings, documents, failures, summary).
    Jsonl,
    /// One JSON document (findings, documents, failures, summary).
    Json,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

impl OutputFormat {
    fn report(self) -> report::Format {
        match self {
            OutputFormat::Human => report::Format::Human,
            OutputFormat::Concise => report::Format::Concise,
            OutputFormat::Jsonl => report::Format::Jsonl,
            OutputFormat::Json => report::Format::Json,
            OutputFormat::Sarif => report::Format::Sarif,
            OutputFormat::Github => report::Format::Github,
        }
    }
}

/// `--shard K/N`: the K-th of N shares of the sorted input.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Shard {
    k: usize,
    n: usize,
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("`{s}` is not K/N (for example 1/4)"))?;
    let k: usize = k
        .trim()
        .parse()
        .map_err(|_| format!("`{k}` is not a shard number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("`{n}` is not a shard count"))?;
    if n == 0 {
        return Err("the shard count N must be at least 1".into());
    }
    if k == 0 || k > n {
        return Err(format!("the shard number K must be in 1..={n}, not {k}"));
    }
    Ok(Shard { k, n })
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
    /// Print only findings (no summary line, no progress bar).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Record today's findings in FILE (a baseline for --baseline).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings that are not in the baseline FILE.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Documents of an EDGAR submission file to check, by <TYPE> (comma-separated
    /// patterns, `*` for any text; `*` alone checks every document) [default: EX-99*].
    #[arg(long, value_name = "TYPES")]
    exhibits: Option<String>,
    /// Check only the K-th of every N documents of the sorted input (1 <= K <= N).
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<Shard>,
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
    Ok(load_setup(args, &[])?.0)
}

fn load_rules_with(args: &RuleArgs, extra: &[PathBuf]) -> miette::Result<RuleSet> {
    Ok(load_setup(args, extra)?.0)
}

/// The rule set for a run: built-in rules (unless dropped), the
/// configuration's rule paths, `--rules`, and `extra`, then the
/// configuration's severity overrides.
fn load_setup(args: &RuleArgs, extra: &[PathBuf]) -> miette::Result<(RuleSet, Option<Config>)> {
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
    Ok((set, config))
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
    let mut text = String::new();
    for r in &results {
        match &r.verdict {
            Verdict::Pass => {
                let _ = writeln!(text, "ok    {:<32} {}", r.rule, r.document.display());
            }
            Verdict::Fail {
                expected,
                found,
                messages,
            } => {
                failed += 1;
                let _ = writeln!(
                    text,
                    "FAIL  {:<32} {}: expected {expected} finding{}, found {found}",
                    r.rule,
                    r.document.display(),
                    if *expected == 1 { "" } else { "s" }
                );
                for m in messages {
                    let _ = writeln!(text, "        {m}");
                }
            }
            Verdict::Broken(m) => {
                failed += 1;
                let _ = writeln!(text, "FAIL  {:<32} {}: {m}", r.rule, r.document.display());
            }
        }
    }
    let untested = rules
        .rules()
        .iter()
        .filter(|r| selected(r) && r.tests.is_empty())
        .count();
    let _ = writeln!(
        text,
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
    write_stdout(&text)?;
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
            let (rules, config) = load_setup(&rules, &[])?;
            let options = read_options(None, config.as_ref(), ingest::DEFAULT_MAX_FILE_SIZE);
            let input = Input::File(path);
            let mut status = ExitCode::SUCCESS;
            for result in tickmark::audit_input(&input, &options, &rules) {
                match result {
                    Ok(audit) => {
                        let mut text = String::new();
                        if let Some(part) = &audit.document.part {
                            let _ = writeln!(text, "== {part}");
                        }
                        if let Some(note) = &audit.note {
                            let _ = writeln!(text, "note: {note}");
                        }
                        text.push_str(&report::inspect::render(&audit.document, &audit.outcome));
                        write_stdout(&text)?;
                    }
                    Err(f) => {
                        eprintln!("{}: failed: {}", f.path, f.message);
                        status = ExitCode::from(1);
                    }
                }
            }
            Ok(status)
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
                    let mut text = format!(
                        "{} ({}, {})\n\n{}\n\n",
                        r.id,
                        r.kind.as_str(),
                        r.severity,
                        r.summary
                    );
                    if !r.description.is_empty() {
                        let _ = writeln!(text, "{}\n", r.description);
                    }
                    let _ = writeln!(text, "Defined in {}.", r.origin);
                    write_stdout(&text)?;
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

/// Writes to standard output; a reader that went away (`tickmark inspect
/// … | head`) is no error, as for `check`'s output.
fn write_stdout(text: &str) -> miette::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(miette::miette!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}

/// Documents a progress bar is worth showing for.
const PROGRESS_MIN_DOCUMENTS: usize = 8;

fn check(args: CheckArgs) -> miette::Result<ExitCode> {
    let started = Instant::now();
    let (rules, config) = load_setup(&args.rules, &[])?;
    let reading = read_options(
        args.exhibits.as_deref(),
        config.as_ref(),
        args.max_file_size,
    );
    let stdin_count = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(miette::miette!(
            "`-` (standard input) can be given only once"
        ));
    }
    let mut baseline = match &args.baseline {
        Some(p) => {
            let text = ingest::read_text_file(p).map_err(|e| miette::miette!("{e}"))?;
            Some(Baseline::parse(&text).map_err(|e| miette::miette!("{}: {e}", p.display()))?)
        }
        None => None,
    };
    let mut recorder = args.write_baseline.as_ref().map(|_| Recorder::default());
    let keep = |p: &std::path::Path| config.as_ref().is_none_or(|c| c.selects(p));
    let (mut inputs, mut walk_errors) = ingest::discover(&args.paths, &keep);
    if let Some(Shard { k, n }) = args.shard {
        inputs = inputs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, input)| input)
            .collect();
        // Folders that could not be walked are reported once, by shard 1.
        if k != 1 {
            walk_errors.clear();
        }
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let options = report::SinkOptions {
        color: io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        quiet: args.quiet,
    };
    let mut sink = report::sink(args.format.report(), &rules, &options);
    let mut summary = Summary {
        baselined: baseline.as_ref().map(|_| 0),
        ..Summary::default()
    };
    let deny = match args.deny {
        DenyLevel::Errors => Severity::Error,
        DenyLevel::Warnings => Severity::Warning,
        DenyLevel::Advice => Severity::Advice,
    };
    let mut denied = false;
    let mut io_result: io::Result<()> = Ok(());
    for e in walk_errors {
        summary.add_failure();
        let f = report::Failure {
            path: e.path,
            message: e.message,
        };
        io_result = io_result.and_then(|_| sink.failure(&mut out, &f));
    }
    let progress = (io::stderr().is_terminal()
        && !args.quiet
        && args.format == OutputFormat::Human
        && inputs.len() > PROGRESS_MIN_DOCUMENTS)
        .then(|| progress_bar(inputs.len() as u64));
    let mut findings_so_far = 0usize;

    // Eight documents in flight per thread: with four, a thread that
    // reaches the window's edge while a large exhibit is still being
    // checked waits; replaying the corpus's per-document instruction
    // counts, two threads come out 1.96x one with four, 1.99x with eight
    // (more gains nothing). Memory stays bounded: a finished document
    // holds its bytes and findings, its tables are already dropped.
    tickmark::batch::ordered(
        &inputs,
        jobs,
        8 * jobs,
        |input| {
            tickmark::audit_input(input, &reading, &rules)
                .into_iter()
                .map(|r| r.map(|a| a.report()))
                .collect::<Vec<_>>()
        },
        |results| {
            for result in results {
                if io_result.is_err() {
                    return false;
                }
                let written = match result {
                    Ok(mut d) => {
                        if let Some(r) = &mut recorder {
                            r.add(d.path(), &d.source.bytes, &d.findings);
                        }
                        if let Some(b) = &mut baseline {
                            let path = d.source.path.clone();
                            let hidden = b.filter(&path, &d.source.bytes, &mut d.findings);
                            summary.baselined = Some(summary.baselined.unwrap_or(0) + hidden);
                        }
                        denied |= d.findings.iter().any(|f| f.severity >= deny);
                        findings_so_far += d.findings.len();
                        summary.add(&d);
                        emit(&progress, &mut out, |w| sink.document(w, &d))
                    }
                    Err(f) => {
                        summary.add_failure();
                        emit(&progress, &mut out, |w| sink.failure(w, &f))
                    }
                };
                io_result = written;
            }
            if let Some(bar) = &progress {
                bar.inc(1);
                bar.set_message(format!(
                    "{findings_so_far} finding{}",
                    if findings_so_far == 1 { "" } else { "s" }
                ));
            }
            io_result.is_ok()
        },
    );
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    io_result = io_result
        .and_then(|_| sink.finish(&mut out, &summary, started.elapsed().as_secs_f64()))
        .and_then(|_| out.flush());
    if let Err(e) = io_result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(miette::miette!("cannot write output: {e}"));
        }
    }
    if let (Some(path), Some(r)) = (&args.write_baseline, &recorder) {
        std::fs::write(path, r.to_json())
            .map_err(|e| miette::miette!("cannot write the baseline {}: {e}", path.display()))?;
    }
    Ok(if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// How documents are read: `--exhibits` over the configuration's
/// `exhibits:` over the default.
fn read_options(
    exhibits: Option<&str>,
    config: Option<&Config>,
    max_file_size: u64,
) -> tickmark::ReadOptions {
    let exhibits = match (exhibits, config.map(|c| &c.exhibits)) {
        (Some(flag), _) => ingest::ExhibitFilter::new([flag]),
        (None, Some(list)) if !list.is_empty() => ingest::ExhibitFilter::new(list),
        _ => ingest::ExhibitFilter::default(),
    };
    tickmark::ReadOptions {
        max_file_size,
        exhibits,
    }
}

/// Writes one document's output and flushes it, with the progress bar (if
/// any) out of the way.
fn emit<W: Write>(
    progress: &Option<indicatif::ProgressBar>,
    out: &mut W,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let go = || {
        write(&mut *out)?;
        out.flush()
    };
    match progress {
        Some(bar) => bar.suspend(go),
        None => go(),
    }
}

fn progress_bar(len: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} documents, {msg}, {per_sec}, eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar.set_message("0 findings");
    bar
}
