//! Video categories: a tree of up to five levels (API 12-16).
//!
//! A video sits in at most one category; answers that describe a video's
//! place in the tree give the id at each level ([`CategoryLevels`]).

use serde::{Deserialize, Serialize};

use super::{check_page, Client};
use crate::error::{Error, Result};
use crate::lenient;

/// The deepest level the provider supports.
pub const MAX_CATEGORY_LEVEL: i64 = 5;

/// The largest `page_size` of [`Client::get_category_video`].
pub const MAX_CATEGORY_VIDEO_PAGE_SIZE: i64 = 100;

/// API 12 `video/getCategoryList`: the whole tree.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetCategoryList {}

/// One category and (where the answer includes them) its sub-categories.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryNode {
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

/// API 13 `video/getCategoryInfo`: one category and its direct children.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetCategoryInfo {
    pub category_id: i64,
}

/// API 14 `video/addCategory`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddCategory {
    pub name: String,
    /// 0 for a first-level category.
    pub parent_id: i64,
}

/// API 15 `video/deleteCategory`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteCategory {
    pub category_id: i64,
}

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

/// API 16 `video/getCategoryVideo`: videos in a category and its sub-categories.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetCategoryVideo {
    pub category_id: i64,
    /// 1-based (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// 1 to 100 (default 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryVideo {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// Bytes (known once transcoded).
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_size: i64,
    /// Unix seconds as sent (some editions send a date string).
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub preface_url: String,
    /// Seconds.
    #[serde(default, deserialize_with = "lenient::int")]
    pub length: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub publish_status: i64,
    #[serde(flatten)]
    pub category: CategoryLevels,
}

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

impl Client {
    /// API 12: every category, as a tree.
    pub fn get_category_list(&self) -> Result<CategoryList> {
        self.call(&GetCategoryList {})
    }

    /// API 13: one category and its direct sub-categories (0: the first level).
    pub fn get_category_info(&self, category_id: i64) -> Result<CategoryNode> {
        if category_id < 0 {
            return Err(Error::invalid_input(format!(
                "category_id must not be negative, not {category_id}"
            )));
        }
        self.call(&GetCategoryInfo { category_id })
    }

    /// API 14: adds a category under `parent_id` (0 for a first-level one).
    pub fn add_category(&self, name: &str, parent_id: i64) -> Result<CategoryNode> {
        if name.trim().is_empty() {
            return Err(Error::invalid_input("category name is empty"));
        }
        if parent_id < 0 {
            return Err(Error::invalid_input(format!(
                "parent_id must not be negative, not {parent_id}"
            )));
        }
        self.call(&AddCategory {
            name: name.to_owned(),
            parent_id,
        })
    }

    /// API 15: deletes a category (refused while it or a sub-category holds videos).
    pub fn delete_category(&self, category_id: i64) -> Result<DeletedCategory> {
        check_category_id(category_id)?;
        self.call(&DeleteCategory { category_id })
    }

    /// API 16: one page of the videos in a category and its sub-categories.
    pub fn get_category_video(&self, request: &GetCategoryVideo) -> Result<CategoryVideos> {
        check_category_id(request.category_id)?;
        check_page(
            request.page,
            request.page_size,
            MAX_CATEGORY_VIDEO_PAGE_SIZE,
        )?;
        self.call(request)
    }
}
