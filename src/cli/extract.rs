//! `lectern extract`, `lectern eval readability` and `lectern bench`.

use super::CmdResult;

pub fn extract(file: &str, url: Option<&str>, format: &str) -> CmdResult {
    let _ = (file, url, format);
    Err("extract: not built yet".into())
}

pub fn eval_readability(dir: &str) -> CmdResult {
    let _ = dir;
    Err("eval readability: not built yet".into())
}

pub fn bench(dir: &str) -> CmdResult {
    let _ = dir;
    Err("bench: not built yet".into())
}
