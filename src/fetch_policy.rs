//! Which image URLs the reader may fetch.
//!
//! The reader runs on the extension's origin, outside the rules the browser applies to the page
//! (e.g. Private Network Access). A hostile page could otherwise name a router or an intranet host
//! in an `og:image` or a lazy image and have the reader send a blind GET there. So:
//! - URLs on a local host (IP literals in private, loopback or link-local ranges, `localhost`,
//!   `*.local`, `*.localhost`, `*.internal`) are dropped unless the page itself is on one;
//! - when the caller knows which images the page loaded, a lead image must be one of them or on
//!   the page's own site.

use std::collections::HashSet;
use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// What the reader may fetch for one page.
#[derive(Debug, Default, Clone)]
pub struct FetchPolicy {
    page: Option<Url>,
    /// The images the page itself loaded (absolute URLs), when the capture said so.
    loaded: Option<HashSet<String>>,
}

impl FetchPolicy {
    /// `page`: the page's URL; `loaded`: the URLs of the images the page loaded, if known.
    pub fn new(page: Option<&str>, loaded: Option<Vec<String>>) -> Self {
        FetchPolicy {
            page: page.and_then(|p| Url::parse(p).ok()),
            loaded: loaded.map(|l| l.into_iter().collect()),
        }
    }

    /// Whether an image found in the page's content may be shown (fetched).
    pub fn may_fetch(&self, url: &Url) -> bool {
        may_fetch(url, self.page.as_ref())
    }

    /// Whether the lead image (from metadata: nothing shows it on the page) may be shown.
    pub fn lead_image(&self, raw: &str) -> bool {
        let Some(url) = parse_against(raw, self.page.as_ref()) else {
            return false;
        };
        if !self.may_fetch(&url) {
            return false;
        }
        match (&self.loaded, &self.page) {
            (Some(loaded), Some(page)) => loaded.contains(url.as_str()) || same_site(&url, page),
            (Some(loaded), None) => loaded.contains(url.as_str()),
            (None, _) => true,
        }
    }
}

fn parse_against(raw: &str, base: Option<&Url>) -> Option<Url> {
    match base {
        Some(b) => b.join(raw.trim()).ok(),
        None => Url::parse(raw.trim()).ok(),
    }
}

/// Whether `url` may be fetched by the reader of a page at `page`.
pub fn may_fetch(url: &Url, page: Option<&Url>) -> bool {
    if !matches!(url.scheme(), "http" | "https") {
        // data: images are inline; nothing else is fetched by an <img>.
        return url.scheme() == "data";
    }
    // Without a page URL (a fragment, the command line) there is no page to compare with.
    !is_local(url) || page.is_none_or(is_local)
}

/// A host on this machine or the local network.
pub fn is_local(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => local_v4(ip),
        Some(Host::Ipv6(ip)) => local_v6(ip),
        Some(Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            // A bare name resolves through the local search domains.
            !d.contains('.')
                || [".localhost", ".local", ".internal", ".home.arpa", ".lan"]
                    .iter()
                    .any(|s| d.ends_with(s))
        }
        None => false,
    }
}

fn local_v4(ip: Ipv4Addr) -> bool {
    ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        // 100.64.0.0/10 (carrier-grade NAT) is on the provider's local network.
        || (ip.octets()[0] == 100 && (ip.octets()[1] & 0xc0) == 64)
}

fn local_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return local_v4(v4);
    }
    let first = ip.segments()[0];
    ip.is_loopback()
        || ip.is_unspecified()
        || (first & 0xfe00) == 0xfc00 // unique local
        || (first & 0xffc0) == 0xfe80 // link local
}

/// Same site: the same scheme family and registrable domain (approximated by the last two labels,
/// three under a two-letter second level such as `co.uk`). An IP address has no registrable
/// domain, and other ports on it are other services: there only the same origin counts.
pub fn same_site(a: &Url, b: &Url) -> bool {
    match (a.host(), b.host()) {
        (Some(Host::Domain(x)), Some(Host::Domain(y))) => site_of(x) == site_of(y),
        (Some(x), Some(y)) => x == y && a.port_or_known_default() == b.port_or_known_default(),
        _ => false,
    }
}

fn site_of(host: &str) -> String {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.rsplit('.').collect();
    let keep = match labels.get(1) {
        Some(second) if labels.len() > 2 && second.len() <= 3 && labels[0].len() == 2 => 3,
        _ => 2,
    };
    let mut kept: Vec<&str> = labels.into_iter().take(keep).collect();
    kept.reverse();
    kept.join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).expect("test URL")
    }

    #[test]
    fn local_hosts_only_from_local_pages() {
        let public = u("https://news.example.com/a");
        for bad in [
            "http://192.168.1.1/x.png",
            "http://10.0.0.1/",
            "http://127.0.0.1:8080/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:192.168.0.1]/",
            "http://169.254.169.254/latest",
            "http://localhost/",
            "http://printer.local/",
            "http://router/",
            "http://0x7f000001/",
        ] {
            assert!(!may_fetch(&u(bad), Some(&public)), "{bad}");
            assert!(may_fetch(&u(bad), Some(&u("http://192.168.1.5/"))), "{bad}");
        }
        assert!(may_fetch(
            &u("https://cdn.example.org/a.png"),
            Some(&public)
        ));
        assert!(may_fetch(&u("data:image/png;base64,AA"), Some(&public)));
        assert!(!may_fetch(&u("file:///etc/passwd"), Some(&public)));
    }

    #[test]
    fn lead_image_must_be_loaded_or_same_site() {
        let loaded = vec!["https://cdn.other.net/seen.jpg".to_string()];
        let p = FetchPolicy::new(Some("https://www.example.co.uk/a/b"), Some(loaded));
        assert!(p.lead_image("https://cdn.other.net/seen.jpg"));
        assert!(p.lead_image("/img/lead.jpg"));
        assert!(p.lead_image("https://img.example.co.uk/lead.jpg"));
        assert!(!p.lead_image("https://tracker.other.net/never.jpg"));
        assert!(!p.lead_image("http://192.168.0.1/lead.jpg"));
        // Unknown loaded set (playground, command line): only the local-host rule.
        let open = FetchPolicy::new(Some("https://www.example.com/"), None);
        assert!(open.lead_image("https://elsewhere.net/x.jpg"));
        assert!(!open.lead_image("http://10.1.1.1/x.jpg"));
    }

    #[test]
    fn ip_hosts_are_their_own_origin() {
        assert!(!same_site(
            &u("http://127.0.0.1:9000/x"),
            &u("http://127.0.0.1:8000/")
        ));
        assert!(same_site(
            &u("http://127.0.0.1:8000/x"),
            &u("http://127.0.0.1:8000/")
        ));
        assert!(same_site(
            &u("https://a.b.example.com/"),
            &u("http://example.com/")
        ));
        assert!(!same_site(
            &u("https://example.com/"),
            &u("https://example.net/")
        ));
    }
}
