//! Ingest, parse and check of one document, each stage on its own and the
//! three together (`cargo bench`). The documents are the shipped example
//! release and, when `../shared/corpus` is there, one EDGAR HTML exhibit.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use tickmark::ingest::{self, Input};
use tickmark::rules::RuleSet;

fn documents() -> Vec<(&'static str, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![(
        "text",
        root.join("examples/releases/northwind-q1-2026-mistakes.txt"),
    )];
    let html = root.join("../shared/corpus/edgar-htm");
    if let Ok(entries) = std::fs::read_dir(&html) {
        let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        found.sort();
        if let Some(p) = found
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "htm"))
        {
            docs.push(("html", p));
        }
    } else {
        eprintln!("../shared/corpus is absent: benchmarking the text example only");
    }
    docs
}

fn pipeline(c: &mut Criterion) {
    let Ok(rules) = RuleSet::builtin() else {
        panic!("built-in rules do not load")
    };
    let max = ingest::DEFAULT_MAX_FILE_SIZE;
    let options = tickmark::ReadOptions::default();
    for (kind, path) in documents() {
        let input = Input::File(path.clone());
        let Ok((source, format)) = ingest::load(&input, max) else {
            panic!("cannot read {}", path.display())
        };
        let Ok(document) = tickmark::parse::parse(source.clone(), format) else {
            panic!("cannot parse {}", path.display())
        };
        let mut group = c.benchmark_group(kind);
        group.throughput(Throughput::Bytes(source.bytes.len() as u64));
        group.bench_function("ingest", |b| {
            b.iter(|| ingest::load(black_box(&input), max).is_ok())
        });
        group.bench_function("parse", |b| {
            b.iter(|| tickmark::parse::parse(black_box(source.clone()), format).is_ok())
        });
        group.bench_function("check", |b| {
            b.iter(|| {
                tickmark::check::run(black_box(&document), &rules)
                    .findings
                    .len()
            })
        });
        group.bench_function("ingest+parse+check", |b| {
            b.iter(|| {
                tickmark::audit_input(black_box(&input), &options, &rules)
                    .into_iter()
                    .map(|r| r.map(|a| a.report().findings.len()).unwrap_or(0))
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
