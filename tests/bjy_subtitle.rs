//! Subtitles (API 32-36) against the emulator: upload (multipart, file part
//! not signed), list, rename, default, delete.

mod common;

use std::path::{Path, PathBuf};

use reqwest::blocking::multipart::{Form, Part};
use serde_json::{json, Value};
use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{Ack, Client};
use vodkit::params::Params;
use vodkit::ErrorKind;
use vodkit_emulator::baijiayun::subtitle::subtitle_bytes;
use vodkit_emulator::Emulator;

const VTT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n你好，世界\n";
const SRT: &str = "1\n00:00:00,000 --> 00:00:01,500\nHello, world\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `yyyy-mm-dd HH:MM:SS`, China time, as the provider prints times.
fn china_time(secs: i64) -> String {
    let local = secs + 8 * 3600;
    let z = local.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 {
        yoe + era * 400 + 1
    } else {
        yoe + era * 400
    };
    let s = local.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Asserts `time` is the emulator's time at some moment within `from..=to`.
fn assert_time_between(time: &str, from: i64, to: i64) {
    assert!(
        (from..=to).any(|s| china_time(s) == time),
        "{time} is not within {from}..={to}"
    );
}

fn assert_code(result: vodkit::Result<impl std::fmt::Debug>, kind: ErrorKind, code: &str) {
    let err = result.expect_err("an error");
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.provider_code(), Some(code), "{err}");
}

#[test]
fn upload_list_rename_set_default_delete() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let video = common::transcoded_video(&emu, &client, dir.path(), "talk.mp4");
    let other = common::transcoded_video(&emu, &client, dir.path(), "other.mp4");
    let clock = emu.baijiayun().clock();

    // API 32: the first subtitle of a video; the stored bytes are the file's.
    let vtt = write(dir.path(), "zh.vtt", VTT);
    let t0 = clock.now_secs();
    let first = client
        .upload_subtitle(
            &UploadSubtitle {
                video_id: video,
                name: "中文字幕".into(),
            },
            &vtt,
        )
        .unwrap();
    let t1 = clock.now_secs();
    assert!(first.subtitle_id > 0);
    assert_eq!(first.subtitle_name, "中文字幕");
    assert!(
        first.subtitle_path.starts_with("https://"),
        "{}",
        first.subtitle_path
    );
    assert!(
        first.subtitle_path.ends_with(".vtt"),
        "{}",
        first.subtitle_path
    );
    assert_time_between(&first.create_time, t0, t1);
    assert_eq!(
        subtitle_bytes(emu.baijiayun(), first.subtitle_id).unwrap(),
        VTT.as_bytes()
    );

    // A second one (extension in capitals is fine) is not the default.
    let srt = write(dir.path(), "en.SRT", SRT);
    let second = client
        .upload_subtitle(
            &UploadSubtitle {
                video_id: video,
                name: "English".into(),
            },
            &srt,
        )
        .unwrap();
    assert_eq!(second.subtitle_id, first.subtitle_id + 1);
    assert!(
        second.subtitle_path.ends_with(".srt"),
        "{}",
        second.subtitle_path
    );
    assert_eq!(
        subtitle_bytes(emu.baijiayun(), second.subtitle_id).unwrap(),
        SRT.as_bytes()
    );
    // Another video's subtitle is its own default.
    let foreign = client
        .upload_subtitle(
            &UploadSubtitle {
                video_id: other,
                name: "Other".into(),
            },
            &vtt,
        )
        .unwrap();

    // API 33.
    let list = client
        .get_subtitle_list(&GetSubtitleList { video_id: video })
        .unwrap()
        .unwrap_or_default();
    assert_eq!(list.len(), 2);
    let (a, b) = (&list[0], &list[1]);
    assert_eq!(
        (a.subtitle_id, a.subtitle_name.as_str(), a.is_default),
        (first.subtitle_id, "中文字幕", true)
    );
    assert_eq!(
        (b.subtitle_id, b.subtitle_name.as_str(), b.is_default),
        (second.subtitle_id, "English", false)
    );
    assert_eq!(a.subtitle_path, first.subtitle_path);
    assert_eq!(b.subtitle_path, second.subtitle_path);
    assert_eq!(
        (a.create_time.as_str(), a.update_time.as_str()),
        (first.create_time.as_str(), first.create_time.as_str())
    );
    assert_eq!(b.create_time, second.create_time);
    let others = client
        .get_subtitle_list(&GetSubtitleList { video_id: other })
        .unwrap()
        .unwrap_or_default();
    assert_eq!(others.len(), 1);
    assert_eq!(
        (others[0].subtitle_id, others[0].is_default),
        (foreign.subtitle_id, true)
    );
    // On the wire, as in the document: ids and is_default are numbers.
    let raw = client
        .call_raw_json("video/getSubtitleList", &json!({ "video_id": video }))
        .unwrap();
    assert_eq!(raw[0]["subtitle_id"], json!(first.subtitle_id));
    assert_eq!(raw[0]["is_default"], json!(1));
    assert_eq!(raw[1]["is_default"], json!(0));

    // API 34: renamed; update_time moves, create_time does not.
    clock.advance_ms(5_000);
    let t2 = clock.now_secs();
    assert_eq!(
        client
            .update_subtitle(&UpdateSubtitle {
                subtitle_id: second.subtitle_id,
                name: "English (US)".into()
            })
            .unwrap(),
        Ack
    );
    let t3 = clock.now_secs();
    let b = client
        .get_subtitle_list(&GetSubtitleList { video_id: video })
        .unwrap()
        .unwrap_or_default()
        .remove(1);
    assert_eq!(b.subtitle_name, "English (US)");
    assert_eq!(b.create_time, second.create_time);
    assert_time_between(&b.update_time, t2, t3);

    // API 35: the default moves.
    assert_eq!(
        client
            .set_default_subtitle(&SetDefaultSubtitle {
                video_id: video,
                subtitle_id: second.subtitle_id
            })
            .unwrap(),
        Ack
    );
    let flags: Vec<(i64, bool)> = client
        .get_subtitle_list(&GetSubtitleList { video_id: video })
        .unwrap()
        .unwrap_or_default()
        .iter()
        .map(|s| (s.subtitle_id, s.is_default))
        .collect();
    assert_eq!(
        flags,
        vec![(first.subtitle_id, false), (second.subtitle_id, true)]
    );
    // A subtitle of another video cannot be this video's default.
    assert_code(
        client.set_default_subtitle(&SetDefaultSubtitle {
            video_id: video,
            subtitle_id: foreign.subtitle_id,
        }),
        ErrorKind::InvalidInput,
        "1001",
    );

    // API 36: deleting the default hands it to the remaining one.
    assert_eq!(
        client
            .delete_subtitle(&DeleteSubtitle {
                subtitle_id: second.subtitle_id
            })
            .unwrap(),
        Ack
    );
    assert!(subtitle_bytes(emu.baijiayun(), second.subtitle_id).is_none());
    let list = client
        .get_subtitle_list(&GetSubtitleList { video_id: video })
        .unwrap()
        .unwrap_or_default();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].subtitle_id, list[0].is_default),
        (first.subtitle_id, true)
    );
    assert_eq!(
        client
            .delete_subtitle(&DeleteSubtitle {
                subtitle_id: first.subtitle_id
            })
            .unwrap(),
        Ack
    );
    assert!(client
        .get_subtitle_list(&GetSubtitleList { video_id: video })
        .unwrap()
        .unwrap_or_default()
        .is_empty());
    // The other video is untouched.
    assert_eq!(
        client
            .get_subtitle_list(&GetSubtitleList { video_id: other })
            .unwrap()
            .unwrap_or_default()
            .len(),
        1
    );

    // Unknown ids.
    assert_code(
        client.delete_subtitle(&DeleteSubtitle {
            subtitle_id: first.subtitle_id,
        }),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_code(
        client.update_subtitle(&UpdateSubtitle {
            subtitle_id: first.subtitle_id,
            name: "x".into(),
        }),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_code(
        client.set_default_subtitle(&SetDefaultSubtitle {
            video_id: video,
            subtitle_id: 999_999,
        }),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_code(
        client.get_subtitle_list(&GetSubtitleList { video_id: 999_999 }),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_code(
        client.upload_subtitle(
            &UploadSubtitle {
                video_id: 999_999,
                name: "x".into(),
            },
            &vtt,
        ),
        ErrorKind::InvalidInput,
        "1001",
    );
}

#[test]
fn invalid_subtitle_input_is_rejected_before_sending() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let vtt = write(dir.path(), "ok.vtt", VTT);
    let txt = write(dir.path(), "notes.txt", VTT);
    let bare = write(dir.path(), "subtitle", VTT);
    let folder = dir.path().join("folder.vtt");
    std::fs::create_dir(&folder).unwrap();
    let before = emu.baijiayun().total_requests();
    let errors = [
        client
            .upload_subtitle(
                &UploadSubtitle {
                    video_id: 1,
                    name: "x".into(),
                },
                dir.path().join("missing.vtt"),
            )
            .map(drop),
        client
            .upload_subtitle(
                &UploadSubtitle {
                    video_id: 1,
                    name: "x".into(),
                },
                &folder,
            )
            .map(drop),
        client
            .upload_subtitle(
                &UploadSubtitle {
                    video_id: 1,
                    name: "".into(),
                },
                &vtt,
            )
            .map(drop),
        client
            .upload_subtitle(
                &UploadSubtitle {
                    video_id: 1,
                    name: "   ".into(),
                },
                &vtt,
            )
            .map(drop),
        client
            .upload_subtitle(
                &UploadSubtitle {
                    video_id: 1,
                    name: "x".into(),
                },
                &txt,
            )
            .map(drop),
        client
            .upload_subtitle(
                &UploadSubtitle {
                    video_id: 1,
                    name: "x".into(),
                },
                &bare,
            )
            .map(drop),
        client
            .update_subtitle(&UpdateSubtitle {
                subtitle_id: 1,
                name: "".into(),
            })
            .map(drop),
    ];
    for (i, result) in errors.into_iter().enumerate() {
        let err = result.expect_err(&format!("case {i}"));
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "case {i}: {err}");
        assert_eq!(err.provider_code(), None, "case {i}: {err}");
    }
    assert_eq!(emu.baijiayun().total_requests(), before, "nothing was sent");
}

/// Posts a hand-built multipart `uploadSubtitle`: `fields` as text parts,
/// `file` (name, bytes) as the `subtitle` part. Returns the envelope.
fn post_multipart(emu: &Emulator, fields: &Params, file: Option<(&str, &[u8])>) -> Value {
    let mut form = Form::new();
    for (k, v) in fields.iter() {
        form = form.text(k.to_owned(), v.to_owned());
    }
    if let Some((name, bytes)) = file {
        form = form.part(
            "subtitle",
            Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
        );
    }
    let body = common::http_client()
        .post(format!(
            "{}/openapi/video/uploadSubtitle",
            emu.provider_url("baijiayun")
        ))
        .multipart(form)
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    serde_json::from_slice(&body).unwrap()
}

fn signed_upload(client: &Client, video: i64, name: &str) -> Params {
    let mut params = Params::new();
    params.set("name", name).set("video_id", video.to_string());
    client.signed(params)
}

#[test]
fn the_file_part_is_not_signed_but_the_text_fields_are() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let video = common::transcoded_video(&emu, &client, dir.path(), "talk.mp4");

    // The signature covers name, video_id, partner_id and timestamp only.
    let signed = signed_upload(&client, video, "字幕文件");
    assert_eq!(signed.len(), 5);
    assert!(signed.get("subtitle").is_none());

    // Any file goes with the same signature.
    let answer = post_multipart(&emu, &signed, Some(("a.vtt", VTT.as_bytes())));
    assert_eq!(answer["code"], json!(0), "{answer}");
    let data = &answer["data"];
    // As in the document's example, the new id is a string.
    let first: i64 = data["subtitle_id"]
        .as_str()
        .expect("subtitle_id as a string")
        .parse()
        .unwrap();
    assert_eq!(data["subtitle_name"], json!("字幕文件"));
    assert!(data["subtitle_path"].as_str().unwrap().ends_with(".vtt"));
    assert_eq!(
        subtitle_bytes(emu.baijiayun(), first).unwrap(),
        VTT.as_bytes()
    );

    let answer = post_multipart(&emu, &signed, Some(("b.srt", SRT.as_bytes())));
    assert_eq!(answer["code"], json!(0), "{answer}");
    let second: i64 = answer["data"]["subtitle_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        subtitle_bytes(emu.baijiayun(), second).unwrap(),
        SRT.as_bytes()
    );

    // A text field changed after signing is refused.
    let mut tampered = signed.clone();
    tampered.set("name", "别的名字");
    let answer = post_multipart(&emu, &tampered, Some(("a.vtt", VTT.as_bytes())));
    assert_eq!(answer["code"], json!(1002), "{answer}");
    let mut tampered = signed.clone();
    tampered.set("video_id", (video + 1).to_string());
    let answer = post_multipart(&emu, &tampered, Some(("a.vtt", VTT.as_bytes())));
    assert_eq!(answer["code"], json!(1002), "{answer}");
    assert_eq!(
        client
            .get_subtitle_list(&GetSubtitleList { video_id: video })
            .unwrap()
            .unwrap_or_default()
            .len(),
        2
    );

    // The emulator's own checks of the file part (the client never sends these).
    for (file, what) in [
        (None, "no file"),
        (Some(("notes.txt", VTT.as_bytes())), "wrong extension"),
        (Some(("empty.vtt", &b""[..])), "empty file"),
    ] {
        let answer = post_multipart(&emu, &signed, file);
        assert_eq!(answer["code"], json!(1001), "{what}: {answer}");
    }
    let answer = post_multipart(
        &emu,
        &signed_upload(&client, video, ""),
        Some(("a.vtt", VTT.as_bytes())),
    );
    assert_eq!(answer["code"], json!(1001), "empty name: {answer}");
}
