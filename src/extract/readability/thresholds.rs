//! Every number the article finder decides by, in one place. Each is marked **R** (Readability.js
//! 0.6's value, kept to score as it does on Mozilla's corpus) or **ours** (added by Lectern).

// ---- grabbing ------------------------------------------------------------------------------

/// R: text (characters) an attempt must find before flags stop being relaxed.
pub const CHAR_THRESHOLD: usize = 500;
/// R: a byline is shorter than this (UTF-16 units).
pub const BYLINE_MAX_LEN: usize = 100;
/// R: a heading this similar to the title is the title repeated, and goes.
pub const TITLE_HEADING_SIMILARITY: f64 = 0.75;
/// Ours: an unlikely-named element holding more than this share of the page's text is kept.
pub const UNLIKELY_KEEP_PAGE_SHARE: f64 = 0.75;
/// Ours: a "header" holding the `<h1>` and prose is the article's header below this link density.
pub const ARTICLE_HEADER_MAX_LINK_DENSITY: f64 = 0.3;
/// R: a div holding one `<p>` is replaced by it below this link density.
pub const SINGLE_P_MAX_LINK_DENSITY: f64 = 0.25;

// ---- scoring -------------------------------------------------------------------------------

/// R: candidates kept, best first.
pub const N_TOP_CANDIDATES: usize = 5;
/// R: paragraphs shorter than this (characters) do not score.
pub const MIN_PARAGRAPH_LEN: usize = 25;
/// R: ancestors a paragraph credits.
pub const ANCESTOR_LEVELS: usize = 5;
/// R: a class or id hint is worth this much, up or down.
pub const CLASS_WEIGHT: f64 = 25.0;
/// R: other candidates scoring this share of the top one vote for a shared ancestor...
pub const ALT_CANDIDATE_RATIO: f64 = 0.75;
/// R: ...and this many votes move the top candidate up to it.
pub const MIN_ALT_CANDIDATES: usize = 3;
/// R: climbing stops at a parent scoring under the top score divided by this.
pub const CLIMB_DIVISOR: f64 = 3.0;
/// Ours: an article split into sibling sections by a page builder (each paragraph run in its
/// own wrapper chain) is widened to the ancestor holding them, at most this many levels up...
pub const SECTIONS_MAX_LEVELS: usize = 6;
/// ...when at least this share of the ancestor's text beside the top candidate is prose
/// paragraphs and headings...
pub const SECTIONS_MIN_PROSE_SHARE: f64 = 0.7;
/// ...in at least this many prose paragraphs (one is a notice or a promo)...
pub const SECTIONS_MIN_PARAGRAPHS: usize = 3;
/// ...that prose is at least this share of the top candidate's text...
pub const SECTIONS_MIN_TOP_SHARE: f64 = 0.2;
/// ...and the link density of the text beside it is below this.
pub const SECTIONS_MAX_LINK_DENSITY: f64 = 0.25;
/// Ours: a page of titled sections divided by horizontal rules (a course page, a project's
/// one-page manual) is widened from the top candidate's section to the block holding them, at
/// most this many levels up...
pub const RULED_MAX_LEVELS: usize = 3;
/// ...when that block has at least this many rules between its sections...
pub const RULED_MIN_RULES: usize = 2;
/// ...and the text beside the top candidate's section is under this link density (its
/// sections may list readings and links, but are no menu).
pub const RULED_MAX_LINK_DENSITY: f64 = 0.5;

// ---- siblings ------------------------------------------------------------------------------

/// R: a sibling joins with at least max(this, top score × [`SIBLING_SHARE`]).
pub const SIBLING_MIN_SCORE: f64 = 10.0;
/// R: see [`SIBLING_MIN_SCORE`]; also the bonus share for a sibling of the same class.
pub const SIBLING_SHARE: f64 = 0.2;
/// Ours: an intro or standfirst beside the headline, before the body, joins the article
/// when it is a sentence of at least this many characters.
pub const SIBLING_INTRO_MIN_TEXT: usize = 40;
/// R: an unscored `<p>` sibling longer than this joins below [`SIBLING_P_MAX_LINK_DENSITY`].
pub const SIBLING_P_LONG: usize = 80;
/// R: see [`SIBLING_P_LONG`].
pub const SIBLING_P_MAX_LINK_DENSITY: f64 = 0.25;
/// ours: a sibling `<figure>` with an image joins when its text is shorter than this...
pub const SIBLING_FIGURE_MAX_TEXT: usize = 400;
/// ours: ...and its link density below this.
pub const SIBLING_FIGURE_MAX_LINK_DENSITY: f64 = 0.5;

// ---- conditional cleaning (`should_clean`) -------------------------------------------------

/// R: a node whose text is this share list items counts as a list.
pub const LIST_TEXT_SHARE: f64 = 0.9;
/// Ours: when negatively named blocks hold more than this share of the article's text, their
/// names do not remove them.
pub const NEGATIVE_NAMES_MAX_SHARE: f64 = 0.5;
/// R: this many commas keep a node.
pub const KEEP_COMMAS: u32 = 10;
/// R: list items beyond this many count against paragraphs.
pub const LI_ALLOWANCE: f64 = 100.0;
/// R: below this heading density a short linked node is boilerplate.
pub const HEADING_DENSITY_MAX: f64 = 0.9;
/// R: "short" for the rule above (characters).
pub const SHORT_CONTENT_LEN: usize = 25;
/// R: link density that removes a node of no positive weight.
pub const LINK_DENSITY_MAX: f64 = 0.2;
/// R: link density that removes even a positively weighted node.
pub const LINK_DENSITY_MAX_WEIGHTED: f64 = 0.5;
/// R: one embed with less text than this (characters) is removed.
pub const EMBED_MIN_TEXT: usize = 75;
/// ours: "advertisement"/"loading" alone in text this short (characters) marks an ad.
pub const AD_TEXT_MAX_LEN: usize = 40;
/// R: a data URL image shorter than this after "base64," is a placeholder.
pub const PLACEHOLDER_B64_MAX: usize = 133;

// ---- data tables ---------------------------------------------------------------------------

/// R: this many rows make a data table...
pub const DATA_TABLE_ROWS: i64 = 10;
/// R: ...or more columns than this...
pub const DATA_TABLE_COLS: i64 = 4;
/// R: ...or more cells than this.
pub const DATA_TABLE_CELLS: i64 = 10;

// ---- the pipeline around it ----------------------------------------------------------------

/// ours: body paragraph text (characters) below which the body-paragraph fallback never runs.
pub const FALLBACK_MIN_TEXT: usize = 800;
/// ours: a best block with this many links...
pub const LISTING_MIN_LINKS: usize = 15;
/// ours: ...this link density...
pub const LISTING_LINK_DENSITY: f64 = 0.6;
/// ours: ...and less text per link than this (characters) is a listing, not an article.
pub const LISTING_MAX_TEXT_PER_LINK: usize = 120;
