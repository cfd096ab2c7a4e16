//! `tickmark.yaml`: a project's settings, found by walking up from the
//! working directory (or named with `--config`).
//!
//! ```yaml
//! rules:                      # more rule files or folders, relative to this file
//!   - rules/house-rules.yaml
//! severity:                   # per-rule severity: error, warning, advice or off
//!   figures-agree: warning
//!   change-column: off
//! include:                    # files found under folders: only these...
//!   - "**/*.htm"
//! exclude:                    # ...and not these (relative to this file's folder)
//!   - "**/drafts/**"
//! exhibits:                   # documents of a submission file to check
//!   - "EX-99*"
//! ```

use crate::check::Severity;
use crate::rules::{did_you_mean, RuleError, RuleSet};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File names looked for, in each folder from the working directory up.
pub const FILE_NAMES: &[&str] = &["tickmark.yaml", ".tickmark.yaml"];

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    exhibits: Vec<String>,
}

/// A parsed configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from.
    pub path: PathBuf,
    text: String,
    /// Rule paths, resolved against the configuration's folder.
    pub rules: Vec<PathBuf>,
    severity: BTreeMap<String, Spanned<String>>,
    /// Patterns a file found under a folder must match (any), and must not
    /// match (none), to be checked.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// `<TYPE>` patterns of the submission documents to check (empty: the
    /// default, `EX-99*`).
    pub exhibits: Vec<String>,
    /// The working directory, and the configuration's folder made absolute
    /// against it, both read once: walked paths are placed relative to the
    /// folder for `include`/`exclude`.
    cwd: Option<PathBuf>,
    folder: Option<PathBuf>,
}

fn slashed(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The nearest configuration file from `dir` upwards.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

impl Config {
    /// Parses a configuration's text.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Box<RuleError>> {
        let name = path.display().to_string();
        let raw: RawConfig = if text.trim().is_empty() {
            RawConfig::default()
        } else {
            crate::rules::from_yaml_with_help(
                &name,
                text,
                "a configuration has `rules:` (a list of paths), `severity:` (rule id: error, warning, advice or off), `include:`/`exclude:` (path patterns) and `exhibits:` (submission document types)",
            )?
        };
        let base = path.parent().unwrap_or(Path::new("."));
        let cwd = std::env::current_dir().ok();
        Ok(Config {
            path: path.to_path_buf(),
            text: text.to_string(),
            rules: raw.rules.iter().map(|r| base.join(r)).collect(),
            severity: raw.severity,
            include: raw.include,
            exclude: raw.exclude,
            exhibits: raw.exhibits,
            folder: if base.is_absolute() {
                Some(base.to_path_buf())
            } else {
                cwd.as_ref().map(|d| d.join(base))
            },
            cwd,
        })
    }

    /// Whether a file found while walking a folder is checked: it matches an
    /// `include` pattern (or there are none) and no `exclude` pattern. A
    /// pattern is matched against the path relative to the configuration's
    /// folder when the file is under it, and against the path as found.
    pub fn selects(&self, path: &Path) -> bool {
        if self.include.is_empty() && self.exclude.is_empty() {
            return true;
        }
        let mut forms = vec![slashed(path)];
        let absolute = if path.is_absolute() {
            Some(path.to_path_buf())
        } else {
            self.cwd.as_ref().map(|d| d.join(path))
        };
        if let (Some(a), Some(folder)) = (absolute, &self.folder) {
            if let Ok(rel) = a.strip_prefix(folder) {
                forms.push(slashed(rel));
            }
        }
        let hit = |patterns: &[String]| {
            patterns
                .iter()
                .any(|p| forms.iter().any(|f| crate::glob::matches(p, f)))
        };
        (self.include.is_empty() || hit(&self.include)) && !hit(&self.exclude)
    }

    /// Applies the severity overrides; an unknown rule id or level is an
    /// error pointing into the file.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), Box<RuleError>> {
        let name = self.path.display().to_string();
        let ids: Vec<String> = rules.rules().iter().map(|r| r.id.clone()).collect();
        for (id, level) in &self.severity {
            if rules.get(id).is_none() {
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                let help = match did_you_mean(id, &refs) {
                    Some(m) => {
                        format!("did you mean `{m}`? `tickmark rules` lists the rules in force")
                    }
                    None => "`tickmark rules` lists the rules in force".into(),
                };
                let at = self.text.find(&format!("{id}:")).map(|o| (o, id.len()));
                return Err(Box::new(RuleError::at(
                    &name,
                    &self.text,
                    at,
                    format!("no rule `{id}` to set the severity of"),
                    "unknown rule",
                    Some(help),
                )));
            }
            match level.value.as_str() {
                "off" => rules.remove(id),
                other => {
                    match Severity::parse(other) {
                        Some(s) => {
                            rules.set_severity(id, s);
                        }
                        None => return Err(Box::new(RuleError::at(
                            &name,
                            &self.text,
                            crate::rules::span_of(level, &self.text),
                            format!("unknown severity `{other}` for rule `{id}`"),
                            "unknown severity",
                            Some(
                                "severities: error, warning, advice, or off to disable the rule"
                                    .into(),
                            ),
                        ))),
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_and_exclude_select_walked_files() {
        let c = Config::parse(
            Path::new("/archive/tickmark.yaml"),
            "include: [\"**/*.htm\"]\nexclude: [\"**/drafts/**\"]\nexhibits: [EX-99*, 8-K]\n",
        )
        .unwrap();
        assert!(c.selects(Path::new("/archive/2024/q1.htm")));
        assert!(!c.selects(Path::new("/archive/2024/q1.txt")));
        assert!(!c.selects(Path::new("/archive/drafts/q1.htm")));
        assert!(!c.selects(Path::new("/archive/2024/drafts/q1.htm")));
        assert_eq!(c.exhibits, ["EX-99*", "8-K"]);
        let all = Config::parse(Path::new("/archive/tickmark.yaml"), "").unwrap();
        assert!(all.selects(Path::new("/anywhere/x.txt")));
    }

    #[test]
    fn an_unknown_key_is_refused_with_the_keys_it_knows() {
        let e = Config::parse(Path::new("tickmark.yaml"), "exhibit: [EX-99*]\n").unwrap_err();
        let help = format!("{:?}", miette::Report::new(*e));
        assert!(help.contains("exhibits"), "{help}");
    }
}
