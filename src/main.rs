mod cli;

// The pipeline allocates many small, short-lived values (strings for units,
// ids and numbers in the report); mimalloc serves those with a fraction of
// the system allocator's instructions (docs/performance.md). It is built
// without asking for transparent huge pages (Cargo.toml): a first touch of
// a huge page zeroes 2 MB, which made a short run pay for memory it never
// used and made a long one's system time vary threefold.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
