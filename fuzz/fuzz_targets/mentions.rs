//! Mention extraction from prose: arbitrary bytes read as text, every
//! figure quoted in the narrative has a span inside the file on character
//! boundaries of the text layer, and its interval (if any) is well formed.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let map = tickmark::ingest::decode_text(data, true);
    let (_tables, blocks) = tickmark::parse::text::parse(&map);
    for m in tickmark::parse::mention::mentions(&blocks) {
        assert!(m.span.start <= m.span.end && m.span.end <= data.len());
        let block = blocks[m.block].text.text();
        assert!(block.is_char_boundary(m.start) && block.is_char_boundary(m.end));
        if let Some(i) = m.interval() {
            assert!(i.lo <= i.hi);
        }
    }
});
