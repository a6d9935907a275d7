mod cli;

// The pipeline allocates many small, short-lived values (strings for units,
// ids and numbers in the report); mimalloc serves those with a fraction of
// the system allocator's instructions (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
