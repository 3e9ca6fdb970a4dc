//! The parser against bodies built here, split into frames every way that
//! matters: at every position, at every pair of positions, a byte at a
//! time, and at random over random bodies whose contents are full of
//! near-delimiters.

use super::*;

/// A part as a test writes it: name, file name, content.
type Part = (String, Option<String>, Vec<u8>);

fn part(name: &str, file_name: Option<&str>, content: &[u8]) -> Part {
    (
        name.to_owned(),
        file_name.map(str::to_owned),
        content.to_vec(),
    )
}

/// A body as clients send it (`curl -F`, reqwest): each part's headers,
/// a blank line, its bytes; the closing delimiter; optional preamble and
/// epilogue.
fn body(boundary: &str, parts: &[Part], preamble: &[u8], epilogue: &[u8]) -> Vec<u8> {
    let mut out = preamble.to_vec();
    if !preamble.is_empty() {
        out.extend_from_slice(b"\r\n");
    }
    for (name, file_name, content) in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let disposition = match file_name {
            Some(f) => format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n"),
            None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n"),
        };
        out.extend_from_slice(disposition.as_bytes());
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--").as_bytes());
    out.extend_from_slice(epilogue);
    out
}

/// Runs the parser over `frames`, feeding one whenever it asks: the parts
/// (their data joined) and how many data bytes did not point into a frame
/// (were copied).
fn parse(boundary: &str, frames: &[Bytes]) -> Result<(Vec<Part>, usize), MultipartError> {
    let mut parser = Parser::new(boundary)?;
    let mut frames = frames.iter();
    let mut parts: Vec<Part> = Vec::new();
    let mut open = false;
    let mut copied = 0;
    let fed: Vec<&Bytes> = frames.clone().collect();
    let in_a_frame = |b: &Bytes| {
        let p = b.as_ptr() as usize;
        fed.iter().any(|f| {
            let s = f.as_ptr() as usize;
            p >= s && p + b.len() <= s + f.len()
        })
    };
    loop {
        match parser.step()? {
            Step::Part(head) => {
                assert!(!open, "a part started inside a part");
                open = true;
                parts.push((head.name, head.file_name, Vec::new()));
            }
            Step::Data(bytes) => {
                assert!(open, "data outside a part");
                assert!(!bytes.is_empty(), "empty data");
                if !in_a_frame(&bytes) {
                    copied += bytes.len();
                }
                parts.last_mut().unwrap().2.extend_from_slice(&bytes);
            }
            Step::PartEnd => {
                assert!(open, "a part ended twice");
                open = false;
            }
            Step::End => {
                assert!(!open, "the end inside a part");
                assert_eq!(parser.step()?, Step::End, "the end is final");
                return Ok((parts, copied));
            }
            Step::NeedMore => match frames.next() {
                Some(f) => parser.feed(f.clone()),
                None => parser.end_input(),
            },
        }
    }
}

fn split_at(body: &[u8], cuts: &[usize]) -> Vec<Bytes> {
    let mut frames = Vec::new();
    let mut from = 0;
    for &c in cuts {
        frames.push(Bytes::copy_from_slice(&body[from..c]));
        from = c;
    }
    frames.push(Bytes::copy_from_slice(&body[from..]));
    frames
}

const B: &str = "------------------------a1b2c3";

/// Contents that end, begin or are full of what a delimiter is made of.
fn tricky_parts() -> Vec<Part> {
    let near = format!("\r\n--{}", &B[..B.len() - 1]);
    vec![
        part("partner_id", None, b"42"),
        part("empty", None, b""),
        part(
            "data",
            Some("bench.mp4"),
            format!("\r\n\r\r\n-\r\n--{near}x{near}\r\n--\r\n\r\na--{B}X{near}\r").as_bytes(),
        ),
        part("crlf", None, b"\r\n"),
        part("token", None, "签名 after the file".as_bytes()),
    ]
}

#[test]
fn every_split_point() {
    let parts = tricky_parts();
    let raw = body(B, &parts, b"a preamble\r\n--not it", b"\r\nan epilogue");
    for cut in 0..=raw.len() {
        let (got, _) = parse(B, &split_at(&raw, &[cut])).unwrap();
        assert_eq!(got, parts, "split at {cut}");
    }
}

#[test]
fn every_pair_of_split_points() {
    let parts = tricky_parts();
    let raw = body(B, &parts, b"", b"\r\n");
    for a in 0..=raw.len() {
        for b in a..=raw.len() {
            let (got, _) = parse(B, &split_at(&raw, &[a, b])).unwrap();
            assert_eq!(got, parts, "split at {a} and {b}");
        }
    }
}

#[test]
fn a_byte_at_a_time() {
    let parts = tricky_parts();
    let raw = body(B, &parts, b"pre", b"post");
    let cuts: Vec<usize> = (1..raw.len()).collect();
    let (got, _) = parse(B, &split_at(&raw, &cuts)).unwrap();
    assert_eq!(got, parts);
}

/// Random bodies (random boundary, parts, contents made of delimiter
/// pieces) in random frames parse back to what was built.
#[test]
fn random_bodies_in_random_frames() {
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let bchars = b"abcXYZ0189-_'()+,./:=?";
    for round in 0..3000 {
        let boundary: String = (0..rng.usize(1..=70))
            .map(|_| bchars[rng.usize(..bchars.len())] as char)
            .collect();
        let delimiter = format!("\r\n--{boundary}");
        let pieces: Vec<Vec<u8>> = vec![
            b"\r".to_vec(),
            b"\n".to_vec(),
            b"-".to_vec(),
            b"\r\n".to_vec(),
            b"\r\n--".to_vec(),
            delimiter.as_bytes()[..delimiter.len() - 1].to_vec(),
            boundary.as_bytes().to_vec(),
            (0..rng.usize(0..50)).map(|_| rng.u8(..)).collect(),
        ];
        let parts: Vec<Part> = (0..rng.usize(0..5))
            .map(|i| {
                let mut content = Vec::new();
                for _ in 0..rng.usize(0..12) {
                    content.extend_from_slice(&pieces[rng.usize(..pieces.len())]);
                }
                // A content never holds its body's delimiter (the client
                // picks the boundary so); break any that formed by chance.
                while let Some(p) = memmem::find(&content, delimiter.as_bytes()) {
                    content[p + 2] = b'x';
                }
                let file_name = rng.bool().then(|| format!("f{i}.bin"));
                (format!("field{i}"), file_name, content)
            })
            .collect();
        let preamble: Vec<u8> = if rng.bool() {
            b"preamble \r\n-".to_vec()
        } else {
            Vec::new()
        };
        let epilogue: &[u8] = if rng.bool() { b"\r\n" } else { b"" };
        let raw = body(&boundary, &parts, &preamble, epilogue);
        let mut cuts = Vec::new();
        let mut at = 0;
        loop {
            at += match rng.u8(..4) {
                0 => 1,
                1 => rng.usize(1..=delimiter.len() + 2),
                _ => rng.usize(1..=64),
            };
            if at >= raw.len() {
                break;
            }
            cuts.push(at);
        }
        let (got, _) = parse(&boundary, &split_at(&raw, &cuts))
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(
            got, parts,
            "round {round}, boundary {boundary:?}, cuts {cuts:?}"
        );
    }
}

/// A file part's bytes are handed out as slices of the frames: only the
/// few bytes held back at a frame's end (a possible delimiter) are copied.
#[test]
fn file_bytes_are_not_copied() {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut content: Vec<u8> = (0..4 << 20).map(|_| rng.u8(..)).collect();
    // Make every frame end in a delimiter's beginning, the worst case.
    let frame = 64 * 1024;
    let near = format!("\r\n--{}", &B[..10]);
    let header_len =
        body(B, &[part("data", Some("x"), b"")], b"", b"").len() - format!("\r\n--{B}--").len();
    for end in (frame..content.len()).step_by(frame) {
        let at = end - header_len - near.len();
        content[at..at + near.len()].copy_from_slice(near.as_bytes());
    }
    let parts = vec![part("data", Some("x"), &content)];
    let raw = body(B, &parts, b"", b"\r\n");
    let cuts: Vec<usize> = (frame..raw.len()).step_by(frame).collect();
    let (got, copied) = parse(B, &split_at(&raw, &cuts)).unwrap();
    assert_eq!(got, parts);
    let delimiter = B.len() + 4;
    assert!(
        copied <= cuts.len() * delimiter,
        "{copied} bytes copied over {} frame edges",
        cuts.len()
    );
}

#[test]
fn crlf_inside_and_around_parts() {
    for content in [
        &b""[..],
        b"\r",
        b"\n",
        b"\r\n",
        b"\r\n\r\n",
        b"\r\n--",
        b"--",
    ] {
        let parts = vec![part("a", None, content), part("b", Some("f"), content)];
        let raw = body(B, &parts, b"", b"");
        for cut in 0..=raw.len() {
            let (got, _) = parse(B, &split_at(&raw, &[cut])).unwrap();
            assert_eq!(got, parts, "content {content:?}, split at {cut}");
        }
    }
}

#[test]
fn no_parts_at_all() {
    let (got, _) = parse(B, &[Bytes::from(format!("--{B}--\r\n"))]).unwrap();
    assert!(got.is_empty());
}

#[test]
fn padding_after_a_boundary_and_a_part_without_headers() {
    let raw = format!("--{B} \t\r\n\r\nno headers\r\n--{B}\r\ncontent-disposition: form-data; NAME=x\r\n\r\n1\r\n--{B}--");
    for cut in 0..=raw.len() {
        let (got, _) = parse(B, &split_at(raw.as_bytes(), &[cut])).unwrap();
        assert_eq!(
            got,
            vec![part("", None, b"no headers"), part("x", None, b"1")],
            "split at {cut}"
        );
    }
}

fn error_of(raw: &[u8]) -> String {
    let mut last = None;
    for cut in 0..=raw.len() {
        let e = parse(B, &split_at(raw, &[cut])).expect_err("malformed body accepted");
        if let Some(l) = &last {
            assert_eq!(&e.0, l, "the error depends on the split at {cut}");
        }
        last = Some(e.0);
    }
    last.unwrap()
}

#[test]
fn a_missing_closing_boundary_is_an_error() {
    let whole = body(B, &tricky_parts(), b"", b"");
    let without_close = &whole[..whole.len() - B.len() - 6];
    assert!(without_close.ends_with(b"after the file"));
    assert_eq!(
        error_of(without_close),
        "the body ended before the closing boundary"
    );
    // Cut anywhere short of the closing `--`: an error, never a short part.
    for end in 0..whole.len() - 1 {
        assert!(
            parse(B, &[Bytes::copy_from_slice(&whole[..end])]).is_err(),
            "cut at {end}"
        );
    }
    assert_eq!(
        error_of(b"no delimiter at all"),
        "the body ended before the closing boundary"
    );
}

#[test]
fn malformed_bodies_are_errors() {
    assert_eq!(
        error_of(format!("--{B}X\r\n\r\n\r\n--{B}--").as_bytes()),
        "malformed multipart boundary line"
    );
    assert_eq!(
        error_of(format!("--{B}\r\nno colon here\r\n\r\nx\r\n--{B}--").as_bytes()),
        "malformed part header \"no colon here\""
    );
    let huge = format!("--{B}\r\nX-Big: {}\r\n\r\nx\r\n--{B}--", "y".repeat(20_000));
    assert_eq!(error_of(huge.as_bytes()), "a part's headers are too large");
    assert!(Parser::new("").is_err());
    assert!(Parser::new("a\r\nb").is_err());
}

#[test]
fn disposition_parameters() {
    assert_eq!(
        params(r#"form-data; name="a;b"; filename="x \"y\".mp4""#),
        vec![
            ("name".to_owned(), "a;b".to_owned()),
            ("filename".to_owned(), "x \"y\".mp4".to_owned())
        ]
    );
    assert_eq!(
        params("form-data;name=plain ; FileName = 视频.mp4;flag"),
        vec![
            ("name".to_owned(), "plain".to_owned()),
            ("filename".to_owned(), "视频.mp4".to_owned())
        ]
    );
    assert!(params("form-data").is_empty());
}

#[test]
fn boundary_from_content_type() {
    let headers = |v: &str| {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, v.parse().unwrap());
        h
    };
    assert_eq!(
        boundary(&headers("multipart/form-data; boundary=abc")).as_deref(),
        Some("abc")
    );
    assert_eq!(
        boundary(&headers(
            "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b\""
        ))
        .as_deref(),
        Some("a b")
    );
    assert_eq!(boundary(&headers("application/json; boundary=abc")), None);
    assert_eq!(boundary(&headers("multipart/form-data")), None);
    assert_eq!(boundary(&HeaderMap::new()), None);
}
