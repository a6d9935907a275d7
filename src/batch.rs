//! Batches: many documents checked over all cores, each one on its own, with
//! the results handed back in input order and memory bounded by a window of
//! documents in flight rather than by the size of the input.
//!
//! The input iterator is read on the calling thread (so it need not be
//! `Send`: a reader over standard input or a directory walk will do), and so
//! is the sink (so output goes out in order from one place). Only the work
//! itself, checking and rendering a document, runs on the worker threads.

use crate::input::Document;
use crate::report::Report;
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;

/// How many threads check documents, and how many documents may be read
/// ahead of the one the sink is waiting for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parallelism {
    /// Worker threads; 1 checks on the calling thread.
    pub threads: usize,
    /// Documents read but not yet handed to the sink, at most.
    pub window: usize,
}

impl Parallelism {
    /// One worker per core, each with a few documents queued.
    pub fn all_cores() -> Parallelism {
        let threads = thread::available_parallelism().map_or(1, |n| n.get());
        Parallelism::threads(threads)
    }

    /// `n` worker threads (0 means one per core).
    pub fn threads(n: usize) -> Parallelism {
        if n == 0 {
            return Parallelism::all_cores();
        }
        // A few queued documents per thread hide the spread of document
        // sizes, and let them travel in runs long enough that waking a
        // thread is rare (see `map_ordered`); more would only hold memory.
        Parallelism {
            threads: n,
            window: n * 32,
        }
    }
}

impl Default for Parallelism {
    fn default() -> Parallelism {
        Parallelism::all_cores()
    }
}

/// Checks each document on its own (claim and check ids start afresh in
/// every report) and gives the sink each document with its report, in input
/// order. Stops at the sink's first error and returns it.
pub fn check_each<I, S, E>(
    docs: I,
    options: &crate::Options,
    par: Parallelism,
    mut sink: S,
) -> Result<(), E>
where
    I: IntoIterator<Item = Document>,
    S: FnMut(Document, Report) -> Result<(), E>,
{
    map_ordered(
        docs,
        par,
        |doc| {
            let report = crate::check(std::slice::from_ref(&doc), options);
            (doc, report)
        },
        |(doc, report)| sink(doc, report),
    )
}

/// The report of a run over documents, as [`crate::check`] gives it, with
/// the documents checked in parallel when they are not one story
/// (`options.together`): each on its own, the reports joined in order.
pub fn check_all(docs: &[Document], options: &crate::Options, par: Parallelism) -> Report {
    if options.together || docs.len() < 2 || par.threads <= 1 {
        return crate::check(docs, options);
    }
    let mut all = Report::empty();
    let joined: Result<(), std::convert::Infallible> = map_ordered(
        docs,
        par,
        |doc| crate::check(std::slice::from_ref(doc), options),
        |report| {
            all.append(report);
            Ok(())
        },
    );
    match joined {
        Ok(()) => all,
        Err(never) => match never {},
    }
}

/// Applies `work` to every item over `par.threads` threads and feeds the
/// results to `sink` in the order of the items. At most `par.window` items
/// are read ahead of the sink. Stops at the sink's first error and returns
/// it; a panic in `work` is raised again on the calling thread.
pub fn map_ordered<I, T, R, W, S, E>(
    items: I,
    par: Parallelism,
    work: W,
    mut sink: S,
) -> Result<(), E>
where
    I: IntoIterator<Item = T>,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> Result<(), E>,
{
    if par.threads <= 1 {
        return items.into_iter().try_for_each(|t| sink(work(t)));
    }
    // Items travel between threads in runs, each waking a sleeping thread
    // once instead of once per item: on a virtual machine a wake-up costs
    // about as much as checking a short article. A run is short enough to
    // leave every thread at least two runs of the window.
    let run = (par.window / par.threads / 2).clamp(1, RUN);
    let runs = Runs {
        items: items.into_iter(),
        size: run,
    };
    let par = Parallelism {
        threads: par.threads,
        window: (par.window / run).max(par.threads),
    };
    map_runs(
        runs,
        par,
        |items: Vec<T>| items.into_iter().map(&work).collect::<Vec<R>>(),
        |results: Vec<R>| results.into_iter().try_for_each(&mut sink),
    )
}

/// Items sent to a worker at once, at most.
const RUN: usize = 16;

/// Consecutive items, `size` at a time.
struct Runs<I> {
    items: I,
    size: usize,
}

impl<I: Iterator> Iterator for Runs<I> {
    type Item = Vec<I::Item>;

    fn next(&mut self) -> Option<Vec<I::Item>> {
        let run: Vec<I::Item> = self.items.by_ref().take(self.size).collect();
        (!run.is_empty()).then_some(run)
    }
}

/// [`map_ordered`] over runs of items, one job each.
fn map_runs<I, T, R, W, S, E>(items: I, par: Parallelism, work: W, sink: S) -> Result<(), E>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> Result<(), E>,
{
    let window = par.window.max(par.threads);
    let stop = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome<R>)>();
    thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..par.threads {
            let done_tx = done_tx.clone();
            let (job_rx, work, stop) = (&job_rx, &work, &stop);
            // The main thread's stack size, so that a document that runs
            // deep on one thread does so on the others too.
            let spawned = thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(scope, move || worker(job_rx, done_tx, work, stop));
            // Without a thread to be had, the others do the work.
            started += usize::from(spawned.is_ok());
        }
        drop(done_tx);
        if started == 0 {
            let mut sink = sink;
            return items.into_iter().try_for_each(|t| sink(work(t)));
        }
        let mut order = Reorder::new(sink);
        let result = feed(items, window, &job_tx, &done_rx, &mut order);
        // Whatever happened, let the workers drain out and stop.
        stop.store(true, Ordering::Relaxed);
        drop(job_tx);
        result
    })
}

type Outcome<R> = Result<R, Box<dyn Any + Send>>;

fn worker<T, R, W>(
    jobs: &Mutex<mpsc::Receiver<(usize, T)>>,
    done: mpsc::Sender<(usize, Outcome<R>)>,
    work: &W,
    stop: &AtomicBool,
) where
    W: Fn(T) -> R,
{
    loop {
        // The lock is held only to take one job.
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((i, item)) = job else { return };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
        if done.send((i, outcome)).is_err() {
            return;
        }
    }
}

/// Reads items into the job queue while the window allows, and hands
/// finished results to the sink in order.
fn feed<T, R, S, E>(
    mut items: impl Iterator<Item = T>,
    window: usize,
    jobs: &mpsc::SyncSender<(usize, T)>,
    done: &mpsc::Receiver<(usize, Outcome<R>)>,
    order: &mut Reorder<R, S>,
) -> Result<(), E>
where
    S: FnMut(R) -> Result<(), E>,
{
    let mut read = 0usize;
    let mut exhausted = false;
    loop {
        while !exhausted && read - order.next < window {
            match items.next() {
                Some(item) => {
                    if jobs.send((read, item)).is_err() {
                        exhausted = true;
                    } else {
                        read += 1;
                    }
                }
                None => exhausted = true,
            }
        }
        if order.next == read {
            return Ok(());
        }
        // Every worker holds a sender until it returns, so this only fails
        // once they have all gone, which they do only when jobs run out.
        let Ok((i, outcome)) = done.recv() else {
            return Ok(());
        };
        match outcome {
            Ok(r) => order.put(i, r)?,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// Holds results that finished early until those before them are in.
struct Reorder<R, S> {
    next: usize,
    early: BTreeMap<usize, R>,
    sink: S,
}

impl<R, S, E> Reorder<R, S>
where
    S: FnMut(R) -> Result<(), E>,
{
    fn new(sink: S) -> Self {
        Reorder {
            next: 0,
            early: BTreeMap::new(),
            sink,
        }
    }

    fn put(&mut self, i: usize, r: R) -> Result<(), E> {
        self.early.insert(i, r);
        while let Some(r) = self.early.remove(&self.next) {
            self.next += 1;
            (self.sink)(r)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn par(threads: usize, window: usize) -> Parallelism {
        Parallelism { threads, window }
    }

    /// Windows that send items one at a time, in short runs and in full
    /// runs, with runs that do not divide the item counts below.
    const SHAPES: [(usize, usize); 4] = [(4, 8), (2, 12), (2, 32), (3, 64)];

    #[test]
    fn results_come_back_in_input_order() {
        // Items that take longer the earlier they come finish out of order.
        for (threads, window) in SHAPES {
            let mut got = Vec::new();
            let r: Result<(), ()> = map_ordered(
                0..203u64,
                par(threads, window),
                |i| {
                    if i % 7 == 0 {
                        thread::sleep(std::time::Duration::from_millis(2));
                    }
                    i * i
                },
                |v| {
                    got.push(v);
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert_eq!(got, (0..203u64).map(|i| i * i).collect::<Vec<_>>());
        }
    }

    #[test]
    fn no_more_than_the_window_is_read_ahead() {
        for (threads, window) in [(3, 10)].into_iter().chain(SHAPES) {
            let read = AtomicUsize::new(0);
            let mut max_ahead = 0;
            let mut emitted = 0;
            let items = (0..500).inspect(|_| {
                read.fetch_add(1, Ordering::SeqCst);
            });
            let r: Result<(), ()> = map_ordered(
                items,
                par(threads, window),
                |i| i,
                |_| {
                    emitted += 1;
                    max_ahead = max_ahead.max(read.load(Ordering::SeqCst) - emitted);
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert_eq!(emitted, 500);
            assert!(
                max_ahead <= window,
                "read {max_ahead} items ahead of {window}"
            );
        }
    }

    #[test]
    fn the_sinks_error_stops_the_batch() {
        for (threads, window) in [(2, 4)].into_iter().chain(SHAPES) {
            let mut seen = 0;
            let r = map_ordered(
                0..10_000,
                par(threads, window),
                |i| i,
                |i| {
                    seen += 1;
                    if i == 5 {
                        Err(format!("stop at {i}"))
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!(r, Err("stop at 5".to_string()));
            assert_eq!(seen, 6);
        }
    }

    #[test]
    fn one_thread_needs_no_threads() {
        let mut got = Vec::new();
        let r: Result<(), ()> = map_ordered(vec!["a", "b"], par(1, 1), str::len, |n| {
            got.push(n);
            Ok(())
        });
        assert!(r.is_ok());
        assert_eq!(got, vec![1, 1]);
    }

    #[test]
    fn a_panic_in_work_reaches_the_caller() {
        for (threads, window) in [(2, 4)].into_iter().chain(SHAPES) {
            let caught = std::panic::catch_unwind(|| {
                let _: Result<(), ()> = map_ordered(
                    0..100,
                    par(threads, window),
                    |i| {
                        if i == 50 {
                            panic!("bad item");
                        }
                        i
                    },
                    |_| Ok(()),
                );
            });
            assert!(caught.is_err());
        }
    }

    fn testdata_documents() -> Vec<Document> {
        let mut paths: Vec<_> = std::fs::read_dir("testdata/articles")
            .into_iter()
            .chain(std::fs::read_dir("testdata/scenario"))
            .chain(std::fs::read_dir("testdata/clean"))
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let opts = crate::input::InputOptions::default();
        paths
            .iter()
            .flat_map(|p| crate::input::load(p.to_str().unwrap(), &opts).documents)
            .collect()
    }

    #[test]
    fn checking_in_parallel_gives_the_same_report() {
        let docs = testdata_documents();
        assert!(docs.len() > 3, "no test articles found");
        let options = crate::Options::default();
        let whole = serde_json::to_string(&crate::check(&docs, &options)).unwrap();
        let joined = serde_json::to_string(&check_all(&docs, &options, par(2, 3))).unwrap();
        assert_eq!(whole, joined);
        let summary = |r: &Report| r.summary.clone();
        assert_eq!(
            summary(&crate::check(&docs, &options)),
            summary(&check_all(&docs, &options, par(3, 5)))
        );
    }

    #[test]
    fn documents_are_checked_one_by_one_in_order() {
        let docs: Vec<Document> = (0..20)
            .map(|i| {
                let text = format!("The {i} men and 3 women, {} people in all, left.", i + 3);
                Document::new(format!("d{i}"), text.clone().into_bytes(), text)
            })
            .collect();
        let mut names = Vec::new();
        let r: Result<(), ()> =
            check_each(docs, &crate::Options::default(), par(2, 4), |d, rep| {
                assert_eq!(rep.documents.len(), 1);
                assert_eq!(rep.documents[0].path, d.name);
                assert!(rep.claims.iter().all(|c| *c.document == *d.name));
                names.push(d.name);
                Ok(())
            });
        assert!(r.is_ok());
        assert_eq!(names, (0..20).map(|i| format!("d{i}")).collect::<Vec<_>>());
    }
}
