//! API 41-58 (document 003) against the emulator: notices, questions and
//! answer records, categories of many videos, documents, markers, viewer
//! tokens, user groups, viewers, and the provisional-path override.

mod common;

use serde_json::{json, Value};
use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{
    Client, GetUploadUrl, GetViewerToken, Marker, NoticeItem, Question, QuestionInput,
    QuestionOptionInput,
};
use vodkit::{Error, ErrorKind};
use vodkit_emulator::Emulator;

/// A new video (status "uploading" is enough: these APIs only need it to exist).
fn new_video(client: &Client, name: &str) -> i64 {
    let request = GetUploadUrl {
        file_name: name.into(),
        definition: "16".into(),
        ..Default::default()
    };
    client.get_upload_url(&request).unwrap().video_id
}

/// A video id the emulator does not know.
const NO_VIDEO: i64 = 987_654_321;

fn assert_code(err: &Error, kind: ErrorKind, code: &str) {
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.provider_code(), Some(code), "{err}");
}

/// Runs `f` and checks it failed with invalid input without sending anything.
fn rejected_locally<T: std::fmt::Debug>(emu: &Emulator, f: impl FnOnce() -> vodkit::Result<T>) {
    let before = emu.baijiayun().total_requests();
    let err = f().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert_eq!(err.provider_code(), None, "{err}");
    assert_eq!(
        emu.baijiayun().total_requests(),
        before,
        "a request was sent"
    );
}

fn option(value: &str, is_right: bool) -> QuestionOptionInput {
    QuestionOptionInput {
        id: None,
        value: value.into(),
        is_right,
    }
}

fn question(
    title: &str,
    option_type: i64,
    skip: bool,
    show_time: i64,
    options: Vec<QuestionOptionInput>,
) -> QuestionInput {
    QuestionInput {
        id: None,
        title: title.into(),
        option_type,
        illustration: "https://img.example.com/q.png".into(),
        illustration_title: "q.png".into(),
        show_analysis: true,
        answer: "回答正确".into(),
        wrong_answer: "回答错误，再想想".into(),
        wrong_time: -1,
        skip,
        show_time,
        video_unique: String::new(),
        option_list: options,
    }
}

#[test]
fn notices_are_created_and_bound_to_videos() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let (a, b) = (new_video(&client, "a.mp4"), new_video(&client, "b.mp4"));

    let lines = vec![
        NoticeItem::new("欢迎观看", "http://www.baidu.com"),
        NoticeItem::new("课程公告", "http://www.bjcloud.com"),
    ];
    let notice = client
        .create_notice(&CreateNotice {
            notice: lines.to_vec(),
        })
        .unwrap();
    assert_eq!(notice.id, 87826);
    assert_eq!(notice.notice, lines);
    assert_eq!(
        client
            .create_notice(&CreateNotice {
                notice: lines[..1].to_vec()
            })
            .unwrap()
            .id,
        87827
    );

    client
        .bind_notice(&BindNotice {
            video_ids: id_list(&[a, b]),
            notice_id: notice.id,
        })
        .unwrap();
    let bound = emu
        .baijiayun()
        .interactive
        .lock()
        .unwrap()
        .notice_of_video
        .clone();
    assert_eq!(bound.get(&a), Some(&87826));
    assert_eq!(bound.get(&b), Some(&87826));

    assert_code(
        &client
            .bind_notice(&BindNotice {
                video_ids: id_list(&[a]),
                notice_id: 1,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_code(
        &client
            .bind_notice(&BindNotice {
                video_ids: id_list(&[a, NO_VIDEO]),
                notice_id: notice.id,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    let raw = client
        .call_raw_json("video/createNotice", &json!({ "notice": "not json" }))
        .unwrap_err();
    assert_code(&raw, ErrorKind::InvalidInput, "1001");
    let raw = client
        .call_raw_json("video/createNotice", &json!({ "notice": "[]" }))
        .unwrap_err();
    assert_code(&raw, ErrorKind::InvalidInput, "1001");

    rejected_locally(&emu, || {
        client.create_notice(&CreateNotice {
            notice: [].to_vec(),
        })
    });
    rejected_locally(&emu, || {
        client.create_notice(&CreateNotice {
            notice: vec![NoticeItem::new(" ", "http://x")],
        })
    });
    rejected_locally(&emu, || {
        client.bind_notice(&BindNotice {
            video_ids: id_list(&[]),
            notice_id: notice.id,
        })
    });
}

#[test]
fn questions_are_saved_listed_updated_and_deleted() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "quiz.mp4");

    let empty = client
        .get_question_list(&GetQuestionList {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!((empty.total, empty.question_list.len()), (0, 0));

    let first = question(
        "test1",
        2,
        true,
        1,
        vec![
            option("选项1", false),
            option("选项2", true),
            option("选项3", true),
        ],
    );
    let second = question(
        "问题2",
        1,
        false,
        3,
        vec![option("选项1", true), option("选项2", false)],
    );
    client
        .save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: vec![first, second],
        })
        .unwrap();

    let list = client
        .get_question_list(&GetQuestionList {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(list.total, 2);
    let q = &list.question_list[0];
    assert_eq!(
        (q.id, q.title.as_str(), q.option_type, q.ver),
        (89, "test1", 2, 1)
    );
    assert_eq!(
        (q.illustration.as_str(), q.illustration_title.as_str()),
        ("https://img.example.com/q.png", "q.png")
    );
    assert_eq!(
        (q.answer.as_str(), q.wrong_answer.as_str()),
        ("回答正确", "回答错误，再想想")
    );
    assert_eq!(
        (q.show_analysis, q.skip, q.wrong_time, q.show_time),
        (true, true, -1, 1)
    );
    assert_eq!(q.video_unique, video.to_string());
    let opts: Vec<_> = q
        .option_list
        .iter()
        .map(|o| {
            (
                o.id,
                o.question_id,
                o.value.as_str(),
                o.is_right,
                o.display_order,
                o.ver,
            )
        })
        .collect();
    assert_eq!(
        opts,
        vec![
            (307, 89, "选项1", false, 0, 1),
            (308, 89, "选项2", true, 1, 1),
            (309, 89, "选项3", true, 2, 1)
        ]
    );
    let q2 = &list.question_list[1];
    assert_eq!(
        (
            q2.id,
            q2.title.as_str(),
            q2.option_type,
            q2.skip,
            q2.show_time
        ),
        (90, "问题2", 1, false, 3)
    );
    assert_eq!(
        q2.option_list.iter().map(|o| o.id).collect::<Vec<_>>(),
        vec![310, 311]
    );

    // Like the document's example, every number comes as a string.
    let raw = client
        .call_raw_json(
            "video/getQuestionList",
            &json!({ "video_unique": video.to_string() }),
        )
        .unwrap();
    let q_raw = &raw["question_list"][0];
    for key in [
        "id",
        "option_type",
        "show_analysis",
        "wrong_time",
        "skip",
        "show_time",
        "ver",
    ] {
        assert!(q_raw[key].is_string(), "{key} is {}", q_raw[key]);
    }
    for key in ["id", "question_id", "is_right", "display_order", "ver"] {
        assert!(q_raw["option_list"][0][key].is_string(), "option {key}");
    }

    // Update: listed question back as input, one option edited, one added.
    let mut edited = QuestionInput::from(q);
    edited.title = "test1 (改)".into();
    edited.option_list[0].value = "选项1改".into();
    edited.option_list.push(option("选项4", false));
    client
        .save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: [edited].to_vec(),
        })
        .unwrap();
    let q = &client
        .get_question_list(&GetQuestionList {
            video_unique: video.to_string(),
        })
        .unwrap()
        .question_list[0];
    assert_eq!((q.id, q.title.as_str(), q.ver), (89, "test1 (改)", 2));
    let opts: Vec<_> = q
        .option_list
        .iter()
        .map(|o| (o.id, o.value.as_str(), o.ver))
        .collect();
    assert_eq!(
        opts,
        vec![
            (307, "选项1改", 2),
            (308, "选项2", 2),
            (309, "选项3", 2),
            (312, "选项4", 2)
        ]
    );

    client
        .delete_questions(&DeleteQuestions {
            video_unique: video.to_string(),
            question_ids: id_list(&[90]),
        })
        .unwrap();
    let list = client
        .get_question_list(&GetQuestionList {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(list.total, 1);
    assert_eq!(list.question_list[0].id, 89);

    // Errors from the emulator.
    assert_code(
        &client
            .delete_questions(&DeleteQuestions {
                video_unique: video.to_string(),
                question_ids: id_list(&[90]),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    let unknown = QuestionInput {
        id: Some(4242),
        ..question("x", 1, false, 0, vec![option("a", true)])
    };
    assert_code(
        &client
            .save_question_list(&SaveQuestionList {
                video_unique: video.to_string(),
                question_list: [unknown].to_vec(),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    let bad_type = json!([{ "title": "t", "option_type": "3", "option_list": [{ "value": "a", "is_right": "1" }] }]);
    let raw = json!({ "video_unique": video.to_string(), "question_list": bad_type.to_string() });
    assert_code(
        &client
            .call_raw_json("video/saveQuestionList", &raw)
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    // Nothing of a rejected save is kept.
    assert_eq!(
        client
            .get_question_list(&GetQuestionList {
                video_unique: video.to_string()
            })
            .unwrap()
            .total,
        1
    );

    // Certainly invalid input never leaves the SDK.
    rejected_locally(&emu, || {
        client.save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: [].to_vec(),
        })
    });
    rejected_locally(&emu, || {
        client.save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: vec![question(" ", 1, false, 0, vec![option("a", true)])],
        })
    });
    rejected_locally(&emu, || {
        client.save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: vec![question("t", 1, false, 0, vec![])],
        })
    });
    rejected_locally(&emu, || {
        client.save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: vec![question("t", 1, false, 0, vec![option("", true)])],
        })
    });
    rejected_locally(&emu, || {
        client.delete_questions(&DeleteQuestions {
            video_unique: video.to_string(),
            question_ids: id_list(&[]),
        })
    });
}

/// Checks one answer record against the questions, following the emulator's
/// documented rule (skip when `(user + question) % 4 == 0` and skippable,
/// otherwise pick option `(user + question) % options`).
fn check_record(
    record: &vodkit::baijiayun::AnswerRecord,
    user: i64,
    name: &str,
    questions: &[Question],
) {
    assert_eq!(
        (record.user_number.as_str(), record.user_name.as_str()),
        (user.to_string().as_str(), name)
    );
    let mut expected_right = 0;
    let mut expected_answers = Vec::new();
    for q in questions {
        let seed = user + q.id;
        if q.skip && seed % 4 == 0 {
            continue;
        }
        let pick = (seed % q.option_list.len() as i64) as usize;
        let rights: Vec<usize> = q
            .option_list
            .iter()
            .enumerate()
            .filter(|(_, o)| o.is_right)
            .map(|(i, _)| i)
            .collect();
        let right = rights == [pick];
        expected_right += i64::from(right);
        expected_answers.push((
            q.id,
            char::from(b'A' + pick as u8).to_string(),
            right,
            q.ver,
        ));
    }
    let answers: Vec<_> = record
        .answer_list
        .iter()
        .map(|a| (a.question_id, a.solution.clone(), a.is_right, a.ver))
        .collect();
    assert_eq!(answers, expected_answers);
    assert_eq!(
        record.skip_count,
        (questions.len() - expected_answers.len()) as i64
    );
    assert_eq!(
        record.right_of_total(),
        Some((expected_right, questions.len() as i64))
    );
    assert_eq!(
        record.right_count,
        format!("{expected_right}/{}", questions.len())
    );
    for a in &record.answer_list {
        assert_eq!(a.update_time.len(), 19, "{}", a.update_time);
        assert_eq!(&a.update_time[4..5], "-");
        assert_eq!(&a.update_time[13..14], ":");
    }
    let last = record
        .answer_list
        .iter()
        .map(|a| a.update_time.clone())
        .max()
        .unwrap_or_default();
    assert_eq!(record.complete_time, last);
}

#[test]
fn answer_records_follow_questions_and_viewers() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "quiz.mp4");

    assert!(client
        .get_answer_records(&GetAnswerRecords {
            video_unique: video.to_string()
        })
        .unwrap()
        .list
        .is_empty());
    client
        .add_viewers(&AddViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305467, 305199, 306231, 306500]),
        })
        .unwrap();
    let before = client
        .get_answer_records(&GetAnswerRecords {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(before.list.len(), 4);
    for r in &before.list {
        assert_eq!(
            (
                r.right_count.as_str(),
                r.skip_count,
                r.complete_time.as_str()
            ),
            ("0/0", 0, "")
        );
        assert!(r.answer_list.is_empty());
    }

    let questions = [
        question(
            "q1",
            1,
            true,
            5,
            vec![option("a", false), option("b", false), option("c", true)],
        ),
        question(
            "q2",
            1,
            false,
            9,
            vec![option("a", false), option("b", true)],
        ),
        question(
            "q3",
            2,
            true,
            20,
            vec![option("a", false), option("b", false), option("c", true)],
        ),
        question(
            "q4",
            1,
            false,
            30,
            vec![
                option("a", false),
                option("b", true),
                option("c", false),
                option("d", false),
            ],
        ),
    ];
    client
        .save_question_list(&SaveQuestionList {
            video_unique: video.to_string(),
            question_list: questions.to_vec(),
        })
        .unwrap();
    let saved = client
        .get_question_list(&GetQuestionList {
            video_unique: video.to_string(),
        })
        .unwrap()
        .question_list;

    let records = client
        .get_answer_records(&GetAnswerRecords {
            video_unique: video.to_string(),
        })
        .unwrap();
    let users = [
        (305467, "学员1"),
        (305199, "学员2"),
        (306231, "学员3"),
        (306500, "学员4"),
    ];
    assert_eq!(records.list.len(), users.len());
    for (record, (user, name)) in records.list.iter().zip(users) {
        check_record(record, user, name, &saved);
    }
    // The set-up covers every case: right and wrong answers, skipped and
    // answered skippable questions.
    let answers: Vec<_> = records.list.iter().flat_map(|r| &r.answer_list).collect();
    assert!(answers.iter().any(|a| a.is_right) && answers.iter().any(|a| !a.is_right));
    assert!(records.list.iter().any(|r| r.skip_count > 0));
    assert!(answers.iter().any(|a| a.question_id == saved[0].id));
    // Deterministic: the same state gives the same records.
    let again = client
        .get_answer_records(&GetAnswerRecords {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(
        serde_json::to_value(&again).unwrap(),
        serde_json::to_value(&records).unwrap()
    );

    client
        .remove_viewers(&RemoveViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305199]),
        })
        .unwrap();
    let after = client
        .get_answer_records(&GetAnswerRecords {
            video_unique: video.to_string(),
        })
        .unwrap();
    let numbers: Vec<_> = after.list.iter().map(|r| r.user_number.as_str()).collect();
    assert_eq!(numbers, vec!["305467", "306231", "306500"]);

    assert_code(
        &client
            .get_answer_records(&GetAnswerRecords {
                video_unique: NO_VIDEO.to_string(),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
}

#[test]
fn categories_of_many_videos() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let (a, b, c) = (
        new_video(&client, "a.mp4"),
        new_video(&client, "b.mp4"),
        new_video(&client, "c.mp4"),
    );
    // The category tree belongs to another module; a category it has no chain
    // for is reported as level 1.
    emu.baijiayun()
        .videos
        .lock()
        .unwrap()
        .get_mut(&b)
        .unwrap()
        .category_id = 71471;

    let all = client
        .get_videos_category(&GetVideosCategory {
            video_ids: id_list(&[a, b, NO_VIDEO, c]),
            category_id: None,
        })
        .unwrap();
    let rows: Vec<_> = all
        .list
        .iter()
        .map(|e| (e.video_id, e.levels.ids()))
        .collect();
    assert_eq!(
        rows,
        vec![(a, [0; 5]), (b, [71471, 0, 0, 0, 0]), (c, [0; 5])]
    );
    assert_eq!(all.list[1].levels.category_id(), 71471);

    let filtered = client
        .get_videos_category(&GetVideosCategory {
            video_ids: id_list(&[a, b, c]),
            category_id: Some(71471),
        })
        .unwrap();
    assert_eq!(
        filtered.list.iter().map(|e| e.video_id).collect::<Vec<_>>(),
        vec![b]
    );
    assert!(client
        .get_videos_category(&GetVideosCategory {
            video_ids: id_list(&[a, b]),
            category_id: Some(5)
        })
        .unwrap()
        .list
        .is_empty());

    let raw = client
        .call_raw_json("video/getVideosCategory", &json!({ "video_ids": "a,b" }))
        .unwrap_err();
    assert_code(&raw, ErrorKind::InvalidInput, "1001");
    rejected_locally(&emu, || {
        client.get_videos_category(&GetVideosCategory {
            video_ids: id_list(&[]),
            category_id: None,
        })
    });
}

#[test]
fn documents_are_attached_and_checked() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "talk.mp4");
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("notes.txt");
    std::fs::write(&txt, "第一章 讲义\n").unwrap();
    let pdf = common::random_file(dir.path(), "SLIDES.PDF", 70_000);

    client
        .upload_document(
            &UploadDocument {
                video_unique: video.to_string(),
            },
            &txt,
        )
        .unwrap();
    client
        .upload_document(
            &UploadDocument {
                video_unique: video.to_string(),
            },
            &pdf,
        )
        .unwrap();
    let docs = emu
        .baijiayun()
        .interactive
        .lock()
        .unwrap()
        .documents
        .get(&video)
        .cloned()
        .unwrap();
    let got: Vec<_> = docs
        .iter()
        .map(|d| (d.file_name.as_str(), d.size, d.md5.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("notes.txt", "第一章 讲义\n".len(), common::md5_file(&txt)),
            ("SLIDES.PDF", 70_000, common::md5_file(&pdf)),
        ]
    );
    // The file part is not signed, yet the request was accepted: only fields are.
    assert_eq!(
        emu.baijiayun()
            .request_count("/openapi/video/uploadDocument"),
        2
    );

    assert_code(
        &client
            .upload_document(
                &UploadDocument {
                    video_unique: NO_VIDEO.to_string(),
                },
                &txt,
            )
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    // Without the file part the emulator answers 1001.
    let raw = client
        .call_raw_json(
            "video/uploadDocument",
            &json!({ "video_unique": video.to_string() }),
        )
        .unwrap_err();
    assert_code(&raw, ErrorKind::InvalidInput, "1001");
    // A type the provider does not take, sent past the SDK's check: code 1.
    let signed = client.signed([("video_unique", video.to_string())].into_iter().collect());
    let mut form = reqwest::blocking::multipart::Form::new();
    for (k, v) in signed.iter() {
        form = form.text(k.to_owned(), v.to_owned());
    }
    let form = form.part(
        "file",
        reqwest::blocking::multipart::Part::bytes(b"x".to_vec()).file_name("a.docx"),
    );
    let url = format!(
        "{}/openapi/video/uploadDocument",
        emu.provider_url("baijiayun")
    );
    let body = common::http_client()
        .post(url)
        .multipart(form)
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    let answer: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer["code"], 1);

    let docx = dir.path().join("a.docx");
    std::fs::write(&docx, "x").unwrap();
    rejected_locally(&emu, || {
        client.upload_document(
            &UploadDocument {
                video_unique: video.to_string(),
            },
            &docx,
        )
    });
    rejected_locally(&emu, || {
        client.upload_document(
            &UploadDocument {
                video_unique: video.to_string(),
            },
            dir.path().join("missing.txt"),
        )
    });
    rejected_locally(&emu, || {
        client.upload_document(
            &UploadDocument {
                video_unique: video.to_string(),
            },
            dir.path(),
        )
    });
    let no_ext = dir.path().join("README");
    std::fs::write(&no_ext, "x").unwrap();
    rejected_locally(&emu, || {
        client.upload_document(
            &UploadDocument {
                video_unique: video.to_string(),
            },
            &no_ext,
        )
    });
    assert_eq!(
        emu.baijiayun().interactive.lock().unwrap().documents[&video].len(),
        2
    );
}

#[test]
fn markers_and_jump() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "talk.mp4");

    let empty = client
        .get_markers(&GetMarkers {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(
        (empty.total, empty.list.len(), empty.enable_jump),
        (0, 0, false)
    );

    let markers = vec![
        Marker {
            reference_link: "https://dev.baijiayun.com/doc".into(),
            btntxt: "查看".into(),
            image: "https://live-cdn.baijiayun.com/logo-blue.png".into(),
            ..Marker::at(32, "开场")
        },
        Marker::at(3723, "总结"),
    ];
    client
        .set_markers(&SetMarkers {
            video_unique: video.to_string(),
            content: markers.to_vec(),
        })
        .unwrap();
    let got = client
        .get_markers(&GetMarkers {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(got.total, 2);
    assert_eq!(got.list, markers);
    assert_eq!(got.list[0].time_offset, "00:00:32");
    assert_eq!(got.list[1].offset_secs(), Some(3723));
    assert!(!got.enable_jump);

    client
        .set_marker_jump(&SetMarkerJump {
            video_unique: video.to_string(),
            jump: u8::from(true),
        })
        .unwrap();
    assert!(
        client
            .get_markers(&GetMarkers {
                video_unique: video.to_string()
            })
            .unwrap()
            .enable_jump
    );
    client
        .set_marker_jump(&SetMarkerJump {
            video_unique: video.to_string(),
            jump: u8::from(false),
        })
        .unwrap();
    assert!(
        !client
            .get_markers(&GetMarkers {
                video_unique: video.to_string()
            })
            .unwrap()
            .enable_jump
    );

    // Malformed content: 1001, and the markers stay as they were.
    for content in [
        "not json",
        r#"[{"time_offset":"0:32","description":"x"}]"#,
        r#"{"time_offset":"00:00:01"}"#,
    ] {
        let raw = json!({ "video_unique": video.to_string(), "content": content });
        assert_code(
            &client.call_raw_json("video/setMarker", &raw).unwrap_err(),
            ErrorKind::InvalidInput,
            "1001",
        );
    }
    assert_eq!(
        client
            .get_markers(&GetMarkers {
                video_unique: video.to_string()
            })
            .unwrap()
            .list,
        markers
    );
    let raw = json!({ "video_unique": video.to_string(), "jump": 2 });
    let err = client
        .call_raw_json("video/setMarkerJump", &raw)
        .unwrap_err();
    assert_code(&err, ErrorKind::InvalidInput, "1001");
    assert!(err.message().contains("jump"), "{err}");

    // An empty list clears them.
    client
        .set_markers(&SetMarkers {
            video_unique: video.to_string(),
            content: [].to_vec(),
        })
        .unwrap();
    assert_eq!(
        client
            .get_markers(&GetMarkers {
                video_unique: video.to_string()
            })
            .unwrap()
            .total,
        0
    );

    rejected_locally(&emu, || {
        client.set_markers(&SetMarkers {
            video_unique: video.to_string(),
            content: vec![Marker {
                description: "no time".into(),
                ..Marker::default()
            }],
        })
    });
}

/// Decodes base64url without padding (enough to read a JWT payload).
fn b64url_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).unwrap() as u32)
        .collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, v)| acc | (v << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn viewer_token_is_a_jwt_for_the_viewer() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let request = GetViewerToken {
        user_number: 10087,
        name: Some("iOS Demo学员".into()),
        avatar: Some("https://img.example.com/a.png".into()),
    };
    let token = client.get_viewer_token(&request).unwrap();
    let parts: Vec<&str> = token.token.split('.').collect();
    assert_eq!(parts.len(), 3, "{}", token.token);
    assert_eq!(parts[0], "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9");
    let payload: Value = serde_json::from_slice(&b64url_decode(parts[1])).unwrap();
    assert_eq!(payload["user_number"], 10087);
    assert_eq!(payload["name"], "iOS Demo学员");
    assert_eq!(payload["avatar"], "https://img.example.com/a.png");
    assert!(!parts[2].is_empty());
    assert!(!format!("{token:?}").contains(&token.token));
    assert!(format!("{token:?}").contains("<redacted>"));

    let minimal = client
        .get_viewer_token(&GetViewerToken {
            user_number: 5,
            ..Default::default()
        })
        .unwrap();
    let payload: Value =
        serde_json::from_slice(&b64url_decode(minimal.token.split('.').nth(1).unwrap())).unwrap();
    assert_eq!(
        (payload["user_number"].as_i64(), payload["name"].as_str()),
        (Some(5), Some(""))
    );

    let err = client
        .call_raw_json("video/getViewerToken", &json!({ "name": "x" }))
        .unwrap_err();
    assert_code(&err, ErrorKind::InvalidInput, "1001");
    assert!(err.message().contains("user_number"), "{err}");
    rejected_locally(&emu, || {
        client.get_viewer_token(&GetViewerToken {
            user_number: 0,
            ..Default::default()
        })
    });
}

#[test]
fn user_groups_of_a_video() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "class.mp4");

    let empty = client
        .get_user_groups(&GetUserGroups {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!((empty.total, empty.list.len()), (0, 0));

    client
        .add_user_group(&AddUserGroup {
            video_unique: video.to_string(),
            group_id: 132526,
        })
        .unwrap();
    client
        .add_viewers(&AddViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305467]),
        })
        .unwrap();
    client
        .add_user_group(&AddUserGroup {
            video_unique: video.to_string(),
            group_id: 132527,
        })
        .unwrap();
    let groups = client
        .get_user_groups(&GetUserGroups {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(groups.total, 2);
    let rows: Vec<_> = groups
        .list
        .iter()
        .map(|g| (g.group_id, g.name.as_str(), g.all_count, g.select_count))
        .collect();
    assert_eq!(
        rows,
        vec![(132526, "测试分组", 2, 1), (132527, "二班", 3, 0)]
    );
    // As in the document's example, the numbers come as strings.
    let raw = client
        .call_raw_json("video/getUserGroupList", &json!({ "video_unique": video }))
        .unwrap();
    assert_eq!(raw["total"], "2");
    assert_eq!(raw["list"][0]["group_id"], "132526");
    assert_eq!(raw["list"][0]["select_count"], "1");

    assert_code(
        &client
            .add_user_group(&AddUserGroup {
                video_unique: video.to_string(),
                group_id: 132526,
            })
            .unwrap_err(),
        ErrorKind::Provider,
        "1",
    );
    assert_code(
        &client
            .add_user_group(&AddUserGroup {
                video_unique: video.to_string(),
                group_id: 999,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );

    client
        .remove_user_group(&RemoveUserGroup {
            video_unique: video.to_string(),
            group_id: 132526,
        })
        .unwrap();
    let groups = client
        .get_user_groups(&GetUserGroups {
            video_unique: video.to_string(),
        })
        .unwrap();
    assert_eq!(
        groups.list.iter().map(|g| g.group_id).collect::<Vec<_>>(),
        vec![132527]
    );
    assert_code(
        &client
            .remove_user_group(&RemoveUserGroup {
                video_unique: video.to_string(),
                group_id: 132526,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_code(
        &client
            .add_user_group(&AddUserGroup {
                video_unique: NO_VIDEO.to_string(),
                group_id: 132526,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
}

#[test]
fn viewers_of_a_video() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "class.mp4");

    assert_eq!(
        client
            .get_viewers(&GetViewers {
                video_unique: video.to_string(),
                page: None,
                page_size: None
            })
            .unwrap()
            .total,
        0
    );
    client
        .add_viewers(&AddViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305467, 305199, 306231]),
        })
        .unwrap();
    // Adding someone twice changes nothing.
    client
        .add_viewers(&AddViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305199]),
        })
        .unwrap();

    let page = client
        .get_viewers(&GetViewers {
            video_unique: video.to_string(),
            page: None,
            page_size: None,
        })
        .unwrap();
    assert_eq!(page.total, 3);
    let v = &page.list[0];
    assert_eq!(
        (v.user_id, v.name.as_str(), v.assign_role, v.role, v.status),
        (305467, "学员1", 0, 0, 0)
    );
    assert_eq!(
        (
            v.email.as_str(),
            v.mobile.as_str(),
            v.phone_number.as_str(),
            v.remark.as_str()
        ),
        ("305467@baijiayun.com", "13900000006", "13900000006", "")
    );
    let ids: Vec<_> = page
        .list
        .iter()
        .map(|v| (v.user_id, v.mobile.clone()))
        .collect();
    assert_eq!(
        ids,
        vec![
            (305467, "13900000006".into()),
            (305199, "13900000005".into()),
            (306231, "13900000007".into())
        ]
    );

    let second = client
        .get_viewers(&GetViewers {
            video_unique: video.to_string(),
            page: Some(2),
            page_size: Some(2),
        })
        .unwrap();
    assert_eq!(second.total, 3);
    assert_eq!(
        second.list.iter().map(|v| v.user_id).collect::<Vec<_>>(),
        vec![306231]
    );

    // Unknown users: code 1 naming them, and nobody is added.
    let err = client
        .add_viewers(&AddViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[306500, 123054, 234]),
        })
        .unwrap_err();
    assert_code(&err, ErrorKind::Provider, "1");
    assert!(err.message().contains("123054,234"), "{err}");
    assert_eq!(
        client
            .get_viewers(&GetViewers {
                video_unique: video.to_string(),
                page: None,
                page_size: None
            })
            .unwrap()
            .total,
        3
    );

    client
        .remove_viewers(&RemoveViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305199]),
        })
        .unwrap();
    let left: Vec<_> = client
        .get_viewers(&GetViewers {
            video_unique: video.to_string(),
            page: None,
            page_size: None,
        })
        .unwrap()
        .list
        .iter()
        .map(|v| v.user_id)
        .collect();
    assert_eq!(left, vec![305467, 306231]);
    let err = client
        .remove_viewers(&RemoveViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[305199]),
        })
        .unwrap_err();
    assert_code(&err, ErrorKind::Provider, "1");
    assert!(err.message().contains("305199"), "{err}");

    let raw = json!({ "video_unique": video, "page_size": 500 });
    assert_code(
        &client
            .call_raw_json("video/getViewerList", &raw)
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    rejected_locally(&emu, || {
        client.add_viewers(&AddViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[]),
        })
    });
    rejected_locally(&emu, || {
        client.remove_viewers(&RemoveViewers {
            video_unique: video.to_string(),
            user_ids: id_list(&[]),
        })
    });
    rejected_locally(&emu, || {
        client.get_viewers(&GetViewers {
            video_unique: video.to_string(),
            page: Some(0),
            page_size: None,
        })
    });
    rejected_locally(&emu, || {
        client.get_viewers(&GetViewers {
            video_unique: video.to_string(),
            page: None,
            page_size: Some(101),
        })
    });
}

#[test]
fn every_video_operation_checks_the_video() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("d.txt");
    std::fs::write(&doc, "x").unwrap();
    let q = [question("t", 1, false, 0, vec![option("a", true)])];
    let errors = [
        client
            .get_question_list(&GetQuestionList {
                video_unique: NO_VIDEO.to_string(),
            })
            .map(|_| ()),
        client
            .save_question_list(&SaveQuestionList {
                video_unique: NO_VIDEO.to_string(),
                question_list: q.to_vec(),
            })
            .map(|_| ()),
        client
            .delete_questions(&DeleteQuestions {
                video_unique: NO_VIDEO.to_string(),
                question_ids: id_list(&[1]),
            })
            .map(|_| ()),
        client
            .upload_document(
                &UploadDocument {
                    video_unique: NO_VIDEO.to_string(),
                },
                &doc,
            )
            .map(|_| ()),
        client
            .set_markers(&SetMarkers {
                video_unique: NO_VIDEO.to_string(),
                content: [].to_vec(),
            })
            .map(|_| ()),
        client
            .get_markers(&GetMarkers {
                video_unique: NO_VIDEO.to_string(),
            })
            .map(|_| ()),
        client
            .set_marker_jump(&SetMarkerJump {
                video_unique: NO_VIDEO.to_string(),
                jump: u8::from(true),
            })
            .map(|_| ()),
        client
            .get_user_groups(&GetUserGroups {
                video_unique: NO_VIDEO.to_string(),
            })
            .map(|_| ()),
        client
            .remove_user_group(&RemoveUserGroup {
                video_unique: NO_VIDEO.to_string(),
                group_id: 132526,
            })
            .map(|_| ()),
        client
            .get_viewers(&GetViewers {
                video_unique: NO_VIDEO.to_string(),
                page: None,
                page_size: None,
            })
            .map(|_| ()),
        client
            .add_viewers(&AddViewers {
                video_unique: NO_VIDEO.to_string(),
                user_ids: id_list(&[305467]),
            })
            .map(|_| ()),
        client
            .remove_viewers(&RemoveViewers {
                video_unique: NO_VIDEO.to_string(),
                user_ids: id_list(&[305467]),
            })
            .map(|_| ()),
        client
            .get_answer_records(&GetAnswerRecords {
                video_unique: NO_VIDEO.to_string(),
            })
            .map(|_| ()),
    ];
    for (i, result) in errors.into_iter().enumerate() {
        let err = result.unwrap_err();
        assert_eq!(
            (err.kind(), err.provider_code()),
            (ErrorKind::InvalidInput, Some("1001")),
            "operation {i}: {err}"
        );
    }
    let raw = client
        .call_raw_json("video/getMarker", &json!({ "video_unique": "abc" }))
        .unwrap_err();
    assert_code(&raw, ErrorKind::InvalidInput, "1001");
}

#[test]
fn provisional_paths_can_be_overridden() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let video = new_video(&client, "talk.mp4");
    client
        .set_markers(&SetMarkers {
            video_unique: video.to_string(),
            content: vec![Marker::at(1, "a")],
        })
        .unwrap();
    assert!(
        vodkit::baijiayun::catalog::find("video/getMarker")
            .unwrap()
            .provisional
    );

    // Pointed at a path the emulator does not know: HTTP 404, provider code 404.
    let moved =
        Client::new(common::config(&emu).path_override("video/getMarker", "video/getMarkerList"))
            .unwrap();
    let err = moved
        .get_markers(&GetMarkers {
            video_unique: video.to_string(),
        })
        .unwrap_err();
    assert_eq!(err.http_status(), Some(404), "{err}");
    assert_code(&err, ErrorKind::Provider, "404");
    assert_eq!(
        emu.baijiayun()
            .request_count("/openapi/video/getMarkerList"),
        1
    );
    // Other operations keep their default path.
    assert_eq!(
        moved
            .get_user_groups(&GetUserGroups {
                video_unique: video.to_string()
            })
            .unwrap()
            .total,
        0
    );

    // And back: overridden to the path the emulator serves, it works again.
    let before = emu.baijiayun().request_count("/openapi/video/getMarker");
    let back =
        Client::new(common::config(&emu).path_override("video/getMarker", "video/getMarker"))
            .unwrap();
    assert_eq!(
        back.get_markers(&GetMarkers {
            video_unique: video.to_string()
        })
        .unwrap()
        .list,
        vec![Marker::at(1, "a")]
    );
    assert_eq!(
        emu.baijiayun().request_count("/openapi/video/getMarker"),
        before + 1
    );
    assert_eq!(
        emu.baijiayun()
            .request_count("/openapi/video/getMarkerList"),
        1
    );
}

/// Ids as the provider takes them: comma-separated text.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}
