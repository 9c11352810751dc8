//! Rendering an extracted article (with its entity marks) to the reader view's HTML.
