//! Finding files, reading bytes, detecting the format and decoding text.
//!
//! **Architecture Invariant:** this is the only module that touches the file
//! system. Everything after it works on [`SourceFile`] bytes in memory.

mod decode;
pub mod submission;

pub use decode::{decode_text, sniff, Sniffed};
pub use submission::{ExhibitFilter, Part, Payload};

use crate::document::{Format, SourceFile};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Extensions read when walking a folder.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "htm", "html", "nc"];

/// Files larger than this are refused by default (`--max-file-size`).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a text or HTML document: {0}")]
    NotText(String),
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the limit of {limit} bytes (--max-file-size)")]
    TooLarge { size: u64, limit: u64 },
    #[error("is a directory (give it as a path to walk, not as `-`)")]
    Directory,
}

/// A document named on the command line or found under a folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// A path that could not be walked (a broken link, a permission error).
#[derive(Debug)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

/// Expands the paths given by the user into documents, sorted by path so that
/// output order does not depend on the file system. A file named explicitly is
/// taken whatever its extension; under a folder only [`EXTENSIONS`] count,
/// and only the files `keep` accepts (the configuration's include and
/// exclude patterns).
pub fn discover(paths: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> (Vec<Input>, Vec<WalkError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if p.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(p).follow_links(true) {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && has_document_extension(e.path())
                            && keep(e.path()) =>
                    {
                        found.push(Input::File(e.into_path()))
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(WalkError {
                        path: e
                            .path()
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or_else(|| p.to_string_lossy().into_owned()),
                        message: walk_message(&e),
                    }),
                }
            }
            found.sort();
            inputs.extend(found);
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    (inputs, errors)
}

fn walk_message(e: &walkdir::Error) -> String {
    if e.loop_ancestor().is_some() {
        return "symbolic link loop; not followed".into();
    }
    match e.io_error() {
        Some(io) => format!("cannot read: {io}"),
        None => e.to_string(),
    }
}

fn has_document_extension(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.starts_with("readme") {
        return false;
    }
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

/// Reads one input into memory, refusing files over `max_size`.
pub fn read(input: &Input, max_size: u64) -> Result<SourceFile, IngestError> {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(max_size + 1)
                .read_to_end(&mut buf)?;
            if buf.len() as u64 > max_size {
                return Err(IngestError::TooLarge {
                    size: buf.len() as u64,
                    limit: max_size,
                });
            }
            buf
        }
        Input::File(p) => {
            let meta = std::fs::metadata(p)?;
            if meta.is_dir() {
                return Err(IngestError::Directory);
            }
            if meta.len() > max_size {
                return Err(IngestError::TooLarge {
                    size: meta.len(),
                    limit: max_size,
                });
            }
            std::fs::read(p)?
        }
    };
    Ok(SourceFile {
        path: input.display(),
        bytes,
    })
}

/// Decides the format of a file from its name and its first bytes.
pub fn detect_format(file: &SourceFile) -> Result<Format, IngestError> {
    if file.bytes.is_empty() || file.bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    match sniff(&file.bytes) {
        Sniffed::Binary(what) => Err(IngestError::NotText(what)),
        // One exhibit saved with its EDGAR envelope (`<DOCUMENT>`,
        // `<TYPE>EX-99.1`, `<TEXT>`) under an HTML name reads as HTML: the
        // envelope lines are a few stray tags and words.
        Sniffed::Submission if is_html_name(&file.path) && is_single_html_document(&file.bytes) => {
            Ok(Format::Html)
        }
        Sniffed::Submission => Ok(Format::Submission),
        Sniffed::Html => Ok(Format::Html),
        Sniffed::Text => {
            let lower = file.path.to_lowercase();
            if lower.ends_with(".md") || lower.ends_with(".markdown") {
                Ok(Format::Markdown)
            } else if lower.ends_with(".htm") || lower.ends_with(".html") {
                Ok(Format::Html)
            } else {
                Ok(Format::Text)
            }
        }
    }
}

fn is_html_name(path: &str) -> bool {
    let lower = path.to_lowercase();
    lower.ends_with(".htm") || lower.ends_with(".html")
}

/// A single `<DOCUMENT>` (not a whole `<SEC-DOCUMENT>`) holding HTML.
fn is_single_html_document(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(8192)]
        .iter()
        .map(|b| b.to_ascii_lowercase())
        .collect();
    memchr::memmem::find(&head, b"<sec-document>").is_none()
        && memchr::memmem::find(&head, b"<sec-header>").is_none()
        && memchr::memmem::find(&head, b"<html").is_some()
        && memchr::memmem::find_iter(bytes, b"<DOCUMENT>").count() <= 1
}

/// Reads and identifies one input; the shared handle is what the report
/// renders snippets from.
pub fn load(input: &Input, max_size: u64) -> Result<(Arc<SourceFile>, Format), IngestError> {
    let file = read(input, max_size)?;
    let format = detect_format(&file)?;
    Ok((Arc::new(file), format))
}

/// Reads rule files: each path is a YAML file or a folder of them
/// (`.yaml`/`.yml`, sorted). Returns (display name, text) pairs.
pub fn read_rule_files(paths: &[PathBuf]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for p in paths {
        let mut files = Vec::new();
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                let e = e.map_err(|e| format!("{}: {}", p.display(), walk_message(&e)))?;
                let is_yaml = e
                    .path()
                    .extension()
                    .is_some_and(|x| x == "yaml" || x == "yml");
                if e.file_type().is_file() && is_yaml {
                    files.push(e.into_path());
                }
            }
        } else {
            files.push(p.clone());
        }
        for f in files {
            let meta = std::fs::metadata(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            if meta.len() > 4 * 1024 * 1024 {
                return Err(format!("{}: rule file over 4 MiB", f.display()));
            }
            let text = std::fs::read_to_string(&f)
                .map_err(|e| format!("{}: cannot read rule file: {e}", f.display()))?;
            out.push((f.to_string_lossy().into_owned(), text));
        }
    }
    Ok(out)
}

/// Reads a small text file (a configuration), refusing anything over 1 MiB.
pub fn read_text_file(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > 1024 * 1024 {
        return Err(format!("{}: over 1 MiB", path.display()));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}
