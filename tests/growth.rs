//! Work and memory grow linearly with the input. Wall time is no measure
//! in a shared test run, so this counts what the pipeline allocates (calls
//! and peak live bytes) for a story and for the same story eight times
//! over, on one line and in paragraphs. Time per byte is measured by
//! `make bench` (benches/bench.sh).

use figcheck::input::{Document, InputOptions};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocation calls and peak live bytes of one run over `text`.
fn cost(text: &str) -> (usize, usize) {
    let doc = Document::from_bytes("t.txt", text.as_bytes().to_vec(), &InputOptions::default());
    let docs = vec![doc];
    let calls = CALLS.load(Relaxed);
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let report = figcheck::check(&docs, &figcheck::Options::default());
    let mut out = Vec::new();
    figcheck::report::json::write(&report, &mut out).expect("renders");
    drop(report);
    (
        CALLS.load(Relaxed) - calls,
        PEAK.load(Relaxed) - base + out.len(),
    )
}

fn story() -> String {
    let mut paths: Vec<_> = std::fs::read_dir("testdata/articles")
        .expect("testdata/articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .take(6)
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn allocations_and_memory_grow_linearly() {
    let base = story();
    assert!(base.len() > 2000, "the sample is a real story");
    // The first run builds the lazily compiled patterns; count after it.
    cost(&base);
    for (shape, one) in [
        ("paragraphs", format!("{base}\n\n")),
        ("one line", format!("{} ", base.replace('\n', " "))),
    ] {
        let (calls1, peak1) = cost(&one);
        let (calls8, peak8) = cost(&one.repeat(8));
        // Linear growth gives a ratio near 8; a quadratic pass gives 64.
        let call_ratio = calls8 as f64 / calls1 as f64;
        let peak_ratio = peak8 as f64 / peak1 as f64;
        assert!(
            call_ratio < 12.0,
            "{shape}: allocations grew {call_ratio:.1}x for 8x the text"
        );
        assert!(
            peak_ratio < 12.0,
            "{shape}: peak memory grew {peak_ratio:.1}x for 8x the text"
        );
    }
}
