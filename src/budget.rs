//! A per-document work budget.
//!
//! Parsing and checking are linear in the size of a document for every
//! input shape we know of, but a few checks compare figures with each other
//! (the same concept in every table, the terms of an equation), and a
//! hostile document can hold thousands of rows of one concept. Rather than
//! trust that every loop stays linear, the loops that can grow with the
//! product of two sizes spend *work units* from a budget; when it runs out
//! they stop early and [`crate::audit`] turns the document into a failure
//! record ("document too complex: …") instead of a hung batch.
//!
//! Units are counted, not timed, so the outcome is the same on every
//! machine and at every thread count. The budget lives in a thread-local
//! because one document is parsed and checked on one thread from start to
//! end (`audit` is synchronous; rayon runs whole documents).

use std::cell::Cell;

/// Work units one document may spend on parsing and checking. The most
/// any document of the shared corpus spends is 326,771 (a Pfizer 8-K
/// exhibit, 2024), about 150 times less (see `SECURITY.md`).
pub const DOCUMENT_BUDGET: u64 = 50_000_000;

thread_local! {
    static LEFT: Cell<u64> = const { Cell::new(u64::MAX) };
    static EXHAUSTED: Cell<bool> = const { Cell::new(false) };
}

/// Starts a document's budget on this thread.
pub fn start(units: u64) {
    LEFT.with(|l| l.set(units));
    EXHAUSTED.with(|e| e.set(false));
}

/// Lifts the budget (the default on a thread that never called [`start`]).
pub fn unlimited() {
    start(u64::MAX);
}

/// Spends `units`; returns `false` (and keeps returning `false`) once the
/// budget is exhausted, so the caller can stop its loop.
#[inline]
pub fn spend(units: u64) -> bool {
    LEFT.with(|l| {
        let left = l.get();
        if left >= units {
            l.set(left - units);
            true
        } else {
            l.set(0);
            EXHAUSTED.with(|e| e.set(true));
            false
        }
    })
}

/// Whether the budget ran out since the last [`start`].
pub fn exhausted() -> bool {
    EXHAUSTED.with(|e| e.get())
}

/// Units left.
pub fn left() -> u64 {
    LEFT.with(|l| l.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spends_and_runs_out() {
        start(10);
        assert!(spend(4));
        assert!(spend(6));
        assert!(!exhausted());
        assert!(!spend(1));
        assert!(exhausted());
        assert!(!spend(0) || exhausted());
        unlimited();
        assert!(!exhausted());
    }
}
