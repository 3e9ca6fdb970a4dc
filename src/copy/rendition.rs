//! Which of a video's play URLs a copy reads: the best rendition a plain
//! ranged download can fetch.
//!
//! Providers shape their play URLs differently (Baijiayun: objects with
//! `url`, `width`, `height`, `size` per definition; iQiyi: `{mp4: {"1":
//! url, "2": url}, m3u8: {…}}` keyed by definition code; 趣视频: a list of
//! URLs). Every URL in the answer is a candidate, except playlists and
//! pictures (an HLS playlist is not the video's bytes); the one with the
//! most pixels wins, then the largest, then the highest definition code,
//! then the first.

use serde_json::Value;

/// Extensions that are not a video file to copy.
const NOT_A_VIDEO: &[&str] = &[
    "m3u8", "m3u", "mpd", "swf", "html", "htm", "jpg", "jpeg", "png", "gif", "webp",
];

/// One play URL and what ranks it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rendition {
    pub(crate) url: String,
    pixels: u64,
    size: u64,
    /// The numeric key it sits under (iQiyi's definition code), if any.
    code: u64,
}

/// The best rendition among the play URLs in `urls` (the part of the urls
/// answer the provider's `play_urls_field` names); `None` when none can be
/// copied.
pub(crate) fn best(urls: &Value) -> Option<Rendition> {
    let mut found = Vec::new();
    walk(urls, 0, &mut found);
    let mut best: Option<Rendition> = None;
    for r in found {
        let better = best
            .as_ref()
            .is_none_or(|b| (r.pixels, r.size, r.code) > (b.pixels, b.size, b.code));
        if better {
            best = Some(r);
        }
    }
    best
}

fn walk(v: &Value, code: u64, out: &mut Vec<Rendition>) {
    match v {
        Value::String(s) if is_video_url(s) => out.push(Rendition {
            url: s.clone(),
            pixels: 0,
            size: 0,
            code,
        }),
        Value::Array(items) => items.iter().for_each(|i| walk(i, code, out)),
        Value::Object(m) => {
            if let Some(Value::String(url)) = m.get("url") {
                if is_video_url(url) {
                    out.push(Rendition {
                        url: url.clone(),
                        pixels: number(m.get("width")).saturating_mul(number(m.get("height"))),
                        size: number(m.get("size")),
                        code,
                    });
                }
                return;
            }
            for (k, item) in m {
                walk(item, k.parse().unwrap_or(code), out);
            }
        }
        _ => {}
    }
}

fn is_video_url(s: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(s) else {
        return false;
    };
    if !matches!(url.scheme(), "http" | "https") {
        return false;
    }
    let ext = url
        .path_segments()
        .and_then(|mut p| p.next_back())
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    !ext.is_some_and(|e| NOT_A_VIDEO.contains(&e.as_str()))
}

/// A number, or numeric text (providers send both).
fn number(v: Option<&Value>) -> u64 {
    match v {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_most_pixels_win_and_playlists_are_never_chosen() {
        let bjy = json!({
            "1": {"url": "http://h/play/1/low.mp4?token=t", "width": 640, "height": 360, "size": 9},
            "16": {"url": "http://h/play/1/high.mp4?token=t", "width": 1920, "height": 1080, "size": 9},
        });
        assert!(best(&bjy).unwrap().url.contains("high.mp4"));
        let iqiyi = json!({
            "mp4": {"1": "http://h/media/f/1.mp4?v=1", "2": "http://h/media/f/2.mp4?v=1"},
            "m3u8": {"96": "http://h/media/f/96.m3u8", "5": "http://h/media/f/5.m3u8"},
        });
        assert_eq!(best(&iqiyi).unwrap().url, "http://h/media/f/2.mp4?v=1");
        let quvideo = json!(["http://h/media/vid001/video.mp4"]);
        assert_eq!(
            best(&quvideo).unwrap().url,
            "http://h/media/vid001/video.mp4"
        );
        assert_eq!(best(&json!({"m3u8": {"1": "http://h/a.m3u8"}})), None);
        assert_eq!(best(&json!({"url": "ftp://h/a.mp4"})), None);
        assert_eq!(best(&Value::Null), None);
    }
}
