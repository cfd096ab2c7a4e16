//! Shell-style patterns for file paths and exhibit types.
//!
//! `*` matches any run of characters except `/`, `**` any run including
//! `/`, `?` one character other than `/`. Nothing else is special: the
//! patterns people write in a `tickmark.yaml` (`**/drafts/**`, `*.htm`,
//! `EX-99*`) need no more, and a full glob library would be a dependency
//! for three characters.

/// Whether `text` matches `pattern` as a whole.
///
/// ```
/// use tickmark::glob::matches;
/// assert!(matches("EX-99*", "EX-99.1"));
/// assert!(matches("**/drafts/*.htm", "archive/2024/drafts/q1.htm"));
/// assert!(!matches("*.htm", "2024/q1.htm"));
/// ```
pub fn matches(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // reach[j]: the pattern prefix read so far matches text[..j]. One pass
    // per pattern token keeps the cost at |pattern| × |text|, whatever the
    // pattern (no backtracking blow-up on `*a*a*a*b`).
    let mut reach = vec![false; t.len() + 1];
    reach[0] = true;
    let mut i = 0;
    while i < p.len() {
        let mut next = vec![false; t.len() + 1];
        if p[i] == '*' {
            let deep = p.get(i + 1) == Some(&'*');
            let mut on = false;
            for j in 0..=t.len() {
                on |= reach[j];
                next[j] = on;
                if j < t.len() && t[j] == '/' && !deep {
                    on = false;
                }
            }
            i += if deep { 2 } else { 1 };
            // `**/` also matches no folder at all.
            if deep && p.get(i) == Some(&'/') {
                let mut skip = next.clone();
                let mut after = vec![false; t.len() + 1];
                for j in 0..t.len() {
                    if next[j] && t[j] == '/' {
                        after[j + 1] = true;
                    }
                }
                for j in 0..=t.len() {
                    skip[j] = after[j] || reach[j];
                }
                next = skip;
                i += 1;
            }
        } else {
            for j in 0..t.len() {
                if reach[j] && (p[i] == t[j] || (p[i] == '?' && t[j] != '/')) {
                    next[j + 1] = true;
                }
            }
            i += 1;
        }
        reach = next;
    }
    reach[t.len()]
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn patterns_as_data() {
        let cases = [
            ("*.htm", "q1.htm", true),
            ("*.htm", "dir/q1.htm", false),
            ("**/*.htm", "dir/q1.htm", true),
            ("**/*.htm", "q1.htm", true),
            ("**/drafts/**", "a/b/drafts/c/d.txt", true),
            ("**/drafts/**", "drafts/d.txt", true),
            ("**/drafts/**", "a/predrafts/d.txt", false),
            ("archive/**", "archive/x/y.htm", true),
            ("q?.htm", "q1.htm", true),
            ("q?.htm", "q10.htm", false),
            ("EX-99*", "EX-99.1", true),
            ("EX-99*", "EX-10.1", false),
            ("*", "", true),
            ("", "", true),
            ("", "a", false),
            (
                "a*a*a*a*b",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                false,
            ),
        ];
        for (p, t, want) in cases {
            assert_eq!(matches(p, t), want, "{p} vs {t}");
        }
    }
}
