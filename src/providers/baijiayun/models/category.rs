//! Video categories: a tree of up to five levels (API 12-16).
//!
//! A video sits in at most one category; answers that describe a video's
//! place in the tree give the id at each level ([`CategoryLevels`]).

use serde::{Deserialize, Serialize};

use super::check_page;
use crate::error::{Error, Result};
use crate::lenient;

/// The deepest level the provider supports.
pub const MAX_CATEGORY_LEVEL: i64 = 5;

/// The largest `page_size` of `get_category_video`.
pub const MAX_CATEGORY_VIDEO_PAGE_SIZE: i64 = 100;

/// Returns every video category of the account, as a tree.
/// API 12 `video/getCategoryList`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetCategoryList {}

/// One category and (where the answer includes them) its sub-categories.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryNode {
    /// The category's id.
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    /// 0 for a first-level category.
    #[serde(default, deserialize_with = "lenient::int")]
    pub parent_id: i64,
    /// 1 to 5.
    #[serde(default, deserialize_with = "lenient::int")]
    pub level: i64,
    /// Empty for leaves (the provider leaves the field out at level 5).
    #[serde(default, deserialize_with = "lenient::list")]
    pub children: Vec<CategoryNode>,
}

impl CategoryNode {
    /// This category and every one below it, depth first.
    pub fn walk(&self) -> Vec<&CategoryNode> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.walk());
        }
        out
    }
}

/// The category tree.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryList {
    /// The first-level categories, each with its sub-tree.
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<CategoryNode>,
}

impl CategoryList {
    /// Finds a category anywhere in the tree.
    pub fn find(&self, id: i64) -> Option<&CategoryNode> {
        self.list
            .iter()
            .flat_map(CategoryNode::walk)
            .find(|c| c.id == id)
    }
}

/// Returns one category and its direct sub-categories (category 0: the
/// first-level categories). API 13 `video/getCategoryInfo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetCategoryInfo {
    /// The category; 0 (the default) for the top of the tree. Not negative.
    pub category_id: i64,
}

impl crate::api::Validate for GetCategoryInfo {
    fn validate(&self) -> Result<()> {
        not_negative("category_id", self.category_id)
    }
}

/// Adds a category (at most five levels deep) and returns it.
/// API 14 `video/addCategory`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddCategory {
    /// The category's name (not empty).
    pub name: String,
    /// The parent category; 0 (the default) for a first-level category.
    pub parent_id: i64,
}

impl crate::api::Validate for AddCategory {
    fn validate(&self) -> Result<()> {
        super::check_not_blank(&self.name, "category name is empty")?;
        not_negative("parent_id", self.parent_id)
    }
}

/// Deletes a category; refused while it or one of its sub-categories holds
/// videos. API 15 `video/deleteCategory`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteCategory {
    /// The category to delete (> 0).
    pub category_id: i64,
}

impl crate::api::Validate for DeleteCategory {
    fn validate(&self) -> Result<()> {
        check_category_id(self.category_id)
    }
}

/// The deleted category.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeletedCategory {
    #[serde(default, deserialize_with = "lenient::int")]
    pub category_id: i64,
}

/// The category of a video as the id at each level (0 where there is none).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct CategoryLevels {
    #[serde(default, deserialize_with = "lenient::int")]
    pub category_level1_id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub category_level2_id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub category_level3_id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub category_level4_id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub category_level5_id: i64,
}

impl CategoryLevels {
    /// The ids from level 1 to level 5.
    pub fn ids(&self) -> [i64; 5] {
        [
            self.category_level1_id,
            self.category_level2_id,
            self.category_level3_id,
            self.category_level4_id,
            self.category_level5_id,
        ]
    }

    /// The category the video is in (its deepest level), 0 for none.
    pub fn category_id(&self) -> i64 {
        self.ids()
            .into_iter()
            .rev()
            .find(|id| *id != 0)
            .unwrap_or(0)
    }
}

/// Returns one page of the videos in a category and its sub-categories.
/// API 16 `video/getCategoryVideo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetCategoryVideo {
    /// The category (> 0).
    pub category_id: i64,
    /// Page number, from 1 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Videos per page, 1 to 100 (default 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

impl crate::api::Validate for GetCategoryVideo {
    fn validate(&self) -> Result<()> {
        check_category_id(self.category_id)?;
        check_page(self.page, self.page_size, MAX_CATEGORY_VIDEO_PAGE_SIZE)
    }
}

/// A video in a category.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryVideo {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    /// 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// Bytes (known once transcoded).
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_size: i64,
    /// Unix seconds as sent (some editions send a date string).
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
    /// The cover image's URL.
    #[serde(default, deserialize_with = "lenient::string")]
    pub preface_url: String,
    /// Seconds.
    #[serde(default, deserialize_with = "lenient::int")]
    pub length: i64,
    /// 1 published, 2 blocked.
    #[serde(default, deserialize_with = "lenient::int")]
    pub publish_status: i64,
    #[serde(flatten)]
    pub category: CategoryLevels,
}

/// One page of the videos in a category.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryVideos {
    /// Videos in all pages.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub page: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub page_size: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<CategoryVideo>,
}

fn check_category_id(category_id: i64) -> Result<()> {
    if category_id <= 0 {
        return Err(Error::invalid_input(format!(
            "category_id must be positive, not {category_id}"
        )));
    }
    Ok(())
}

/// An id where 0 means "none" or "the top": never negative.
pub(crate) fn not_negative(what: &str, id: i64) -> Result<()> {
    if id < 0 {
        return Err(Error::invalid_input(format!(
            "{what} must not be negative, not {id}"
        )));
    }
    Ok(())
}
