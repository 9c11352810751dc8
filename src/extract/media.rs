//! Video and audio in the article: the reader plays nothing, but it shows that they were there.
//! A video with a poster becomes the poster image; other media become a labelled link to the
//! file, when the page names one over http(s).

use super::dom::{Dom, Id};

/// Replaces each `<video>` and `<audio>` under `root` by its poster or a labelled link.
pub fn keep_as_poster_or_link(dom: &mut Dom, root: Id, base: Option<&url::Url>) {
    for m in dom.descendants_with_tags(root, &["video", "audio"]) {
        if dom.parent(m).is_none() {
            continue;
        }
        let is_video = dom.is(m, "video");
        let poster = is_video
            .then(|| dom.attr(m, "poster").and_then(|p| http_url(p, base)))
            .flatten();
        if let Some(p) = poster {
            let img = dom.create_element("img");
            dom.set_attr(img, "src", &p);
            dom.set_attr(img, "alt", "Video");
            dom.replace(m, img);
            continue;
        }
        let src = dom.attr(m, "src").map(str::to_string).or_else(|| {
            dom.descendants_with_tags(m, &["source"])
                .into_iter()
                .find_map(|s| dom.attr(s, "src").map(str::to_string))
        });
        match src.and_then(|s| http_url(&s, base)) {
            Some(href) => {
                let p = dom.create_element("p");
                let a = dom.create_element("a");
                dom.set_attr(a, "href", &href);
                let label = dom.create_text(if is_video { "Video" } else { "Audio" });
                dom.append(a, label);
                dom.append(p, a);
                dom.replace(m, p);
            }
            None => dom.detach(m),
        }
    }
}

/// `raw` as an absolute http(s) URL (blob: and data: media cannot be linked to).
fn http_url(raw: &str, base: Option<&url::Url>) -> Option<String> {
    let u = match base {
        Some(b) => b.join(raw.trim()).ok()?,
        None => url::Url::parse(raw.trim()).ok()?,
    };
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}
