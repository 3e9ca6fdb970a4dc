//! Video categories (API 12-16): a tree of up to five levels. A video points
//! at one category by id (`Video::category_id`, 0 for none); the tree lives
//! here.
//!
//! Locking: these functions never hold the category lock and the video lock
//! at once, so other modules may call them in any order.

use serde_json::{json, Value};

use super::request::{ApiError, Handler, Req};
use super::state::Shared;
use super::store::category::{Category, MAX_LEVEL};
use super::store::video::TRANSCODED;
use crate::common::lock::lock;

/// Whether category `id` exists.
pub fn exists(shared: &Shared, id: i64) -> bool {
    lock(&shared.category).categories.contains_key(&id)
}

/// The `category` list `getInfo` shows for a video in category `id` (0 = none):
/// `{id, level, name}` from the first level down to `id`.
pub fn categories_of(shared: &Shared, id: i64) -> Value {
    let state = lock(&shared.category);
    let list = state
        .chain(id)
        .into_iter()
        .map(|c| json!({ "id": c.id, "level": c.level, "name": c.name }))
        .collect();
    Value::Array(list)
}

/// The id at each level (`category_level1_id` … `category_level5_id`) of a
/// video in category `id`; zeros below its level and for no category.
pub fn levels_of(shared: &Shared, id: i64) -> [i64; 5] {
    let state = lock(&shared.category);
    let mut levels = [0; 5];
    for c in state.chain(id) {
        if (1..=MAX_LEVEL).contains(&c.level) {
            levels[(c.level - 1) as usize] = c.id;
        }
    }
    levels
}

/// `{"category_level1_id": …, …}` for a video in category `id`.
pub fn levels_json(shared: &Shared, id: i64) -> serde_json::Map<String, Value> {
    levels_of(shared, id)
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("category_level{}_id", i + 1), json!(v)))
        .collect()
}

/// The provider code for "this category still holds videos" (the document
/// names no code; any non-1001 code would do).
pub const CATEGORY_HAS_VIDEOS: i64 = 1004;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video/getCategoryList", get_category_list),
    ("video/getCategoryInfo", get_category_info),
    ("video/addCategory", add_category),
    ("video/deleteCategory", delete_category),
    ("video/getCategoryVideo", get_category_video),
];

fn unknown(id: i64) -> ApiError {
    ApiError::param(format!("category {id} does not exist"))
}

fn get_category_list(shared: &Shared, _req: &Req) -> Result<Value, ApiError> {
    let state = lock(&shared.category);
    let list: Vec<Value> = state.children(0).map(|c| state.tree(c)).collect();
    Ok(json!({ "list": list }))
}

fn get_category_info(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.opt_i64("category_id")?.unwrap_or(0);
    let state = lock(&shared.category);
    let children: Vec<Value> = state
        .children(id)
        .map(|c| json!({ "id": c.id, "name": c.name, "parent_id": c.parent_id, "level": c.level.to_string() }))
        .collect();
    // Category 0 is the root: its children are the first level.
    let mut node = match id {
        0 => json!({ "id": 0, "name": "", "parent_id": 0, "level": 0 }),
        _ => {
            let c = state.categories.get(&id).ok_or_else(|| unknown(id))?;
            json!({ "id": c.id, "name": c.name, "parent_id": c.parent_id, "level": c.level })
        }
    };
    // "五级分类无此参数": the last level has no `children` field at all.
    if node["level"].as_i64() != Some(MAX_LEVEL) {
        node["children"] = Value::Array(children);
    }
    Ok(node)
}

fn add_category(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let name = req.str("name")?.trim().to_owned();
    if name.is_empty() {
        return Err(ApiError::param("name is required"));
    }
    let parent_id = req.opt_i64("parent_id")?.unwrap_or(0);
    let mut state = lock(&shared.category);
    let level = match parent_id {
        0 => 1,
        p => state.categories.get(&p).ok_or_else(|| unknown(p))?.level + 1,
    };
    if level > MAX_LEVEL {
        return Err(ApiError::param(format!(
            "categories have at most {MAX_LEVEL} levels"
        )));
    }
    state.next_id += 1;
    let id = state.next_id;
    state.categories.insert(
        id,
        Category {
            id,
            name: name.clone(),
            parent_id,
            level,
        },
    );
    Ok(json!({ "id": id, "name": name, "parent_id": parent_id, "level": level }))
}

/// Deletes a category and its sub-categories, unless a video sits in any of them.
fn delete_category(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("category_id")?;
    let subtree = {
        let state = lock(&shared.category);
        if !state.categories.contains_key(&id) {
            return Err(unknown(id));
        }
        state.subtree(id)
    };
    let occupied = lock(&shared.videos)
        .values()
        .any(|v| subtree.contains(&v.category_id));
    if occupied {
        return Err(ApiError::new(
            CATEGORY_HAS_VIDEOS,
            format!("category {id} or a sub-category has videos"),
        ));
    }
    let mut state = lock(&shared.category);
    state.categories.retain(|k, _| !subtree.contains(k));
    Ok(json!({ "category_id": id }))
}

fn get_category_video(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("category_id")?;
    let (page, page_size) = req.page(20, 100)?;
    let subtree = {
        let state = lock(&shared.category);
        if !state.categories.contains_key(&id) {
            return Err(unknown(id));
        }
        state.subtree(id)
    };
    // Rows are built under the video lock, the levels after it is released.
    let now = shared.clock().now_secs();
    let mut rows: Vec<(i64, Value)> = {
        let mut videos = lock(&shared.videos);
        videos
            .values_mut()
            .filter(|v| subtree.contains(&v.category_id))
            .map(|v| {
                v.tick(now, &shared.config);
                let done = v.status == TRANSCODED;
                let row = json!({
                    "video_id": v.id,
                    "name": v.name,
                    "status": v.status,
                    "total_size": if done { v.received } else { 0 },
                    "create_time": v.create_time,
                    "preface_url": if done { v.preface_url() } else { String::new() },
                    "length": if done { v.length() } else { 0 },
                    "publish_status": v.publish_status,
                });
                (v.category_id, row)
            })
            .collect()
    };
    let total = rows.len();
    let start = ((page - 1) * page_size) as usize;
    let list: Vec<Value> = rows
        .drain(..)
        .skip(start)
        .take(page_size as usize)
        .map(|(category_id, mut row)| {
            row.as_object_mut()
                .expect("an object")
                .extend(levels_json(shared, category_id));
            row
        })
        .collect();
    // The document's example sends these three as strings.
    Ok(json!({
        "total": total.to_string(),
        "page": page.to_string(),
        "page_size": page_size.to_string(),
        "list": list,
    }))
}
