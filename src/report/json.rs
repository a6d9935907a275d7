//! `--format json`: the whole report as one JSON document (the contract in
//! docs/output.md).

use super::Report;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, BufWriter, Write};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    // A buffer of a concrete type: serde_json writes a few bytes at a
    // time, and through `dyn Write` each of those would be a call that
    // cannot be inlined.
    let mut buf = BufWriter::with_capacity(1 << 16, out);
    write_pretty(report, &mut buf)?;
    writeln!(buf)?;
    buf.flush()
}

/// Serialises a value exactly as `serde_json::to_writer_pretty` does.
pub fn write_pretty<T: Serialize + ?Sized>(value: &T, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Pretty::default());
    // `from` keeps the kind of a write error, so a closed pipe stays a
    // broken pipe (a quiet exit) instead of becoming a failure.
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// serde_json's pretty printer, two-space indent, but writing a line break
/// and its indentation in one call rather than one call per level: most of
/// a report's bytes are indentation.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

const NEWLINE_AND_SPACES: &[u8] =
    b"\n                                                                ";

fn newline_indent<W: ?Sized + Write>(w: &mut W, level: usize) -> io::Result<()> {
    let spaces = level * 2;
    if spaces < NEWLINE_AND_SPACES.len() {
        return w.write_all(&NEWLINE_AND_SPACES[..1 + spaces]);
    }
    w.write_all(b"\n")?;
    let mut left = spaces;
    while left > 0 {
        let k = left.min(NEWLINE_AND_SPACES.len() - 1);
        w.write_all(&NEWLINE_AND_SPACES[1..1 + k])?;
        left -= k;
    }
    Ok(())
}

impl Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            newline_indent(w, self.level)?;
        }
        w.write_all(b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        newline_indent(w, self.level)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            newline_indent(w, self.level)?;
        }
        w.write_all(b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        newline_indent(w, self.level)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn same_bytes_as_serde_json_pretty() {
        let mut deep = json!(1);
        for i in 0..40 {
            deep = json!({ "level": i, "inner": [deep, [], {}], "s": "a\"b" });
        }
        for v in [
            json!({}),
            json!([]),
            json!({"a": [1, 2, {"b": null, "c": []}], "d": "x", "e": {}}),
            deep,
        ] {
            let mut ours = Vec::new();
            write_pretty(&v, &mut ours).unwrap();
            let theirs = serde_json::to_vec_pretty(&v).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
