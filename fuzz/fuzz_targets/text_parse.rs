//! Text ingest and table parsing: decode arbitrary bytes, read tables, and
//! check that every figure span lies within the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let map = tickmark::ingest::decode_text(data, true);
    let (tables, _blocks) = tickmark::parse::text::parse(&map);
    for t in &tables {
        for f in t.figures() {
            assert!(f.span.start <= f.span.end && f.span.end <= data.len());
        }
    }
});
