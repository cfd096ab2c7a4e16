//! HTML parsing: arbitrary bytes through the HTML reader; figure spans lie
//! within the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (tables, _blocks) = tickmark::parse::html::parse(data);
    for t in &tables {
        for f in t.figures() {
            assert!(f.span.start <= f.span.end && f.span.end <= data.len());
        }
    }
});
