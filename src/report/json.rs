//! One JSON document for the whole run:
//!
//! ```json
//! {"tool":"tickmark","version":"0.1.0",
//!  "findings":[{"path":…,"rule":…,"severity":…,"message":…,"help":…,"span":…,"line":…,"column":…,"labels":[…]}],
//!  "documents":[{"path":…,"format":…,"tables":…,"figures":…,"verified":…,"findings":…}],
//!  "failures":[{"path":…,"message":…}],
//!  "summary":{"documents":…,"failures":…,"findings":…,"errors":…,"warnings":…,"advice":…,"figures":…,"verified":…}}
//! ```
//!
//! The records are JSON Lines' records without `kind`. Findings are written
//! as their documents finish (one per line inside the array), so memory
//! holds only the small `documents` and `failures` records until the end.

use super::{jsonl, DocReport, Failure, Sink, Summary};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

pub struct Json {
    started: bool,
    any_finding: bool,
    documents: Vec<String>,
    failures: Vec<String>,
}

impl Default for Json {
    fn default() -> Self {
        Json::new()
    }
}

impl Json {
    pub fn new() -> Json {
        Json {
            started: false,
            any_finding: false,
            documents: Vec::new(),
            failures: Vec::new(),
        }
    }

    fn start(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                w,
                "{{\"tool\":\"tickmark\",\"version\":{},\n\"findings\":[",
                Value::from(env!("CARGO_PKG_VERSION"))
            )?;
        }
        Ok(())
    }
}

fn compact<T: Serialize>(rec: &T) -> io::Result<String> {
    serde_json::to_string(rec).map_err(io::Error::other)
}

fn write_array(w: &mut dyn Write, items: &[String]) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, item) in items.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        w.write_all(item.as_bytes())?;
    }
    if !items.is_empty() {
        w.write_all(b"\n")?;
    }
    w.write_all(b"]")
}

impl Sink for Json {
    fn document(&mut self, w: &mut dyn Write, d: &DocReport) -> io::Result<()> {
        self.start(w)?;
        for mut rec in jsonl::finding_records(d) {
            rec.kind = None;
            w.write_all(if self.any_finding { b",\n" } else { b"\n" })?;
            self.any_finding = true;
            w.write_all(compact(&rec)?.as_bytes())?;
        }
        let mut rec = jsonl::document_record(d);
        rec.kind = None;
        self.documents.push(compact(&rec)?);
        Ok(())
    }

    fn failure(&mut self, w: &mut dyn Write, f: &Failure) -> io::Result<()> {
        self.start(w)?;
        self.failures.push(
            serde_json::to_string(&serde_json::json!({"path": f.path, "message": f.message}))
                .map_err(io::Error::other)?,
        );
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, s: &Summary, _seconds: f64) -> io::Result<()> {
        self.start(w)?;
        if self.any_finding {
            w.write_all(b"\n")?;
        }
        w.write_all(b"],\n\"documents\":")?;
        write_array(w, &self.documents)?;
        w.write_all(b",\n\"failures\":")?;
        write_array(w, &self.failures)?;
        let mut summary = serde_json::json!({
            "documents": s.documents,
            "failures": s.failures,
            "findings": s.findings,
            "errors": s.errors,
            "warnings": s.warnings,
            "advice": s.advice,
            "figures": s.figures,
            "verified": s.verified,
        });
        if let (Some(n), Value::Object(m)) = (s.baselined, &mut summary) {
            m.insert("baselined".into(), n.into());
        }
        writeln!(w, ",\n\"summary\":{summary}}}")
    }
}
