//! File arguments (`-` is stdin), read whole with a size limit and errors that name the argument.

use crate::error::{input_error, Result};

/// The most lakegate reads from one input file: four times AWS's largest limit on what such a
/// file can hold (EventBridge events and Athena queries: 256 KB; policies: 20 KB at most).
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;

/// Read a file argument (`-` is stdin) with an error that names the argument; at most
/// [`MAX_INPUT_BYTES`], so `/dev/zero` or a wrong file fails at once instead of filling memory.
pub fn read_input(arg: &str, path: &str) -> Result<String> {
    use std::io::Read;
    // Stdin is named as itself: it is read when the argument was not given at all.
    let (what, named) = if path == "-" {
        ("stdin".to_string(), "stdin".to_string())
    } else {
        (format!("'{path}'"), format!("{arg}: '{path}'"))
    };
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| input_error(format!("{arg}: cannot read {what}: {e}")))?,
        )
    };
    let mut buf = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| input_error(format!("cannot read {named}: {e}")))?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(input_error(format!(
            "{named} is larger than {} KiB, more than any event, query or policy AWS accepts",
            MAX_INPUT_BYTES / 1024
        )));
    }
    String::from_utf8(buf).map_err(|_| input_error(format!("{named} is not UTF-8 text")))
}
