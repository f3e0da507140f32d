//! `--icons DIR`: the user's own icons (for example AWS's official
//! Architecture Icons, downloaded and unpacked), read here and embedded
//! inline by `archc-svg`, so the SVG stays self-contained.
//!
//! Which file draws which resource, first match wins:
//! 1. `DIR/icons.json`, a map from a kind (`alb`) or a layout id
//!    (`ap-northeast-2.shop.web`) to a file path relative to DIR;
//! 2. `DIR/KIND.svg` or `DIR/ID.svg`;
//! 3. a file anywhere below DIR whose name holds the AWS icon package's
//!    name for the service (`Arch_Elastic-Load-Balancing_48.svg`), the 48 px
//!    one preferred.
//!
//! Bounded: at most [`MAX_FILES`] files are looked at, [`MAX_DEPTH`] levels
//! deep, and an icon larger than [`MAX_ICON_BYTES`] is refused.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use archc_svg::Icon;

const MAX_FILES: usize = 20_000;
const MAX_DEPTH: usize = 6;
const MAX_ICON_BYTES: u64 = 512 * 1024;

/// The name fragment of each kind in AWS's Architecture Icons package.
const AWS_PACKAGE_NAMES: &[(&str, &str)] = &[
    ("alb", "Elastic-Load-Balancing"),
    ("nlb", "Elastic-Load-Balancing"),
    ("ec2", "Amazon-EC2_"),
    ("asg", "Amazon-EC2-Auto-Scaling"),
    ("ecs", "Amazon-Elastic-Container-Service"),
    ("eks", "Amazon-Elastic-Kubernetes-Service"),
    ("efs", "Amazon-EFS"),
    ("lambda", "AWS-Lambda_"),
    ("rds", "Amazon-RDS_"),
    ("aurora", "Amazon-Aurora_"),
    ("elasticache", "Amazon-ElastiCache_"),
    ("dynamodb", "Amazon-DynamoDB_"),
    ("s3", "Amazon-Simple-Storage-Service_"),
    ("sqs", "Amazon-Simple-Queue-Service_"),
    ("sns", "Amazon-Simple-Notification-Service_"),
    ("kinesis", "Amazon-Kinesis-Data-Streams"),
    ("stepfn", "AWS-Step-Functions"),
    ("apigw", "Amazon-API-Gateway_"),
    ("eventbridge", "Amazon-EventBridge_"),
    ("cloudfront", "Amazon-CloudFront_"),
    ("route53", "Amazon-Route-53_"),
    ("waf", "AWS-WAF_"),
    ("tgw", "AWS-Transit-Gateway_"),
    ("vpn", "AWS-Site-to-Site-VPN"),
    ("dx", "AWS-Direct-Connect"),
    ("igw", "Internet-Gateway"),
    ("nat", "NAT-Gateway"),
    ("endpoint", "Endpoints"),
];

pub fn load(dir: &Path) -> Result<BTreeMap<String, Icon>, String> {
    if !dir.is_dir() {
        return Err(format!("--icons {}: not a folder", dir.display()));
    }
    let mut icons = BTreeMap::new();
    // 1. The mapping file.
    let map_path = dir.join("icons.json");
    if map_path.is_file() {
        let text =
            std::fs::read_to_string(&map_path).map_err(|e| format!("cannot read {}: {e}", map_path.display()))?;
        let map: BTreeMap<String, String> = serde_json::from_str(&text)
            .map_err(|e| format!("{}: expected a JSON object of names to file paths: {e}", map_path.display()))?;
        for (name, file) in map {
            icons.insert(name, read_icon(&dir.join(file))?);
        }
    }
    // 2 and 3: files found below the folder.
    let mut files = Vec::new();
    walk(dir, 0, &mut files);
    files.sort();
    for file in &files {
        let Some(stem) = file.file_stem().and_then(|s| s.to_str()) else { continue };
        if file.parent() == Some(dir) && !icons.contains_key(stem) {
            icons.insert(stem.to_string(), read_icon(file)?);
        }
    }
    for (kind, fragment) in AWS_PACKAGE_NAMES {
        if icons.contains_key(*kind) {
            continue;
        }
        let best = files
            .iter()
            .filter(|f| f.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.contains(fragment)))
            .min_by_key(|f| {
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                (!name.contains("_48"), !name.starts_with("Arch_"), name.len(), (*f).clone())
            });
        if let Some(file) = best {
            icons.insert((*kind).to_string(), read_icon(file)?);
        }
    }
    Ok(icons)
}

fn read_icon(path: &Path) -> Result<Icon, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read icon {}: {e}", path.display()))?.len();
    if size > MAX_ICON_BYTES {
        return Err(format!("icon {} is {size} bytes; at most {MAX_ICON_BYTES} are embedded", path.display()));
    }
    let svg = std::fs::read_to_string(path).map_err(|e| format!("cannot read icon {}: {e}", path.display()))?;
    if !svg.contains("<svg") {
        return Err(format!("icon {} is not an SVG file", path.display()));
    }
    Ok(Icon { svg })
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_DEPTH || out.len() >= MAX_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if out.len() >= MAX_FILES {
            return;
        }
        if path.is_dir() {
            walk(&path, depth + 1, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg")) {
            out.push(path);
        }
    }
}
