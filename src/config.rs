//! `tickmark.yaml`: a project's settings, found by walking up from the
//! working directory (or named with `--config`).
//!
//! ```yaml
//! rules:                      # more rule files or folders, relative to this file
//!   - rules/house-rules.yaml
//! severity:                   # per-rule severity: error, warning, advice or off
//!   figures-agree: warning
//!   change-column: off
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
                "a configuration has `rules:` (a list of paths) and `severity:` (rule id: error, warning, advice or off)",
            )?
        };
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            path: path.to_path_buf(),
            text: text.to_string(),
            rules: raw.rules.iter().map(|r| base.join(r)).collect(),
            severity: raw.severity,
        })
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
