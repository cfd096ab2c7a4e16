//! Running documents in parallel while writing results in input order, as
//! soon as each is ready.
//!
//! Workers claim inputs in order from a shared counter; the caller's thread
//! receives results over a channel, holds the few that finish early in a
//! reorder buffer and hands them on in order. A worker does not start an
//! input more than `window` places ahead of the next one to be handed on, so
//! memory is bounded by the documents in flight (at most `window` results),
//! not by the size of the input list.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, MutexGuard};

/// Runs `work` on every item on `jobs` threads and calls `emit` with the
/// results in item order, on the calling thread. When `emit` returns false
/// (the output is gone), no new item is started and the rest are dropped.
pub fn ordered<T, R, W, E>(items: &[T], jobs: usize, window: usize, work: W, mut emit: E)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    E: FnMut(R) -> bool,
{
    let n = items.len();
    if n == 0 {
        return;
    }
    let jobs = jobs.clamp(1, n);
    let window = window.max(jobs);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The index of the next result to hand on.
    let handed = Mutex::new(0usize);
    let advanced = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|s| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, stop, handed, advanced, work) = (&next, &stop, &handed, &advanced, &work);
            s.spawn(move || loop {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= n {
                    break;
                }
                {
                    let mut h = lock(handed);
                    while i >= *h + window && !stop.load(Ordering::SeqCst) {
                        h = advanced.wait(h).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if tx.send((i, work(&items[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut want = 0usize;
        let mut stopped = false;
        for (i, r) in rx.iter() {
            if stopped {
                continue;
            }
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                want += 1;
                let go_on = emit(r);
                let mut h = lock(&handed);
                *h = want;
                if !go_on {
                    stopped = true;
                    stop.store(true, Ordering::SeqCst);
                    pending.clear();
                }
                drop(h);
                advanced.notify_all();
                if stopped {
                    break;
                }
            }
        }
    });
}

fn lock(m: &Mutex<usize>) -> MutexGuard<'_, usize> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_in_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        for jobs in [1, 2, 4, 8] {
            let mut got = Vec::new();
            ordered(
                &items,
                jobs,
                4,
                |&i| {
                    // Early items are slow, so later ones finish first.
                    std::thread::sleep(Duration::from_micros((200 - i) * 20));
                    i * 2
                },
                |r| {
                    got.push(r);
                    true
                },
            );
            assert_eq!(got, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn in_flight_is_bounded_by_the_window() {
        let items: Vec<usize> = (0..300).collect();
        let done = AtomicUsize::new(0);
        let handed = AtomicUsize::new(0);
        let worst = AtomicUsize::new(0);
        ordered(
            &items,
            4,
            6,
            |&i| {
                if i % 50 == 0 {
                    std::thread::sleep(Duration::from_millis(5));
                }
                let d = done.fetch_add(1, Ordering::SeqCst) + 1;
                let ahead = d.saturating_sub(handed.load(Ordering::SeqCst));
                worst.fetch_max(ahead, Ordering::SeqCst);
                i
            },
            |_| {
                handed.fetch_add(1, Ordering::SeqCst);
                true
            },
        );
        assert!(worst.load(Ordering::SeqCst) <= 6, "{worst:?}");
    }

    #[test]
    fn stopping_early_starts_nothing_new() {
        let items: Vec<usize> = (0..1000).collect();
        let started = AtomicUsize::new(0);
        let mut seen = 0;
        ordered(
            &items,
            2,
            4,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| {
                seen += 1;
                seen < 10
            },
        );
        assert_eq!(seen, 10);
        assert!(started.load(Ordering::SeqCst) < 50);
    }

    #[test]
    fn nothing_to_do() {
        ordered(&Vec::<u8>::new(), 4, 4, |_| 0, |_: i32| true);
    }
}
