//! Rule files: loading, validating and compiling the YAML.
//!
//! Built-in rules live in `rules/*.yaml` at the repository root and are
//! embedded in the binary; users add their own files with `--rules`. A
//! mistake in a rule file is a [`RuleError`], a miette diagnostic that points
//! at the offending value in the YAML.
//!
//! **Architecture Invariant:** this module parses rule text it is handed; it
//! reads no files (the CLI reads them through `ingest`).

pub mod expr;

use crate::check::Severity;
use crate::resolve::{Concept, Concepts, RawConcept, BUILTIN_CONCEPTS};
use expr::{Equation, Side};
use miette::{Diagnostic, NamedSource, SourceSpan};
use regex::Regex;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The built-in rule files, embedded at compile time.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/footing.yaml",
        include_str!("../../rules/footing.yaml"),
    ),
    ("rules/change.yaml", include_str!("../../rules/change.yaml")),
    ("rules/claims.yaml", include_str!("../../rules/claims.yaml")),
    (
        "rules/restatement.yaml",
        include_str!("../../rules/restatement.yaml"),
    ),
    (
        "rules/statements.yaml",
        include_str!("../../rules/statements.yaml"),
    ),
    (
        "rules/typography.yaml",
        include_str!("../../rules/typography.yaml"),
    ),
];

/// Rule kinds tickmark knows.
pub const KINDS: &[&str] = &[
    "footing",
    "change",
    "crossfoot",
    "midpoint",
    "proportion",
    "claim",
    "typography",
    "equation",
    "ratio",
    "agree",
    "sentence",
    "restatement",
];

/// A compiled rule's kind and parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Footing,
    Change,
    Crossfoot,
    /// A range's printed midpoint is the mean of its ends.
    Midpoint,
    Proportion,
    /// Narrative figures tie out to the tables.
    Claim,
    /// The figures of one sentence agree with the arithmetic its words
    /// declare.
    Sentence,
    /// A figure stated twice in prose agrees with itself.
    Restatement,
    /// A figure is printed the way figures are printed (no leading zero).
    Typography,
    /// A sum (or comparison) of concepts, in one table or across tables.
    Equation(Equation),
    /// A displayed ratio equals numerator over denominator.
    Ratio(Equation),
    /// A concept has one value per period in every table showing it; `None`
    /// for every concept.
    Agree(Option<String>),
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Footing => "footing",
            Kind::Change => "change",
            Kind::Crossfoot => "crossfoot",
            Kind::Midpoint => "midpoint",
            Kind::Proportion => "proportion",
            Kind::Claim => "claim",
            Kind::Sentence => "sentence",
            Kind::Restatement => "restatement",
            Kind::Typography => "typography",
            Kind::Equation(_) => "equation",
            Kind::Ratio(_) => "ratio",
            Kind::Agree(_) => "agree",
        }
    }
}

/// A document a rule's tests run it on, and how many findings of the rule it
/// must produce there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTest {
    /// Path relative to the rule file's folder.
    pub document: String,
    pub findings: usize,
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub severity: Severity,
    pub summary: String,
    pub description: String,
    /// The file it came from (`rules/footing.yaml` for built-in ones).
    pub origin: String,
    /// For equations: a left side above the right by at most this fraction
    /// is advice, not the rule's severity.
    pub allow_excess: Option<rust_decimal::Decimal>,
    pub tests: Vec<RuleTest>,
}

/// The rules in force for a run.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    concepts: Concepts,
}

impl RuleSet {
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The concept vocabulary rules refer to.
    pub fn concepts(&self) -> &Concepts {
        &self.concepts
    }

    /// The built-in concepts and no rules: the base for `--no-default-rules`.
    pub fn empty() -> Result<RuleSet, Box<RuleError>> {
        let mut set = RuleSet::default();
        let (name, text) = BUILTIN_CONCEPTS;
        let raw: Vec<RawConcept> = from_yaml(name, text)?;
        set.add_concepts(name, text, raw)?;
        Ok(set)
    }

    /// The built-in concepts and rules.
    pub fn builtin() -> Result<RuleSet, Box<RuleError>> {
        let mut set = RuleSet::empty()?;
        for (name, text) in BUILTIN {
            set.add_file(name, text)?;
        }
        Ok(set)
    }

    fn add_concepts(
        &mut self,
        name: &str,
        text: &str,
        raw: Vec<RawConcept>,
    ) -> Result<(), Box<RuleError>> {
        for c in raw {
            let compile = |list: &[Spanned<String>]| -> Result<Vec<Regex>, Box<RuleError>> {
                list.iter()
                    .map(|p| {
                        regex::RegexBuilder::new(&ascii_word_boundaries(&p.value))
                            .size_limit(1 << 20)
                            .build()
                            .map_err(|e| {
                                Box::new(RuleError::at(
                                    name,
                                    text,
                                    span_of(p, text),
                                    format!("invalid pattern in concept `{}`", c.concept.value),
                                    "this pattern",
                                    Some(e.to_string().lines().last().unwrap_or("").to_string()),
                                ))
                            })
                    })
                    .collect()
            };
            let cname = c.concept.value.trim();
            if cname.is_empty()
                || !cname
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            {
                return Err(Box::new(RuleError::at(
                    name,
                    text,
                    span_of(&c.concept, text),
                    format!("invalid concept name `{cname}`"),
                    "this name",
                    Some(
                        "concept names are lower-case words joined by `_`, like `net_income`"
                            .into(),
                    ),
                )));
            }
            self.concepts.push(
                Concept::new(cname, c.unit, compile(&c.patterns)?, compile(&c.exclude)?)
                    .with_phrases(compile(&c.phrases)?),
            );
        }
        Ok(())
    }

    /// Parses a rule file (a list of rules, or a mapping with `concepts:`
    /// and `rules:`) and adds what it defines; a rule whose id is already in
    /// the set is an error pointing at the second id.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), Box<RuleError>> {
        let raw_rules = if is_mapping(text) {
            let file: RawFile = from_yaml(name, text)?;
            self.add_concepts(name, text, file.concepts)?;
            file.rules
        } else {
            from_yaml(name, text)?
        };
        let rules = compile_rules(name, text, raw_rules, &self.concepts)?;
        for (rule, id_span) in rules {
            if self.get(&rule.id).is_some() {
                return Err(Box::new(RuleError::at(
                    name,
                    text,
                    id_span,
                    format!("duplicate rule id `{}`", rule.id),
                    "defined again here",
                    Some("rule ids must be unique across all rule files in force".into()),
                )));
            }
            self.rules.push(rule);
        }
        Ok(())
    }

    /// Removes a rule (for `disable` in a configuration).
    pub fn remove(&mut self, id: &str) {
        self.rules.retain(|r| r.id != id);
    }

    /// Overrides a rule's severity.
    pub fn set_severity(&mut self, id: &str, severity: Severity) -> bool {
        match self.rules.iter_mut().find(|r| r.id == id) {
            Some(r) => {
                r.severity = severity;
                true
            }
            None => false,
        }
    }
}

/// A mistake in a rule file, pointing into the YAML.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(tickmark::rule_file))]
pub struct RuleError {
    pub message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl RuleError {
    pub(crate) fn at(
        name: &str,
        text: &str,
        span: Option<(usize, usize)>,
        message: String,
        label: &str,
        help: Option<String>,
    ) -> RuleError {
        RuleError {
            message,
            src: NamedSource::new(name, text.to_string()),
            span: span.map(|(s, l)| SourceSpan::new(s.into(), l)),
            label: label.to_string(),
            help,
        }
    }

    /// The byte range in the rule file the error points at.
    pub fn span(&self) -> Option<(usize, usize)> {
        self.span.map(|s| (s.offset(), s.offset() + s.len()))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    severity: Option<Spanned<String>>,
    summary: Spanned<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    tests: Option<RawTests>,
    #[serde(default)]
    equation: Option<Spanned<String>>,
    #[serde(default)]
    ratio: Option<Spanned<String>>,
    #[serde(default)]
    concept: Option<Spanned<String>>,
    #[serde(default)]
    allow_excess: Option<Spanned<String>>,
}

/// A rule file written as a mapping: its own concepts, then rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    concepts: Vec<RawConcept>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

/// Whether the document's top level is a mapping (rather than a list).
fn is_mapping(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .is_some_and(|l| !l.starts_with('-') && !l.starts_with('['))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTests {
    #[serde(default)]
    pass: Vec<String>,
    #[serde(default)]
    fail: Vec<RawFail>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFail {
    document: String,
    findings: usize,
}

pub(crate) fn span_of<T>(s: &Spanned<T>, text: &str) -> Option<(usize, usize)> {
    let loc = s.referenced;
    let sp = loc.span();
    match (sp.byte_offset(), sp.byte_len()) {
        (Some(o), Some(l)) => Some((o as usize, (l as usize).max(1))),
        _ => line_col_to_offset(text, loc.line() as usize, loc.column() as usize).map(|o| (o, 1)),
    }
}

fn line_col_to_offset(text: &str, line: usize, col: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(|l| l.len())
        .sum();
    let rest = text.get(start..)?;
    let off = rest
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some(start + off)
}

/// Edit distance, for "did you mean".
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            cur.push(v);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest of `options` to `word`, if close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    options
        .iter()
        .map(|o| (levenshtein(word, o), *o))
        .filter(|(d, o)| *d <= 2.max(o.len() / 3))
        .min()
        .map(|(_, o)| o)
}

/// A rule and the byte range of its id in the file.
type ParsedRule = (Rule, Option<(usize, usize)>);

/// The YAML limits for rule files: small enough that an alias bomb or a
/// deeply nested document is refused quickly.
/// YAML limits for rule files, well above any real rule pack (the built-in
/// files are a few hundred nodes): an alias bomb, deep nesting or a huge
/// file is refused with a message instead of exhausting memory or stack.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_reader_input_bytes = Some(4 * 1024 * 1024);
    budget.max_events = 200_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_depth = 32;
    budget.max_documents = 1;
    budget.max_nodes = 100_000;
    budget.max_total_scalar_bytes = 4 * 1024 * 1024;
    budget.max_merge_keys = 1_000;
    budget.max_recorded_anchor_events = 100_000;
    budget.max_recorded_anchor_bytes = 4 * 1024 * 1024;
    let mut o = serde_saphyr::Options::default();
    o.budget = Some(budget);
    o.alias_limits.max_total_replayed_events = 100_000;
    o.alias_limits.max_replay_stack_depth = 16;
    o.alias_limits.max_alias_expansions_per_anchor = 1_000;
    o
}

/// Offset of a scalar's text in the file: past an opening quote.
fn value_start<T>(v: &Spanned<T>, text: &str) -> Option<usize> {
    let (o, _) = span_of(v, text)?;
    Some(match text.as_bytes().get(o) {
        Some(b'"' | b'\'') => o + 1,
        _ => o,
    })
}

fn check_concept(
    name: &str,
    text: &str,
    value: &Spanned<String>,
    offset: usize,
    concept: &str,
    concepts: &Concepts,
) -> Result<(), Box<RuleError>> {
    if concepts.contains(concept) {
        return Ok(());
    }
    let names: Vec<&str> = concepts.names().collect();
    let help = match did_you_mean(concept, &names) {
        Some(m) => format!("did you mean `{m}`? concepts are defined in rules/concepts.yaml or a rule file's `concepts:`"),
        None => "concepts are defined in rules/concepts.yaml or a rule file's `concepts:`".into(),
    };
    let span = value_start(value, text).map(|o| (o + offset, concept.len().max(1)));
    Err(Box::new(RuleError::at(
        name,
        text,
        span,
        format!("unknown concept `{concept}`"),
        "not a known concept",
        Some(help),
    )))
}

/// `\b` in a concept's patterns is an ASCII word boundary. Unicode word
/// boundaries make the regex engine leave its fast automaton on any text
/// with a non-ASCII character (a curly quote, a dash), which made matching
/// prose several times slower; for the English of releases the two agree.
/// An escaped backslash before `b` (`\\b`) is left alone.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut backslashes = 0usize;
    for ch in pattern.chars() {
        if ch == 'b' && backslashes % 2 == 1 {
            out.pop();
            out.push_str("(?-u:\\b)");
            backslashes = 0;
            continue;
        }
        backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
        out.push(ch);
    }
    out
}

fn compile_equation(
    name: &str,
    text: &str,
    value: &Spanned<String>,
    concepts: &Concepts,
) -> Result<Equation, Box<RuleError>> {
    let eq = expr::parse(&value.value).map_err(|e| {
        let span = value_start(value, text).map(|o| (o + e.span.0, (e.span.1 - e.span.0).max(1)));
        Box::new(RuleError::at(
            name,
            text,
            span,
            format!("invalid expression: {}", e.message),
            "here",
            Some("an expression is `concept = concept + concept ...`, `concept = concept / concept`, or a comparison with `>=`/`<=`; `concept[balance_sheet]` picks a table, `@start` the opening balance".into()),
        ))
    })?;
    for t in eq.terms() {
        check_concept(name, text, value, t.span.0, &t.concept, concepts)?;
    }
    Ok(eq)
}

/// Deserializes a rule file, turning a syntax or schema error into a
/// diagnostic.
fn from_yaml<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, Box<RuleError>> {
    from_yaml_with_help(
        name,
        text,
        "a rule file is a YAML list of rules, each with `id`, `kind`, `summary` and optional `severity`, `description`, `tests`",
    )
}

/// Deserializes YAML, turning a syntax or schema error into a diagnostic
/// with `help`.
pub(crate) fn from_yaml_with_help<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
    help: &str,
) -> Result<T, Box<RuleError>> {
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        let span = e.location().and_then(|loc| {
            let sp = loc.span();
            match (sp.byte_offset(), sp.byte_len()) {
                (Some(o), Some(l)) => Some((o as usize, (l as usize).max(1))),
                _ => line_col_to_offset(text, loc.line() as usize, loc.column() as usize)
                    .map(|o| (o, 1)),
            }
        });
        let msg = e.without_snippet().to_string();
        let first = msg
            .lines()
            .next()
            .unwrap_or("invalid rule file")
            .to_string();
        Box::new(RuleError::at(
            name,
            text,
            span,
            format!("invalid rule file: {first}"),
            "here",
            Some(help.to_string()),
        ))
    })
}

fn compile_rules(
    name: &str,
    text: &str,
    raw: Vec<RawRule>,
    concepts: &Concepts,
) -> Result<Vec<ParsedRule>, Box<RuleError>> {
    let mut out = Vec::new();
    for r in raw {
        let id_span = span_of(&r.id, text);
        let id = r.id.value.trim().to_string();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        {
            return Err(Box::new(RuleError::at(
                name,
                text,
                id_span,
                format!("invalid rule id `{id}`"),
                "this id",
                Some("ids are letters, digits, `-`, `_` and `.`, like `eps-basic`".into()),
            )));
        }
        let kind = match r.kind.value.as_str() {
            "footing" => Kind::Footing,
            "change" => Kind::Change,
            "crossfoot" => Kind::Crossfoot,
            "midpoint" => Kind::Midpoint,
            "proportion" => Kind::Proportion,
            "claim" => Kind::Claim,
            "sentence" => Kind::Sentence,
            "restatement" => Kind::Restatement,
            "typography" => Kind::Typography,
            "equation" | "ratio" => {
                let field = if r.kind.value == "ratio" {
                    "ratio"
                } else {
                    "equation"
                };
                let value = if field == "ratio" {
                    &r.ratio
                } else {
                    &r.equation
                };
                let Some(value) = value else {
                    return Err(Box::new(RuleError::at(
                        name,
                        text,
                        span_of(&r.kind, text),
                        format!("rule `{id}` of kind `{field}` has no `{field}:`"),
                        "this kind needs it",
                        Some(match field {
                            "ratio" => "for example `ratio: eps_basic = net_income / shares_basic`".into(),
                            _ => "for example `equation: total_assets = total_liabilities + total_equity`".into(),
                        }),
                    )));
                };
                let eq = compile_equation(name, text, value, concepts)?;
                let is_ratio = matches!(eq.rhs, Side::Ratio(..));
                if (field == "ratio") != is_ratio {
                    return Err(Box::new(RuleError::at(
                        name,
                        text,
                        span_of(value, text),
                        if is_ratio {
                            format!("rule `{id}`: a quotient belongs in a `ratio` rule")
                        } else {
                            format!("rule `{id}`: a ratio is `concept = numerator / denominator`")
                        },
                        "this expression",
                        None,
                    )));
                }
                if field == "ratio" {
                    Kind::Ratio(eq)
                } else {
                    Kind::Equation(eq)
                }
            }
            "agree" => {
                let concept = match &r.concept {
                    Some(c) if c.value == "*" => None,
                    Some(c) => {
                        check_concept(name, text, c, 0, &c.value, concepts)?;
                        Some(c.value.clone())
                    }
                    None => {
                        return Err(Box::new(RuleError::at(
                            name,
                            text,
                            span_of(&r.kind, text),
                            format!("rule `{id}` of kind `agree` has no `concept:`"),
                            "this kind needs it",
                            Some("name a concept (`concept: net_income`) or `*` for all".into()),
                        )))
                    }
                };
                Kind::Agree(concept)
            }
            other => {
                let help = match did_you_mean(other, KINDS) {
                    Some(s) => format!("did you mean `{s}`? known kinds: {}", KINDS.join(", ")),
                    None => format!("known kinds: {}", KINDS.join(", ")),
                };
                return Err(Box::new(RuleError::at(
                    name,
                    text,
                    span_of(&r.kind, text),
                    format!("unknown rule kind `{other}` in rule `{id}`"),
                    "unknown kind",
                    Some(help),
                )));
            }
        };
        let severity = match &r.severity {
            None => Severity::Error,
            Some(s) => match Severity::parse(&s.value) {
                Some(v) => v,
                None => {
                    let opts = ["error", "warning", "advice"];
                    let help = match did_you_mean(&s.value, &opts) {
                        Some(m) => {
                            format!("did you mean `{m}`? severities: error, warning, advice")
                        }
                        None => "severities: error, warning, advice".into(),
                    };
                    return Err(Box::new(RuleError::at(
                        name,
                        text,
                        span_of(s, text),
                        format!("unknown severity `{}` in rule `{id}`", s.value),
                        "unknown severity",
                        Some(help),
                    )));
                }
            },
        };
        let mut tests = Vec::new();
        if let Some(t) = r.tests {
            for p in t.pass {
                tests.push(RuleTest {
                    document: p,
                    findings: 0,
                });
            }
            for f in t.fail {
                tests.push(RuleTest {
                    document: f.document,
                    findings: f.findings,
                });
            }
        }
        let allow_excess = match &r.allow_excess {
            None => None,
            Some(v) => {
                let parsed = v
                    .value
                    .trim()
                    .strip_suffix('%')
                    .and_then(|n| n.trim().parse::<rust_decimal::Decimal>().ok())
                    .filter(|n| !n.is_sign_negative() && *n <= rust_decimal::Decimal::ONE_HUNDRED);
                match (parsed, &kind) {
                    (Some(p), Kind::Equation(_)) => Some(p / rust_decimal::Decimal::ONE_HUNDRED),
                    (Some(_), _) => {
                        return Err(Box::new(RuleError::at(
                            name,
                            text,
                            span_of(v, text),
                            format!(
                                "`allow_excess` applies to `equation` rules; rule `{id}` is `{}`",
                                kind.as_str()
                            ),
                            "not for this kind",
                            None,
                        )))
                    }
                    (None, _) => {
                        return Err(Box::new(RuleError::at(
                            name,
                            text,
                            span_of(v, text),
                            format!("invalid `allow_excess` in rule `{id}`"),
                            "expected a percentage",
                            Some(
                                "write a percentage between 0% and 100%, like `allow_excess: 2%`"
                                    .into(),
                            ),
                        )))
                    }
                }
            }
        };
        out.push((
            Rule {
                id,
                kind,
                severity,
                summary: r.summary.value.trim().to_string(),
                description: r.description.unwrap_or_default().trim_end().to_string(),
                origin: name.to_string(),
                allow_excess,
                tests,
            },
            id_span,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_file(name: &str, text: &str) -> Result<Vec<ParsedRule>, Box<RuleError>> {
        let raw: Vec<RawRule> = from_yaml(name, text)?;
        compile_rules(name, text, raw, RuleSet::builtin().unwrap().concepts())
    }

    #[test]
    fn unknown_concept_in_an_equation_points_at_it() {
        let text = "- id: mine\n  kind: equation\n  summary: x\n  equation: total_assets = total_liabilites + total_equity\n";
        let err = parse_file("mine.yaml", text).unwrap_err();
        let (s, e) = err.span().unwrap();
        assert_eq!(&text[s..e], "total_liabilites");
        assert!(err
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean `total_liabilities`"));
    }

    #[test]
    fn bad_expression_points_into_the_quoted_value() {
        let text =
            "- id: mine\n  kind: ratio\n  summary: x\n  ratio: \"eps_basic = net_income / \"\n";
        let err = parse_file("mine.yaml", text).unwrap_err();
        assert!(
            err.message.contains("expected a concept name"),
            "{}",
            err.message
        );
    }

    #[test]
    fn mapping_files_define_concepts() {
        let mut set = RuleSet::builtin().unwrap();
        let text = "concepts:\n  - concept: segment_total\n    patterns: ['^total segments?$']\nrules:\n  - id: seg\n    kind: agree\n    summary: x\n    concept: segment_total\n";
        set.add_file("pack.yaml", text).unwrap();
        assert!(set.concepts().contains("segment_total"));
        assert!(set.get("seg").is_some());
    }

    #[test]
    fn builtin_rules_load() {
        let set = RuleSet::builtin().unwrap();
        assert!(set.get("footing").is_some());
    }

    #[test]
    fn unknown_kind_points_at_the_value() {
        let text = "- id: mine\n  kind: footin\n  summary: x\n";
        let err = parse_file("mine.yaml", text).unwrap_err();
        let (s, e) = err.span().unwrap();
        assert_eq!(&text[s..e], "footin");
        assert!(err
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean `footing`"));
    }

    #[test]
    fn unknown_key_is_an_error_with_a_location() {
        let text = "- id: mine\n  kind: footing\n  summary: x\n  severty: error\n";
        let err = parse_file("mine.yaml", text).unwrap_err();
        assert!(err.message.contains("severty"), "{}", err.message);
        let (s, _) = err.span().unwrap();
        assert_eq!(text[..s].lines().count(), 4, "points at line 4");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut set = RuleSet::builtin().unwrap();
        let text = "- id: footing\n  kind: footing\n  summary: again\n";
        let err = set.add_file("dup.yaml", text).unwrap_err();
        let (s, e) = err.span().unwrap();
        assert_eq!(&text[s..e], "footing");
    }

    #[test]
    fn bad_severity_suggests() {
        let text = "- id: mine\n  kind: footing\n  summary: x\n  severity: warn\n";
        let err = parse_file("mine.yaml", text).unwrap_err();
        assert!(err.help.as_deref().unwrap().contains("warning"));
    }
    #[test]
    fn alias_bomb_is_refused_with_a_message() {
        // The "billion laughs": each level doubles ten times.
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            text.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                [prev.as_str(); 10].join(", ")
            ));
        }
        text.push_str("rules: []\n");
        let mut set = RuleSet::builtin().unwrap();
        let err = set.add_file("bomb.yaml", &text).unwrap_err();
        assert!(!err.message.is_empty());
    }

    #[test]
    fn deep_nesting_is_refused_with_a_message() {
        let text = format!("{}x{}", "[".repeat(5_000), "]".repeat(5_000));
        let mut set = RuleSet::builtin().unwrap();
        let err = set.add_file("deep.yaml", &text).unwrap_err();
        assert!(!err.message.is_empty());
        let block: String = (0..200)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        let err = set.add_file("deep2.yaml", &block).unwrap_err();
        assert!(!err.message.is_empty());
    }

    #[test]
    fn invalid_and_huge_concept_patterns_point_at_the_pattern() {
        let mut set = RuleSet::builtin().unwrap();
        let text = "concepts:\n  - concept: broken\n    patterns: ['(unclosed']\nrules: []\n";
        let err = set.add_file("bad.yaml", text).unwrap_err();
        assert!(err.message.contains("invalid pattern"), "{}", err.message);
        let (s, e) = err.span().unwrap();
        assert!(text[s..e].contains("(unclosed"));
        // Compiles to far more than the 1 MiB size limit.
        let text = "concepts:\n  - concept: huge\n    patterns: ['(\\w{1000}){1000}']\nrules: []\n";
        let err = set.add_file("huge.yaml", text).unwrap_err();
        assert!(err.message.contains("invalid pattern"), "{}", err.message);
        assert!(
            err.help
                .as_deref()
                .unwrap_or_default()
                .contains("size limit")
                || err.to_string().contains("invalid pattern")
        );
    }
}

#[cfg(test)]
mod boundary_tests {
    use super::ascii_word_boundaries;

    #[test]
    fn word_boundaries_become_ascii_ones() {
        assert_eq!(
            ascii_word_boundaries(r"\brevenues?\b"),
            r"(?-u:\b)revenues?(?-u:\b)"
        );
        assert_eq!(ascii_word_boundaries(r"a\\b"), r"a\\b");
        assert_eq!(ascii_word_boundaries(r"a\\\b"), r"a\\(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"\d+\s"), r"\d+\s");
        let re = regex::Regex::new(&ascii_word_boundaries(r"(?i)\bnet sales\b")).unwrap();
        assert!(re.is_match("Apple’s net sales – up"));
        assert!(!re.is_match("net salesman"));
    }
}
