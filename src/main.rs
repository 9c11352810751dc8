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
    /// Retrain the entity tagger from CoNLL-2003 and write the model.
    TrainNer {
        /// Folder holding eng.train and eng.testa.
        #[arg(long, default_value = "../shared/corpus/ner/conll2003")]
        corpus: String,
        /// Where to write the model.
        #[arg(long, default_value = "models/ner.bin")]
        out: String,
        /// After choosing the epochs on eng.testa, retrain on eng.train + eng.testa (off the
        /// protocol: eng.testa can no longer score the model; the committed model does not use it).
        #[arg(long)]
        with_dev: bool,
    },
}

#[derive(Subcommand)]
enum EvalCmd {
    /// Compare extraction with Mozilla Readability's expected output, page by page.
    Readability { dir: String },
    /// Score extraction on annotated modern pages (gt/*.json + html/*.html[.gz]): text F1 per
    /// page type, title/author/date agreement, pages with no article.
    Pages {
        dir: String,
        /// Also print one line per page.
        #[arg(long)]
        pages: bool,
    },
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
            what: EvalCmd::Pages { dir, pages },
        } => cli::eval_pages::eval_pages(dir, *pages),
        Cmd::Eval {
            what: EvalCmd::Ner { file, model },
        } => cli::ner::eval_ner(file, model.as_deref()),
        Cmd::Bench { dir } => cli::extract::bench(dir),
        Cmd::TrainNer {
            corpus,
            out,
            with_dev,
        } => cli::ner::train_ner(corpus, out, *with_dev),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(msg) => {
            eprintln!("lectern: {msg}");
            std::process::exit(1);
        }
    }
}
