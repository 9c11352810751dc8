//! The browser binding: the only code that knows about JavaScript.
