// How far through the article the reader is, 0..1: the share of the article above the bottom of
// the viewport (1 once its end is on screen).
export function readFraction(scrollTop, viewport, articleTop, articleHeight) {
  if (articleHeight <= 0) return 0;
  const seen = scrollTop + viewport - articleTop;
  return Math.min(1, Math.max(0, seen / articleHeight));
}
