//! Inputs read lazily, for batches too large to hold: a directory is walked
//! as it is read, and a JSON Lines file is read one line at a time. The
//! reading thread only finds the pieces ([`Source`]); turning a piece into
//! documents (reading a file, parsing a record) is [`Source::load`], which
//! a batch runs on its worker threads.

use super::{InputFormat, InputOptions, Loaded, jsonl};
use anyhow::anyhow;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One piece of input, not yet read into documents.
#[derive(Debug)]
pub enum Source {
    /// A file (or `-`) read whole, as by [`super::load`].
    File(String),
    /// A file found by walking a directory: a binary one is passed over.
    Walked(String),
    /// One JSON Lines record: the file's name, the 1-based line and its
    /// bytes.
    Record {
        name: String,
        line: usize,
        bytes: Vec<u8>,
    },
    /// Something that could not be read, already described.
    Error(anyhow::Error),
}

impl Source {
    /// The documents (or errors) this piece holds.
    pub fn load(self, opts: &InputOptions) -> Loaded {
        let mut out = Loaded::default();
        match self {
            Source::File(path) => return super::load(&path, opts),
            Source::Walked(path) => return super::load_walked(&path, opts),
            Source::Record { name, line, bytes } => {
                let (text, _) = super::decode_same_length(&bytes);
                if text.trim().is_empty() {
                    return out;
                }
                match jsonl::record(&name, line, &text, opts) {
                    Ok(doc) => out.documents.push(doc),
                    Err(e) => out.errors.push(e),
                }
            }
            Source::Error(e) => out.errors.push(e),
        }
        out
    }
}

/// The pieces of every input, in order, read as they are asked for.
pub fn sources<'a>(
    paths: &'a [String],
    opts: &'a InputOptions,
) -> impl Iterator<Item = Source> + 'a {
    paths.iter().flat_map(move |p| one_input(p, opts))
}

fn one_input<'a>(path: &'a str, opts: &'a InputOptions) -> Box<dyn Iterator<Item = Source> + 'a> {
    if path != "-" && Path::new(path).is_dir() {
        return Box::new(walk(path, opts));
    }
    if super::format_of(path, opts) != InputFormat::Jsonl {
        return Box::new(std::iter::once(Source::File(path.to_string())));
    }
    let (name, reader): (String, Box<dyn Read>) = if path == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => (path.to_string(), Box::new(f)),
            Err(e) => {
                let e = anyhow!("{path}: cannot read: {e}");
                return Box::new(std::iter::once(Source::Error(e)));
            }
        }
    };
    Box::new(records(name, BufReader::with_capacity(1 << 16, reader)))
}

/// The non-blank lines of a JSON Lines stream, as records.
fn records(name: String, mut reader: impl BufRead) -> impl Iterator<Item = Source> {
    let mut line = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let mut bytes = Vec::new();
            line += 1;
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => done = true,
                Ok(_) => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        bytes.pop();
                    }
                    let name = name.clone();
                    return Some(Source::Record { name, line, bytes });
                }
                Err(e) => {
                    done = true;
                    return Some(Source::Error(anyhow!("{name}:{line}: cannot read: {e}")));
                }
            }
        }
        None
    })
}

/// The files of a directory in the order [`super::load`] reads them; a
/// JSON Lines file among them is read record by record.
fn walk<'a>(dir: &'a str, opts: &'a InputOptions) -> impl Iterator<Item = Source> + 'a {
    super::walker(dir, opts).flat_map(move |entry| -> Box<dyn Iterator<Item = Source>> {
        match entry {
            Err(e) => Box::new(std::iter::once(Source::Error(e))),
            Ok(path) if super::format_of(&path, opts) == InputFormat::Jsonl => {
                match std::fs::File::open(&path) {
                    Ok(f) => Box::new(records(path, BufReader::with_capacity(1 << 16, f))),
                    Err(e) => Box::new(std::iter::once(Source::Error(anyhow!(
                        "{path}: cannot read: {e}"
                    )))),
                }
            }
            Ok(path) => Box::new(std::iter::once(Source::Walked(path))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(paths: &[String], opts: &InputOptions) -> Loaded {
        let mut out = Loaded::default();
        for s in sources(paths, opts) {
            out.absorb(s.load(opts));
        }
        out
    }

    fn names(l: &Loaded) -> Vec<String> {
        l.documents.iter().map(|d| d.name.clone()).collect()
    }

    #[test]
    fn records_are_read_lazily_with_their_line_numbers() {
        let src =
            "{\"id\":\"a\",\"text\":\"5 men.\"}\r\n\n  \nnot json\n{\"id\":\"b\",\"text\":\"6\"}";
        let items: Vec<Source> = records("b.jsonl".into(), src.as_bytes()).collect();
        let lines: Vec<usize> = items
            .iter()
            .map(|s| match s {
                Source::Record { line, .. } => *line,
                _ => 0,
            })
            .collect();
        assert_eq!(lines, [1, 4, 5]);
        let opts = InputOptions::default();
        let loaded: Vec<Loaded> = items.into_iter().map(|s| s.load(&opts)).collect();
        assert_eq!(loaded[0].documents[0].name, "b.jsonl#a");
        assert!(loaded[1].errors[0].to_string().starts_with("b.jsonl:4:"));
        assert_eq!(loaded[2].documents[0].name, "b.jsonl#b");
    }

    #[test]
    fn streaming_reads_what_loading_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let put = |rel: &str, body: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, body).unwrap();
        };
        put("b/two.txt", "Sold 7 boats.");
        put("a/one.md", "# Title\n\nSold 42 units.");
        put(
            "c/batch.jsonl",
            "{\"id\":1,\"text\":\"9 cars\"}\nbad\n{\"id\":2,\"text\":\"3\"}\n",
        );
        put(".hidden/x.txt", "1");
        put("notes.bin", "\0\0");
        let d = root.to_str().unwrap().to_string();
        let jl = root.join("c/batch.jsonl").to_str().unwrap().to_string();
        let opts = InputOptions::default();
        for paths in [vec![d.clone()], vec![jl, d]] {
            let streamed = all(&paths, &opts);
            let loaded = super::super::load_all(&paths, &opts);
            assert_eq!(names(&streamed), names(&loaded));
            assert_eq!(streamed.errors.len(), loaded.errors.len());
        }
    }
}
