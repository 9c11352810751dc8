//! `lectern`: the command-line face of the core (extraction, entities, evaluation, benchmarks).

use clap::{Parser, Subcommand};
use lectern::cli;

#[derive(Parser)]
#[command(
    name = "lectern",
    version,
    about = "Reader view extraction and entity recognition"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract the article from an HTML file (or - for standard input).
    Extract {
        file: String,
        /// The page's URL, to resolve relative links and images.
        #[arg(long)]
        url: Option<String>,
        #[arg(long, default_value = "json", value_parser = ["json", "html", "text", "markdown"])]
        format: String,
    },
    /// Find the entities in plain text (blank lines separate paragraphs).
    Entities {
        file: String,
        #[arg(long, default_value = "text", value_parser = ["json", "text"])]
        format: String,
        /// A model file to use instead of the committed one.
        #[arg(long)]
        model: Option<String>,
    },
    /// Evaluate against a reference corpus.
    Eval {
        #[command(subcommand)]
        what: EvalCmd,
    },
    /// Time native extraction over a corpus of pages.
    Bench { dir: String },
    /// Retrain the entity tagger (CoNLL-2003 and modern corpora) and write the model.
    TrainNer(cli::train_ner::TrainNerArgs),
}

#[derive(Subcommand)]
enum EvalCmd {
    /// Compare extraction with Mozilla Readability's expected output, page by page.
    Readability { dir: String },
    /// Entity-level precision, recall and F1 on a CoNLL-format file.
    Ner {
        file: String,
        /// A model file to evaluate instead of the built-in one.
        #[arg(long)]
        model: Option<String>,
    },
}

fn main() {
    let args = Cli::parse();
    let result = match &args.cmd {
        Cmd::Extract { file, url, format } => cli::extract::extract(file, url.as_deref(), format),
        Cmd::Entities {
            file,
            format,
            model,
        } => cli::ner::entities(file, format, model.as_deref()),
        Cmd::Eval {
            what: EvalCmd::Readability { dir },
        } => cli::extract::eval_readability(dir),
        Cmd::Eval {
            what: EvalCmd::Ner { file, model },
        } => cli::ner::eval_ner(file, model.as_deref()),
        Cmd::Bench { dir } => cli::extract::bench(dir),
        Cmd::TrainNer(args) => cli::train_ner::train_ner(args),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(msg) => {
            eprintln!("lectern: {msg}");
            std::process::exit(1);
        }
    }
}
