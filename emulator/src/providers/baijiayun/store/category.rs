//! The category tree (up to five levels); videos point into it by id.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

/// The deepest level the provider supports.
pub const MAX_LEVEL: i64 = 5;

#[derive(Debug, Clone)]
pub struct Category {
    pub id: i64,
    pub name: String,
    /// 0 for a first-level category.
    pub parent_id: i64,
    pub level: i64,
}

#[derive(Debug, Default)]
pub struct State {
    pub categories: BTreeMap<i64, Category>,
    pub next_id: i64,
}

impl State {
    /// The category `id` and its ancestors, first level first (empty if unknown).
    pub fn chain(&self, id: i64) -> Vec<&Category> {
        let mut out = Vec::new();
        let mut cur = self.categories.get(&id);
        while let Some(c) = cur {
            out.push(c);
            // The tree has at most five levels; the bound also guards a cycle.
            if out.len() > MAX_LEVEL as usize {
                break;
            }
            cur = self.categories.get(&c.parent_id);
        }
        out.reverse();
        out
    }

    pub fn children(&self, id: i64) -> impl Iterator<Item = &Category> {
        self.categories.values().filter(move |c| c.parent_id == id)
    }

    /// `id` and every category below it.
    pub fn subtree(&self, id: i64) -> BTreeSet<i64> {
        let mut out = BTreeSet::from([id]);
        let mut todo = vec![id];
        while let Some(cur) = todo.pop() {
            for c in self.children(cur) {
                if out.insert(c.id) {
                    todo.push(c.id);
                }
            }
        }
        out
    }

    /// The category with every level below it, as `getCategoryList` sends it:
    /// the first level with numbers, deeper levels with numbers as strings
    /// (the document's example does exactly that).
    pub fn tree(&self, c: &Category) -> Value {
        let children: Vec<Value> = self.children(c.id).map(|child| self.tree(child)).collect();
        let mut node = if c.level == 1 {
            json!({ "id": c.id, "name": c.name, "parent_id": c.parent_id, "level": c.level })
        } else {
            json!({
                "id": c.id.to_string(),
                "name": c.name,
                "parent_id": c.parent_id.to_string(),
                "level": c.level.to_string(),
            })
        };
        if !children.is_empty() {
            node["children"] = Value::Array(children);
        }
        node
    }
}
