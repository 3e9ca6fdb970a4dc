//! Categories (API 12-16) and a video's category (API 17) against the emulator.

mod common;

use serde_json::json;
use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{CategoryLevels, GetCategoryVideo, GetUploadUrl};
use vodkit::ErrorKind;

fn assert_code(err: vodkit::Error, kind: ErrorKind, code: &str) {
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.provider_code(), Some(code), "{err}");
}

#[test]
fn tree_of_five_levels_add_info_list_delete() {
    let emu = common::emulator();
    let client = common::client(&emu);

    let top = client
        .add_category(&AddCategory {
            name: "教育".into(),
            parent_id: 0,
        })
        .unwrap();
    assert!(top.id > 0);
    assert_eq!(
        (top.name.as_str(), top.parent_id, top.level),
        ("教育", 0, 1)
    );
    assert!(top.children.is_empty());
    let other = client
        .add_category(&AddCategory {
            name: "娱乐".into(),
            parent_id: 0,
        })
        .unwrap();

    // A chain down to the fifth level; a sixth is refused.
    let mut chain = vec![top.clone()];
    for (level, name) in [(2, "数学"), (3, "代数"), (4, "线性代数"), (5, "矩阵")] {
        let parent = chain.last().unwrap().id;
        let c = client
            .add_category(&AddCategory {
                name: name.into(),
                parent_id: parent,
            })
            .unwrap();
        assert_eq!(
            (c.name.as_str(), c.parent_id, c.level),
            (name, parent, level)
        );
        chain.push(c);
    }
    let err = client
        .add_category(&AddCategory {
            name: "too deep".into(),
            parent_id: chain[4].id,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .add_category(&AddCategory {
            name: "orphan".into(),
            parent_id: 999_999,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");

    // The list is the tree; below the first level the emulator sends ids and
    // levels as strings, as the document's example does.
    let list = client.get_category_list(&GetCategoryList {}).unwrap();
    let ids: Vec<_> = list
        .list
        .iter()
        .map(|c| (c.id, c.name.as_str(), c.level))
        .collect();
    assert_eq!(ids, vec![(top.id, "教育", 1), (other.id, "娱乐", 1)]);
    let mut node = &list.list[0];
    for expected in &chain[1..] {
        assert_eq!(node.children.len(), 1);
        node = &node.children[0];
        assert_eq!(
            (node.id, node.name.as_str(), node.parent_id, node.level),
            (
                expected.id,
                expected.name.as_str(),
                expected.parent_id,
                expected.level
            )
        );
    }
    assert!(node.children.is_empty());
    assert_eq!(list.find(chain[3].id).unwrap().name, "线性代数");
    assert_eq!(list.list[0].walk().len(), 5);

    let info = client
        .get_category_info(&GetCategoryInfo {
            category_id: top.id,
        })
        .unwrap();
    assert_eq!(
        (info.id, info.name.as_str(), info.parent_id, info.level),
        (top.id, "教育", 0, 1)
    );
    assert_eq!(info.children.len(), 1);
    let child = &info.children[0];
    assert_eq!(
        (child.id, child.name.as_str(), child.parent_id, child.level),
        (chain[1].id, "数学", top.id, 2)
    );
    let leaf = client
        .get_category_info(&GetCategoryInfo {
            category_id: chain[4].id,
        })
        .unwrap();
    assert_eq!((leaf.level, leaf.parent_id), (5, chain[3].id));
    assert!(leaf.children.is_empty());
    let root = client
        .get_category_info(&GetCategoryInfo { category_id: 0 })
        .unwrap();
    let firsts: Vec<_> = root.children.iter().map(|c| c.id).collect();
    assert_eq!(firsts, vec![top.id, other.id]);
    let err = client
        .get_category_info(&GetCategoryInfo {
            category_id: 999_999,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");

    // Deleting the second level takes the levels below it along.
    let deleted = client
        .delete_category(&DeleteCategory {
            category_id: chain[1].id,
        })
        .unwrap();
    assert_eq!(deleted.category_id, chain[1].id);
    let list = client.get_category_list(&GetCategoryList {}).unwrap();
    assert!(list.list[0].children.is_empty());
    assert!(list.find(chain[3].id).is_none());
    let err = client
        .get_category_info(&GetCategoryInfo {
            category_id: chain[3].id,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .delete_category(&DeleteCategory {
            category_id: chain[1].id,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
}

#[test]
fn videos_of_a_category_and_its_sub_categories() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let a = common::transcoded_video(&emu, &client, dir.path(), "a.mp4");
    let b = common::transcoded_video(&emu, &client, dir.path(), "b.mp4");
    let uploading = client
        .get_upload_url(&GetUploadUrl {
            file_name: "c.mp4".into(),
            definition: "16".into(),
            ..Default::default()
        })
        .unwrap()
        .video_id;

    let top = client
        .add_category(&AddCategory {
            name: "课程".into(),
            parent_id: 0,
        })
        .unwrap()
        .id;
    let sub = client
        .add_category(&AddCategory {
            name: "第一章".into(),
            parent_id: top,
        })
        .unwrap()
        .id;
    let empty = client
        .add_category(&AddCategory {
            name: "空".into(),
            parent_id: 0,
        })
        .unwrap()
        .id;

    let set = client
        .set_video_category(&SetVideoCategory {
            video_id: a,
            category_id: top,
        })
        .unwrap();
    assert_eq!(set.video_id, a);
    assert_eq!(
        set.category,
        CategoryLevels {
            category_level1_id: top,
            ..Default::default()
        }
    );
    let set = client
        .set_video_category(&SetVideoCategory {
            video_id: b,
            category_id: sub,
        })
        .unwrap();
    assert_eq!(set.video_id, b);
    assert_eq!(set.category.ids(), [top, sub, 0, 0, 0]);
    assert_eq!(set.category.category_id(), sub);
    client
        .set_video_category(&SetVideoCategory {
            video_id: uploading,
            category_id: sub,
        })
        .unwrap();
    let err = client
        .set_video_category(&SetVideoCategory {
            video_id: a,
            category_id: 999_999,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .set_video_category(&SetVideoCategory {
            video_id: 999_999,
            category_id: top,
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");

    // getInfo shows the path from the first level down.
    let info = client.get_info(&GetInfo { video_id: b }).unwrap();
    let path: Vec<_> = info
        .category
        .iter()
        .map(|c| (c.id, c.level, c.name.as_str()))
        .collect();
    assert_eq!(path, vec![(top, 1, "课程"), (sub, 2, "第一章")]);
    let info = client.get_info(&GetInfo { video_id: a }).unwrap();
    let path: Vec<_> = info
        .category
        .iter()
        .map(|c| (c.id, c.level, c.name.as_str()))
        .collect();
    assert_eq!(path, vec![(top, 1, "课程")]);

    // The first level holds its own videos and those of its sub-categories.
    let page = client
        .get_category_video(&GetCategoryVideo {
            category_id: top,
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.total, page.page, page.page_size), (3, 1, 20));
    let ids: Vec<_> = page.list.iter().map(|v| v.video_id).collect();
    assert_eq!(ids, vec![a, b, uploading]);
    let first = &page.list[0];
    let stored = emu.baijiayun().video(a).unwrap();
    assert_eq!(
        (first.name.as_str(), first.status, first.total_size),
        ("a.mp4", 100, 64 * 1024)
    );
    assert_eq!((first.length, first.publish_status), (1, 1));
    assert!(first.preface_url.starts_with("https://"));
    assert!(first.create_time.parse::<i64>().unwrap() > 1_600_000_000);
    assert_eq!(first.category.ids(), [top, 0, 0, 0, 0]);
    assert_eq!(page.list[1].category.ids(), [top, sub, 0, 0, 0]);
    let pending = &page.list[2];
    assert_eq!(
        (
            pending.status,
            pending.total_size,
            pending.length,
            pending.preface_url.as_str()
        ),
        (10, 0, 0, "")
    );
    assert_eq!(stored.status, 100);

    let page = client
        .get_category_video(&GetCategoryVideo {
            category_id: top,
            page: Some(2),
            page_size: Some(2),
        })
        .unwrap();
    assert_eq!((page.total, page.page, page.page_size), (3, 2, 2));
    assert_eq!(
        page.list.iter().map(|v| v.video_id).collect::<Vec<_>>(),
        vec![uploading]
    );
    let page = client
        .get_category_video(&GetCategoryVideo {
            category_id: sub,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        page.list.iter().map(|v| v.video_id).collect::<Vec<_>>(),
        vec![b, uploading]
    );
    let page = client
        .get_category_video(&GetCategoryVideo {
            category_id: empty,
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.total, page.list.len()), (0, 0));
    let err = client
        .get_category_video(&GetCategoryVideo {
            category_id: 999_999,
            ..Default::default()
        })
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");

    // A category holding videos (itself or below) is not deleted.
    let err = client
        .delete_category(&DeleteCategory { category_id: top })
        .unwrap_err();
    assert_code(err, ErrorKind::Provider, "1004");
    let err = client
        .delete_category(&DeleteCategory { category_id: sub })
        .unwrap_err();
    assert_code(err, ErrorKind::Provider, "1004");
    assert!(client
        .get_category_list(&GetCategoryList {})
        .unwrap()
        .find(sub)
        .is_some());

    // Once the videos have left, it is.
    let cleared = client
        .set_video_category(&SetVideoCategory {
            video_id: a,
            category_id: 0,
        })
        .unwrap();
    assert_eq!(cleared.category.ids(), [0; 5]);
    assert!(client
        .get_info(&GetInfo { video_id: a })
        .unwrap()
        .category
        .is_empty());
    client.delete(&Delete { video_id: b }).unwrap();
    client
        .delete(&Delete {
            video_id: uploading,
        })
        .unwrap();
    assert_eq!(
        client
            .delete_category(&DeleteCategory { category_id: top })
            .unwrap()
            .category_id,
        top
    );
    let left: Vec<_> = client
        .get_category_list(&GetCategoryList {})
        .unwrap()
        .list
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(left, vec![empty]);
}

#[test]
fn invalid_input_is_refused_before_any_request() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let before = emu.baijiayun().total_requests();
    let errors = [
        client
            .add_category(&AddCategory {
                name: "  ".into(),
                parent_id: 0,
            })
            .unwrap_err(),
        client
            .add_category(&AddCategory {
                name: "x".into(),
                parent_id: -1,
            })
            .unwrap_err(),
        client
            .get_category_info(&GetCategoryInfo { category_id: -1 })
            .unwrap_err(),
        client
            .delete_category(&DeleteCategory { category_id: 0 })
            .unwrap_err(),
        client
            .set_video_category(&SetVideoCategory {
                video_id: 1,
                category_id: -1,
            })
            .unwrap_err(),
        client
            .get_category_video(&GetCategoryVideo {
                category_id: 0,
                ..Default::default()
            })
            .unwrap_err(),
        client
            .get_category_video(&GetCategoryVideo {
                category_id: 1,
                page: Some(0),
                page_size: None,
            })
            .unwrap_err(),
        client
            .get_category_video(&GetCategoryVideo {
                category_id: 1,
                page: None,
                page_size: Some(101),
            })
            .unwrap_err(),
    ];
    for err in errors {
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert_eq!(err.provider_code(), None);
    }
    assert_eq!(emu.baijiayun().total_requests(), before);
}

#[test]
fn the_emulator_checks_parameters_like_the_provider() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let top = client
        .add_category(&AddCategory {
            name: "t".into(),
            parent_id: 0,
        })
        .unwrap()
        .id;
    let cases = [
        ("video/addCategory", json!({ "parent_id": 0 })),
        (
            "video/addCategory",
            json!({ "name": "x", "parent_id": "abc" }),
        ),
        ("video/deleteCategory", json!({})),
        ("video/getCategoryVideo", json!({})),
        (
            "video/getCategoryVideo",
            json!({ "category_id": top, "page_size": 101 }),
        ),
        (
            "video/getCategoryVideo",
            json!({ "category_id": top, "page": 0 }),
        ),
        ("video/setVideoCategory", json!({ "video_id": 1 })),
    ];
    for (op, params) in cases {
        let err = client.call_raw_json(op, &params).unwrap_err();
        assert_code(err, ErrorKind::InvalidInput, "1001");
    }
    // The raw answer keeps the document's quirks: paging numbers as strings.
    let raw = client
        .call_raw_json(
            "video/getCategoryVideo",
            &json!({ "category_id": top, "page_size": 100 }),
        )
        .unwrap();
    assert_eq!(raw["total"], json!("0"));
    assert_eq!(raw["page"], json!("1"));
    assert_eq!(raw["page_size"], json!("100"));
    let sub = client
        .add_category(&AddCategory {
            name: "s".into(),
            parent_id: top,
        })
        .unwrap()
        .id;
    let raw = client
        .call_raw_json("video/getCategoryList", &json!({}))
        .unwrap();
    assert_eq!(raw["list"][0]["id"], json!(top));
    assert_eq!(raw["list"][0]["children"][0]["id"], json!(sub.to_string()));
    assert_eq!(raw["list"][0]["children"][0]["level"], json!("2"));
}
