//! `lectern`: the command-line face of the core (extraction, entities, evaluation, benchmarks).

use clap::{Parser, Subcommand};
use lectern::{cli, entities};

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
        /// The language the text's page declares (e.g. "en", "de-AT"); without it, the text's
        /// own language is judged (names are looked for in English only).
        #[arg(long)]
        lang: Option<String>,
        /// The site's name as its page names it (`og:site_name`): the publisher named in its
        /// own text is an organisation.
        #[arg(long)]
        site: Option<String>,
    },
    /// Evaluate against a reference corpus.
    Eval {
        #[command(subcommand)]
        what: EvalCmd,
    },
    /// Time native extraction over a corpus of pages.
    Bench { dir: String },
    /// Retrain the entity tagger (CoNLL-2003 and modern corpora) and write the model.
    TrainNer(Box<cli::train_ner::TrainNerArgs>),
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
        /// Print the title/author/date disagreements of this page type ("article"), one a
        /// line: page, field, annotation, ours (grep-able, for grouping failures into classes).
        #[arg(long, value_name = "TYPE")]
        disagree: Option<String>,
    },
    /// Entity-level precision, recall and F1 of `recognize` (the product path), one document
    /// at a time: CoNLL files (-DOCSTART- separates documents; without it each sentence is
    /// one) or standoff files (`#pages` header, offsets into a corpus's pages: data/ner-dev/).
    Ner {
        #[arg(required = true)]
        files: Vec<String>,
        /// A model file to evaluate instead of the built-in one.
        #[arg(long)]
        model: Option<String>,
        /// A declared language for every document (default: none, judged from the text).
        #[arg(long)]
        lang: Option<String>,
        /// The pages standoff files point into (their gt/ID.json).
        #[arg(long, default_value = "../shared/corpus/wceb-dev")]
        pages: String,
        /// Also score the tagger alone on the gold sentences (labelled as such).
        #[arg(long)]
        tagger: bool,
        /// List the false negatives and false positives.
        #[arg(long)]
        errors: bool,
    },
    /// Print a page's text as standoff annotations count their offsets in (for annotators:
    /// scripts/ner-dev/standoff.py): wceb-dev's main_content, or with --readability a Mozilla
    /// test page's expected article.
    StandoffText {
        id: String,
        /// The wceb-dev folder (Mozilla's pages are the `readability` folder beside it).
        #[arg(long, default_value = "../shared/corpus/wceb-dev")]
        pages: String,
        /// The page is one of Mozilla's Readability test pages.
        #[arg(long)]
        readability: bool,
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
            lang,
            site,
        } => cli::ner::entities(
            file,
            format,
            model.as_deref(),
            &entities::Page {
                lang: lang.as_deref(),
                site: site.as_deref(),
            },
        ),
        Cmd::Eval {
            what:
                EvalCmd::StandoffText {
                    id,
                    pages,
                    readability,
                },
        } => cli::eval::standoff_text(id, pages, *readability),
        Cmd::Eval {
            what: EvalCmd::Readability { dir },
        } => cli::eval::eval_readability(dir),
        Cmd::Eval {
            what:
                EvalCmd::Ner {
                    files,
                    model,
                    lang,
                    pages,
                    tagger,
                    errors,
                },
        } => cli::eval::eval_ner(&cli::eval::EvalNer {
            files,
            model: model.as_deref(),
            lang: lang.as_deref(),
            pages,
            tagger: *tagger,
            errors: *errors,
        }),
        Cmd::Eval {
            what:
                EvalCmd::Pages {
                    dir,
                    pages,
                    disagree,
                },
        } => cli::eval::eval_pages(dir, *pages, disagree.as_deref()),
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
