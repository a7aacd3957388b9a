//! Each platform's category tree as the practice marketplace has it: built from the
//! paths in the app's rule packs (so the app's categories are found in it, as on the
//! real platforms), with ids made from the path. Every leaf requires "Xuất xứ" (origin)
//! and offers "Thương hiệu" (brand).

use std::sync::OnceLock;

use super::wire::Market;
use crate::platform::Platform;
use crate::rules::RuleSet;
use crate::text;

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) id: String,
    pub(crate) parent: Option<String>,
    pub(crate) name: String,
    pub(crate) leaf: bool,
}

/// (attribute id, name, required) on every leaf.
pub(crate) const ATTRIBUTES: [(&str, &str, bool); 2] = [
    ("100001", "Xuất xứ", true),
    ("100002", "Thương hiệu", false),
];

fn id_of(path: &str) -> String {
    // FNV-1a over the folded path: stable across runs and releases.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text::fold(path).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (600_000 + hash % 400_000).to_string()
}

fn build(market: Market) -> Vec<Node> {
    let platform = match market {
        Market::Tiktok => Platform::TiktokShop,
        Market::Shopee => Platform::Shopee,
        Market::Lazada => Platform::Lazada,
    };
    let Ok(rules) = RuleSet::built_in() else {
        return Vec::new();
    };
    let mut nodes: Vec<Node> = Vec::new();
    for category in &rules.platform(platform).categories {
        let parts: Vec<&str> = category
            .path
            .split('>')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let mut parent: Option<String> = None;
        for depth in 0..parts.len() {
            let path = parts[..=depth].join(" > ");
            let id = id_of(&path);
            let leaf = depth + 1 == parts.len();
            match nodes.iter_mut().find(|n| n.id == id) {
                Some(node) => node.leaf = node.leaf && leaf,
                None => nodes.push(Node {
                    id: id.clone(),
                    parent: parent.clone(),
                    name: parts[depth].to_owned(),
                    leaf,
                }),
            }
            parent = Some(id);
        }
    }
    // A node that is some path's parent is not a leaf.
    let parents: Vec<String> = nodes.iter().filter_map(|n| n.parent.clone()).collect();
    for node in &mut nodes {
        if parents.contains(&node.id) {
            node.leaf = false;
        }
    }
    nodes
}

pub(crate) fn tree(market: Market) -> &'static [Node] {
    static TREES: OnceLock<[Vec<Node>; 3]> = OnceLock::new();
    let trees = TREES.get_or_init(|| {
        [
            build(Market::Tiktok),
            build(Market::Shopee),
            build(Market::Lazada),
        ]
    });
    match market {
        Market::Tiktok => &trees[0],
        Market::Shopee => &trees[1],
        Market::Lazada => &trees[2],
    }
}

pub(crate) fn is_leaf(market: Market, id: &str) -> bool {
    tree(market).iter().any(|n| n.id == id && n.leaf)
}
