//! The native command-line tool's commands (not built for wasm).

pub mod eval;
pub mod extract;
pub mod ner;
pub mod train_ner;

/// What a command returns: the process exit code, or an error message for stderr.
pub type CmdResult = Result<i32, String>;

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<Vec<u8>, String> {
    use std::io::Read;
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))
    }
}
