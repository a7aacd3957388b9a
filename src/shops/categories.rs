//! Fetching a shop's category tree and finding in it the categories of the rule pack
//! (by their path as sellers see it, or by a leaf name found once), with the attributes
//! the platform requires there.

use crate::catalog::shops::ShopCategory;
use crate::market::{MarketError, Marketplace, RemoteCategory, Result};
use crate::rules::PlatformRules;
use crate::text;

/// What was found: the matched categories, and the pack's keys the shop's tree lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryMatch {
    pub found: Vec<ShopCategory>,
    pub missing: Vec<String>,
}

/// The full path of every category ("A > B > C"), folded for matching.
fn folded_paths(categories: &[RemoteCategory]) -> Vec<(String, String, &RemoteCategory)> {
    let by_id: std::collections::HashMap<&str, &RemoteCategory> =
        categories.iter().map(|c| (c.id.as_str(), c)).collect();
    categories
        .iter()
        .map(|category| {
            let mut names = vec![category.name.as_str()];
            let mut parent = category.parent_id.as_deref();
            // A malformed tree with a cycle must not loop forever.
            while let Some(id) = parent.filter(|_| names.len() < 16) {
                let Some(up) = by_id.get(id) else { break };
                names.push(up.name.as_str());
                parent = up.parent_id.as_deref();
            }
            names.reverse();
            let folded = names
                .iter()
                .map(|n| text::fold(n))
                .collect::<Vec<_>>()
                .join(" > ");
            (folded, names.join(" > "), category)
        })
        .collect()
}

fn folded_path(path: &str) -> String {
    path.split('>')
        .map(|part| text::fold(part.trim()))
        .collect::<Vec<_>>()
        .join(" > ")
}

/// A category's attributes, waiting as the platform asks when it says "too many
/// requests" (a pack has a dozen categories, asked one after another).
async fn attributes_paced(
    adapter: &impl Marketplace,
    id: &str,
) -> Result<Vec<crate::market::RemoteAttribute>> {
    let mut tries = 0;
    loop {
        match adapter.attributes(id).await {
            Err(MarketError::RateLimited { wait }) if tries < 5 => {
                tries += 1;
                tokio::time::sleep(wait.unwrap_or(std::time::Duration::from_secs(1))).await;
            }
            other => return other,
        }
    }
}

/// Matches the pack's categories against the shop's tree and asks, for each match, the
/// attributes the platform requires.
pub async fn fetch(adapter: &impl Marketplace, pack: &PlatformRules) -> Result<CategoryMatch> {
    let tree = adapter.categories().await?;
    let paths = folded_paths(&tree);
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for category in &pack.categories {
        let wanted = folded_path(&category.path);
        let leaf_name = wanted.rsplit(" > ").next().unwrap_or_default().to_owned();
        let exact = paths
            .iter()
            .find(|(folded, _, c)| c.leaf && *folded == wanted);
        let by_leaf = || {
            let mut leaves = paths.iter().filter(|(folded, _, c)| {
                c.leaf && folded.rsplit(" > ").next() == Some(leaf_name.as_str())
            });
            match (leaves.next(), leaves.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        };
        let Some((_, path, remote)) = exact.or_else(by_leaf) else {
            missing.push(category.key.clone());
            continue;
        };
        let required = attributes_paced(adapter, &remote.id)
            .await?
            .into_iter()
            .filter(|a| a.required)
            .collect();
        found.push(ShopCategory {
            category_key: category.key.clone(),
            remote_id: remote.id.clone(),
            remote_path: path.clone(),
            required_attributes: required,
        });
    }
    Ok(CategoryMatch { found, missing })
}
